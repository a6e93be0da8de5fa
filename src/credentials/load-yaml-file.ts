// Loads a small YAML file with js-yaml's safe default schema, refusing alias bombs; errors never quote the file.
import { load } from 'js-yaml';
import { readConfigFile } from './read-config-file.js';

export type YamlFile = { status: 'read'; document: unknown } | { status: 'missing' } | { status: 'unreadable'; problem: string };

/**
 * js-yaml resolves an alias to the anchored object itself, so `[*a, *a, …]` nested a few levels costs little to
 * load but expands to billions of nodes for whoever walks it. A document without aliases has fewer nodes than
 * characters; one that expands to more than that (or to a cycle) is refused.
 */
function expandsBeyond(document: unknown, budget: number): boolean {
  const stack: unknown[] = [document];
  let nodes = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    if (++nodes > budget) return true;
    if (node === null || typeof node !== 'object' || node instanceof Date || ArrayBuffer.isView(node)) continue;
    for (const child of Object.values(node)) stack.push(child);
  }
  return false;
}

/** js-yaml's message quotes the lines around the error (a kubeconfig holds tokens): keep its reason and position only. */
function describeYamlError(error: unknown): string {
  const { reason, mark } = (error ?? {}) as { reason?: unknown; mark?: { line?: unknown; column?: unknown } };
  const where = typeof mark?.line === 'number' && typeof mark.column === 'number' ? ` at line ${mark.line + 1}, column ${mark.column + 1}` : '';
  const why = typeof reason === 'string' && /^[\w ,()-]+$/.test(reason) ? ` (${reason})` : '';
  return `it is not valid YAML${where}${why}`;
}

export function loadYamlFile(path: string): YamlFile {
  const file = readConfigFile(path);
  if (file.status !== 'read') return file;
  let document: unknown;
  try {
    document = load(file.text);
  } catch (error) {
    return { status: 'unreadable', problem: describeYamlError(error) };
  }
  if (expandsBeyond(document, Math.max(file.text.length, 1000))) {
    return { status: 'unreadable', problem: 'its YAML aliases expand to more nodes than the file has characters (an alias bomb), so it was refused' };
  }
  return { status: 'read', document };
}
