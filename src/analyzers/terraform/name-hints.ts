// Collects name-like attribute values (`identifier`, `bucket`, `metadata[0].namespace` …) that may reveal the environment.
import type { NameHint } from '../../model.js';
import type { JsonValue } from './plan-types.js';
import { isSensitive } from './sensitivity.js';

/** Top-level attributes that name the object, or the project / group / namespace it lives in. */
export const NAME_FIELDS = [
  'name',
  'name_prefix',
  'identifier',
  'identifier_prefix',
  'bucket',
  'cluster_identifier',
  'cluster_name',
  'function_name',
  'db_name',
  'database_name',
  'domain_name',
  'project',
  'resource_group_name',
  'namespace',
  'workspace',
];

/** Kubernetes objects keep their name and namespace inside `metadata` (a list block in the kubernetes provider). */
const METADATA_FIELDS = ['name', 'namespace'];

type Tree = JsonValue | undefined;

function child(tree: Tree, step: string | number): Tree {
  if (tree === null || typeof tree !== 'object') return undefined;
  if (Array.isArray(tree)) return typeof step === 'number' ? tree[step] : undefined;
  return typeof step === 'string' && Object.hasOwn(tree, step) ? tree[step] : undefined;
}

function pick(values: Tree, sensitive: Tree, path: (string | number)[], field: string, out: NameHint[]): void {
  let node = values;
  for (const step of path) node = child(node, step);
  if (typeof node === 'string' && node !== '' && !isSensitive(sensitive, path)) out.push({ field, value: node });
}

export function collectNameHints(values: Tree, sensitive: Tree): NameHint[] {
  const out: NameHint[] = [];
  for (const field of NAME_FIELDS) pick(values, sensitive, [field], field, out);
  for (const field of METADATA_FIELDS) {
    pick(values, sensitive, ['metadata', 0, field], `metadata[0].${field}`, out);
    pick(values, sensitive, ['manifest', 'metadata', field], `manifest.metadata.${field}`, out);
  }
  return out;
}
