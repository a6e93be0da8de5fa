// Loads a small YAML file with js-yaml's safe default schema, refusing alias bombs; errors never quote the file.
import { load } from 'js-yaml';
import { expandsBeyond } from '../yaml/expands-beyond.js';
import { readConfigFile } from './read-config-file.js';

export type YamlFile = { status: 'read'; document: unknown } | { status: 'missing' } | { status: 'unreadable'; problem: string };

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
  // A document without aliases has fewer nodes than characters; one that expands to more (or loops) is refused.
  if (expandsBeyond(document, Math.max(file.text.length, 1000))) {
    return { status: 'unreadable', problem: 'its YAML aliases expand to more nodes than the file has characters (an alias bomb), so it was refused' };
  }
  return { status: 'read', document };
}
