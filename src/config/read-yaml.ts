// Reads a YAML (or JSON) configuration document safely: no custom tags, no dates, and refused when aliases would
// expand it beyond a bound (a "billion laughs" document). loadConfig caps its size first.
import { ConfigError } from '../errors.js';
import { expandsBeyond } from '../yaml/expands-beyond.js';

const MAX_EXPANDED_NODES = 100_000;

export async function readYaml(text: string, path: string): Promise<unknown> {
  const yaml = await import('js-yaml');
  let document: unknown;
  try {
    // CORE_SCHEMA: no timestamps (an `expires: 2026-12-31` stays text) and no custom tags.
    document = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: path });
  } catch (error) {
    const reason = String((error as Error).message).split('\n')[0];
    throw new ConfigError(`${path} is not valid YAML: ${reason}.`);
  }
  if (expandsBeyond(document, MAX_EXPANDED_NODES)) throw new ConfigError(`${path} expands to more than ${MAX_EXPANDED_NODES} values (YAML aliases): refused.`);
  return document;
}
