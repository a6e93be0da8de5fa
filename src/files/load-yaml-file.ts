// Loads a small YAML file (a kubeconfig) with the one YAML loader, refusing alias bombs; errors never quote the file.
import { yamlErrorPosition } from '../yaml/describe-yaml-error.js';
import { loadYaml } from '../yaml/load-yaml.js';
import { readSmallFile } from './read-small-file.js';

export type YamlFile = { status: 'read'; document: unknown } | { status: 'missing' } | { status: 'unreadable'; problem: string };

export function loadYamlFile(path: string): YamlFile {
  const file = readSmallFile(path);
  if (file.status !== 'read') return file;
  const loaded = loadYaml(file.text);
  if (loaded.status === 'invalid') return { status: 'unreadable', problem: `it is not valid YAML${yamlErrorPosition(loaded.error)}` };
  if (loaded.status === 'alias-bomb') {
    return { status: 'unreadable', problem: 'its YAML aliases expand to more nodes than the file has characters (an alias bomb), so it was refused' };
  }
  return { status: 'read', document: loaded.value };
}
