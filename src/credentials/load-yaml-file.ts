// Loads a small YAML file with js-yaml's safe default schema, refusing alias bombs; errors never quote the file.
import { load } from 'js-yaml';
import { yamlErrorPosition } from '../yaml/describe-yaml-error.js';
import { expandsBeyond } from '../yaml/expands-beyond.js';
import { readConfigFile } from './read-config-file.js';

export type YamlFile = { status: 'read'; document: unknown } | { status: 'missing' } | { status: 'unreadable'; problem: string };

export function loadYamlFile(path: string): YamlFile {
  const file = readConfigFile(path);
  if (file.status !== 'read') return file;
  let document: unknown;
  try {
    document = load(file.text);
  } catch (error) {
    return { status: 'unreadable', problem: `it is not valid YAML${yamlErrorPosition(error)}` };
  }
  // A document without aliases has fewer nodes than characters; one that expands to more (or loops) is refused.
  if (expandsBeyond(document, Math.max(file.text.length, 1000))) {
    return { status: 'unreadable', problem: 'its YAML aliases expand to more nodes than the file has characters (an alias bomb), so it was refused' };
  }
  return { status: 'read', document };
}
