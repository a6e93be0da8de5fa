// Reads a YAML (or JSON) configuration document safely: size-capped, no custom tags, no dates, and refused when
// aliases would expand it beyond a bound (a "billion laughs" document).
import { ConfigError } from '../errors.js';

const MAX_BYTES = 1024 * 1024;
const MAX_EXPANDED_NODES = 100_000;

/** Counts nodes as a consumer walking the document would see them, aliases expanded; stops at the bound. */
function expandedSize(value: unknown, budget: { left: number }): void {
  if (--budget.left < 0) return;
  if (Array.isArray(value)) for (const item of value) expandedSize(item, budget);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) expandedSize(item, budget);
}

export async function readYaml(text: string, path: string): Promise<unknown> {
  if (Buffer.byteLength(text) > MAX_BYTES) throw new ConfigError(`${path} is larger than 1 MB: that is not a configuration file.`);
  const yaml = await import('js-yaml');
  let document: unknown;
  try {
    // CORE_SCHEMA: no timestamps (an `expires: 2026-12-31` stays text) and no custom tags.
    document = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: path });
  } catch (error) {
    const reason = String((error as Error).message).split('\n')[0];
    throw new ConfigError(`${path} is not valid YAML: ${reason}.`);
  }
  const budget = { left: MAX_EXPANDED_NODES };
  expandedSize(document, budget);
  if (budget.left < 0) throw new ConfigError(`${path} expands to more than ${MAX_EXPANDED_NODES} values (YAML aliases): refused.`);
  return document;
}
