// What Terraform source files say about the environment that the plan JSON does not carry: the backend's state key,
// workspace or prefix, providers' default tags and labels, and *.tfvars values, each with its file and line.
import type { Label, RootVariable } from '../model.js';
import { asList, type HclJson } from './hcl-json.js';

export interface SourceEvidence {
  /** Backend settings that name the state (`key = "prod/network.tfstate"`), with where they were read. */
  backend: { field: string; value: string; where: string }[];
  /** Provider default_tags / default_labels: they apply to every resource of the plan that says nothing itself. */
  defaultLabels: Label[];
  /** Variables set in terraform.tfvars / *.auto.tfvars. */
  variables: (RootVariable & { where: string })[];
}

export const NO_SOURCE_EVIDENCE: SourceEvidence = { backend: [], defaultLabels: [], variables: [] };

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The line where a value is set (`file:line`): the first `key = "value"` when the key is given, else the first
 * occurrence of the value, else just the file.
 */
export function locate(file: string, text: string, value: string, key?: string): string {
  const setting = key === undefined ? -1 : text.search(new RegExp(`["']?\\b${escapeRegExp(key)}["']?\\s*[=:]\\s*["']?${escapeRegExp(value)}`));
  const index = setting !== -1 ? setting : text.indexOf(value);
  return index === -1 ? file : `${file}:${text.slice(0, index).split('\n').length}`;
}

const BACKEND_FIELDS = ['key', 'prefix', 'workspace_key_prefix', 'path', 'name', 'container_name', 'bucket'];

export function backendEvidence(document: HclJson, file: string, text: string): SourceEvidence['backend'] {
  const found: SourceEvidence['backend'] = [];
  for (const terraform of asList(document.terraform)) {
    for (const [kind, blocks] of Object.entries((terraform.backend as HclJson) ?? {})) {
      for (const block of asList(blocks)) {
        for (const field of BACKEND_FIELDS) {
          const value = block[field];
          if (typeof value === 'string') found.push({ field: `backend "${kind}" ${field}`, value, where: locate(file, text, value, field) });
        }
        // remote backend: workspaces { name = "…" } or { prefix = "…" }
        for (const workspaces of asList(block.workspaces)) {
          for (const field of ['name', 'prefix']) {
            const value = workspaces[field];
            if (typeof value === 'string') found.push({ field: `backend "${kind}" workspaces ${field}`, value, where: locate(file, text, value, field) });
          }
        }
      }
    }
    for (const cloud of asList(terraform.cloud)) {
      for (const workspaces of asList(cloud.workspaces)) {
        const name = workspaces.name;
        if (typeof name === 'string') found.push({ field: 'cloud workspaces name', value: name, where: locate(file, text, name, 'name') });
      }
    }
  }
  return found;
}

export function defaultLabelEvidence(document: HclJson, file: string, text: string): Label[] {
  const labels: Label[] = [];
  for (const [provider, configs] of Object.entries((document.provider as HclJson) ?? {})) {
    for (const config of asList(configs)) {
      const maps: [string, unknown][] = [
        ...asList(config.default_tags).map((block): [string, unknown] => [`provider "${provider}" default_tags`, block.tags]),
        [`provider "${provider}" default_labels`, config.default_labels],
      ];
      for (const [field, map] of maps) {
        if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
        for (const [key, value] of Object.entries(map as HclJson)) {
          if (typeof value === 'string') labels.push({ key, value, field: `${field} (${locate(file, text, value, key)})` });
        }
      }
    }
  }
  return labels;
}

export function tfvarsEvidence(document: HclJson, file: string, text: string): SourceEvidence['variables'] {
  return Object.entries(document)
    .filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number')
    .map(([name, value]) => ({ name, value: String(value), sensitive: false, where: locate(file, text, String(value), name) }));
}
