// Gathers every string Terraform marks sensitive in a value tree, so that no copy of it elsewhere (say the
// provider-computed `tags_all`, which Terraform does not mark) is ever carried into the model.
import type { JsonValue } from './plan-types.js';

/** Below this length a sensitive string is matched whole only: containment would discard every short value. */
const MIN_CONTAINED_LENGTH = 4;

function collectLeaves(value: JsonValue | undefined, out: Set<string>): void {
  if (typeof value === 'string') out.add(value);
  else if (typeof value === 'number') out.add(String(value));
  else if (Array.isArray(value)) value.forEach((item) => collectLeaves(item, out));
  else if (value !== null && value !== undefined) Object.values(value).forEach((item) => collectLeaves(item, out));
}

function walk(value: JsonValue | undefined, sensitive: JsonValue | undefined, out: Set<string>): void {
  if (sensitive === true) {
    collectLeaves(value, out);
    return;
  }
  if (sensitive === null || typeof sensitive !== 'object' || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, Array.isArray(sensitive) ? sensitive[i] : undefined, out));
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    walk(child, !Array.isArray(sensitive) && Object.hasOwn(sensitive, key) ? sensitive[key] : undefined, out);
  }
}

export function sensitiveStrings(values: JsonValue | undefined, sensitive: JsonValue | undefined, out = new Set<string>()): Set<string> {
  walk(values, sensitive, out);
  return out;
}

/** True when the text is, or holds, a value marked sensitive anywhere in the same resource change. */
export function revealsSensitive(text: string, secrets: Set<string>): boolean {
  if (secrets.has(text)) return true;
  for (const secret of secrets) if (secret.length >= MIN_CONTAINED_LENGTH && text.includes(secret)) return true;
  return false;
}
