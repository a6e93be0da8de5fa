// Gathers every string Terraform marks sensitive in a value tree, so that no copy of it elsewhere (say the
// provider-computed `tags_all`, which Terraform does not mark) is ever carried into the model.
import type { JsonValue } from './plan-types.js';

/** Below this length a sensitive string is matched whole only: containment would discard every short value. */
const MIN_CONTAINED_LENGTH = 4;

/**
 * Every string and number in a value marked sensitive, map keys included (a sensitive map hides its keys too);
 * iterative, so a value nested 100,000 levels deep cannot overflow the stack.
 */
function collectLeaves(value: JsonValue | undefined, out: Set<string>): void {
  const stack: (JsonValue | undefined)[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') out.add(node);
    else if (typeof node === 'number') out.add(String(node));
    else if (Array.isArray(node)) for (const child of node) stack.push(child);
    else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        out.add(key);
        stack.push(child);
      }
    }
  }
}

/** Walks the value and its `*_sensitive` tree side by side, iteratively for the same reason. */
function walk(value: JsonValue | undefined, sensitive: JsonValue | undefined, out: Set<string>): void {
  const stack: [JsonValue | undefined, JsonValue | undefined][] = [[value, sensitive]];
  while (stack.length > 0) {
    const [node, marks] = stack.pop() as [JsonValue | undefined, JsonValue | undefined];
    if (marks === true) {
      collectLeaves(node, out);
      continue;
    }
    if (marks === null || typeof marks !== 'object' || node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push([item, Array.isArray(marks) ? marks[i] : undefined]));
      continue;
    }
    for (const [key, child] of Object.entries(node)) {
      stack.push([child, !Array.isArray(marks) && Object.hasOwn(marks, key) ? marks[key] : undefined]);
    }
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
