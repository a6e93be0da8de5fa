// Reads a YAML (or JSON) configuration document safely: no custom tags, no dates, and refused when aliases would
// expand it beyond a bound (a "billion laughs" document). loadConfig caps its size first.
import { ConfigError } from '../errors.js';
import { loadYaml } from '../yaml/load-yaml.js';

const MAX_EXPANDED_NODES = 100_000;

/** The core schema keeps an `expires: 2026-12-31` text, not a date; custom tags are refused. */
export function readYaml(text: string, path: string): unknown {
  const loaded = loadYaml(text, { maxNodes: MAX_EXPANDED_NODES, filename: path });
  if (loaded.status === 'invalid') throw new ConfigError(`${path} is not valid YAML: ${String((loaded.error as Error).message).split('\n')[0]}.`);
  if (loaded.status === 'alias-bomb') throw new ConfigError(`${path} expands to more than ${MAX_EXPANDED_NODES} values (YAML aliases): refused.`);
  return loaded.value;
}
