// Reads the current kube context, its cluster, namespace and server host from the kubeconfig files, as kubectl merges them.
import { delimiter, join } from 'node:path';
import type { CredentialReading } from './credential-finding.js';
import { loadYamlFile } from '../files/load-yaml-file.js';

/** The current context as kubectl would use it; `file` is the kubeconfig that set `current-context`. */
export interface KubeContext {
  context: string;
  cluster?: string;
  namespace?: string;
  file: string;
}

interface ContextEntry {
  cluster?: string;
  namespace?: string;
  file: string;
}

interface ClusterEntry {
  server?: string;
  file: string;
}

interface MergedKubeconfig {
  current?: { context: string; file: string };
  contexts: Map<string, ContextEntry>;
  clusters: Map<string, ClusterEntry>;
  /** The first file that could not be read: merging stops there, as kubectl itself refuses to go on. */
  unreadable?: { file: string; problem: string };
}

class ShapeError extends Error {}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new ShapeError(`its ${field} is not a string`);
  return value;
}

/** `contexts:` / `clusters:`: a list of `{ name, <kind>: { … } }`; anything else makes the file unreadable. */
function namedEntries(document: Record<string, unknown>, list: 'contexts' | 'clusters', kind: 'context' | 'cluster'): [string, Record<string, unknown>][] {
  const entries = document[list];
  if (entries === undefined || entries === null) return [];
  if (!Array.isArray(entries)) throw new ShapeError(`its ${list} are not a list`);
  return entries.map((entry) => {
    if (!isMapping(entry) || typeof entry.name !== 'string') throw new ShapeError(`its ${list} are not a list of named entries`);
    const body = entry[kind] ?? {};
    if (!isMapping(body)) throw new ShapeError(`its ${kind} "${entry.name}" is not a mapping`);
    return [entry.name, body];
  });
}

function mergeFile(merged: MergedKubeconfig, file: string, document: unknown): void {
  if (document === undefined || document === null) return;
  if (!isMapping(document)) throw new ShapeError('it is not a kubeconfig: its top level is not a mapping');
  const contexts = namedEntries(document, 'contexts', 'context').map(([name, body]) => {
    const entry: ContextEntry = {
      file,
      cluster: optionalString(body.cluster, `context "${name}" cluster`),
      namespace: optionalString(body.namespace, `context "${name}" namespace`),
    };
    return [name, entry] as const;
  });
  const clusters = namedEntries(document, 'clusters', 'cluster').map(
    ([name, body]) => [name, { file, server: optionalString(body.server, `cluster "${name}" server`) }] as const,
  );
  const current = optionalString(document['current-context'], 'current-context');
  // Validated whole before anything is kept: a file is merged entirely or not at all. The first definition wins.
  if (current !== undefined && merged.current === undefined) merged.current = { context: current, file };
  for (const [name, entry] of contexts) if (!merged.contexts.has(name)) merged.contexts.set(name, entry);
  for (const [name, entry] of clusters) if (!merged.clusters.has(name)) merged.clusters.set(name, entry);
}

/** KUBECONFIG (a `:`-separated list, `;` on Windows) or ~/.kube/config; kubectl skips listed files that do not exist. */
function kubeconfigFiles(env: NodeJS.ProcessEnv, home: string): string[] {
  const listed = (env.KUBECONFIG ?? '').split(delimiter).filter((file) => file !== '');
  return listed.length > 0 ? [...new Set(listed)] : [join(home, '.kube', 'config')];
}

function mergeKubeconfigs(env: NodeJS.ProcessEnv, home: string): MergedKubeconfig {
  const merged: MergedKubeconfig = { contexts: new Map(), clusters: new Map() };
  for (const file of kubeconfigFiles(env, home)) {
    const loaded = loadYamlFile(file);
    if (loaded.status === 'missing') continue;
    if (loaded.status === 'unreadable') {
      merged.unreadable = { file, problem: loaded.problem };
      break;
    }
    try {
      mergeFile(merged, file, loaded.document);
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      merged.unreadable = { file, problem: error.message };
      break;
    }
  }
  return merged;
}

function currentOf(merged: MergedKubeconfig): KubeContext | undefined {
  if (!merged.current) return undefined;
  const definition = merged.contexts.get(merged.current.context);
  return { ...merged.current, cluster: definition?.cluster, namespace: definition?.namespace };
}

/**
 * The current context, its cluster and namespace, read from the kubeconfig files without contacting any cluster;
 * undefined when no readable file sets `current-context`. Cheap enough for the agent hooks.
 */
export function currentKubeContext(env: NodeJS.ProcessEnv, home: string): KubeContext | undefined {
  return currentOf(mergeKubeconfigs(env, home));
}

function serverHost(server: string): string | undefined {
  try {
    return new URL(server).hostname || undefined;
  } catch {
    return undefined;
  }
}

export function readKubernetes(env: NodeJS.ProcessEnv, home: string): CredentialReading[] {
  const merged = mergeKubeconfigs(env, home);
  const readings: CredentialReading[] = [];
  const current = currentOf(merged);
  if (current) {
    const name = (text: string, label: string, secondary = false) => ({ kind: 'name', text, label, secondary }) as const;
    readings.push({
      source: 'kubernetes',
      what: 'context',
      value: current.context,
      where: `${current.file} current-context`,
      basis: name(current.context, 'context name'),
    });
    const definition = merged.contexts.get(current.context);
    const at = (field: string) => `${definition?.file} context "${current.context}" ${field}`;
    if (current.cluster) {
      readings.push({ source: 'kubernetes', what: 'cluster', value: current.cluster, where: at('cluster'), basis: name(current.cluster, 'cluster name') });
      const cluster = merged.clusters.get(current.cluster);
      const host = cluster?.server === undefined ? undefined : serverHost(cluster.server);
      if (host) {
        readings.push({
          source: 'kubernetes',
          what: 'server',
          value: host,
          where: `${cluster?.file} cluster "${current.cluster}" server`,
          basis: name(host, 'server host', true),
        });
      }
    }
    if (current.namespace) {
      readings.push({
        source: 'kubernetes',
        what: 'namespace',
        value: current.namespace,
        where: at('namespace'),
        basis: name(current.namespace, 'namespace name', true),
      });
    }
  }
  if (merged.unreadable) {
    const { file, problem } = merged.unreadable;
    readings.push({ source: 'kubernetes', what: 'file', value: file, where: file, basis: { kind: 'unreadable', problem } });
  }
  return readings;
}
