// Edits of plan documents for the properties: the fields of the plan format itself (not attribute values), a value
// replaced in the text by raw JSON (so that `1e400` or a duplicated key survive), and a serializer that writes a key twice.

export type Path = (string | number)[];
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Members of a resource change entry, and of its `change`, that the plan format defines. */
const ENTRY_FIELDS = ['address', 'type', 'name', 'mode', 'index', 'previous_address', 'module_address', 'action_reason', 'deposed', 'change'];
const CHANGE_FIELDS = ['actions', 'importing', 'replace_paths'];
const TOP_FIELDS = ['format_version', 'terraform_version', 'errored', 'variables', 'resource_changes', 'resource_drift', 'output_changes', 'configuration'];

const isObject = (value: unknown): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Paths of every plan-format field present in the document, and of each action name. */
export function formatFieldPaths(plan: Record<string, Json>): Path[] {
  const paths: Path[] = TOP_FIELDS.filter((key) => Object.hasOwn(plan, key)).map((key) => [key]);
  for (const list of ['resource_changes', 'resource_drift'] as const) {
    const entries = plan[list];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, i) => {
      paths.push([list, i]);
      if (!isObject(entry)) return;
      for (const key of ENTRY_FIELDS) if (Object.hasOwn(entry, key)) paths.push([list, i, key]);
      const change = entry.change;
      if (!isObject(change)) return;
      for (const key of CHANGE_FIELDS) if (Object.hasOwn(change, key)) paths.push([list, i, 'change', key]);
      if (Array.isArray(change.actions)) change.actions.forEach((_, j) => paths.push([list, i, 'change', 'actions', j]));
    });
  }
  for (const [name, output] of Object.entries(isObject(plan.output_changes) ? plan.output_changes : {})) {
    paths.push(['output_changes', name]);
    if (isObject(output) && Object.hasOwn(output, 'actions')) paths.push(['output_changes', name, 'actions']);
  }
  return paths;
}

export function valueAt(document: Json, path: Path): Json | undefined {
  let node: Json | undefined = document;
  for (const step of path) node = isObject(node) || Array.isArray(node) ? (node as Record<string, Json>)[step] : undefined;
  return node;
}

/** The document as JSON text with the value at `path` written as the raw text `raw`. */
export function withRawValue(document: Json, path: Path, raw: string): string {
  const marker = `@@fuzz-replaced-${Math.random().toString(36).slice(2)}@@`;
  const copy = structuredClone(document);
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1]] = marker;
  return JSON.stringify(copy).replace(JSON.stringify(marker), () => raw);
}

/** The type JSON gives a value, telling arrays and null apart. */
export function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Serializes the document, writing the member `key` of the object at `path` twice: first with `firstRaw`, then
 * with its real value. JSON.parse would keep the last; blast-radius refuses the document.
 */
export function withDuplicateKey(document: Json, path: Path, key: string, firstRaw: string): string {
  const write = (node: Json, at: Path): string => {
    if (Array.isArray(node)) return `[${node.map((item, i) => write(item, [...at, i])).join(',')}]`;
    if (!isObject(node)) return JSON.stringify(node);
    const here = at.length === path.length && at.every((step, i) => step === path[i]);
    const members = Object.entries(node).map(
      ([k, v]) => `${here && k === key ? `${JSON.stringify(k)}:${firstRaw},` : ''}${JSON.stringify(k)}:${write(v, [...at, k])}`,
    );
    return `{${members.join(',')}}`;
  };
  return write(document, []);
}
