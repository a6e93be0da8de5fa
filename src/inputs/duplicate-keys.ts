// Finds a key written twice in one JSON object, which JSON readers resolve differently, and words its refusal. The
// JSON scanner makes the check as it walks the bytes (of every input read whole too: firstDuplicateKey in
// json-documents.ts); findDuplicateKey searches text instead, for text with lone surrogates, which UTF-8 cannot hold.
import { InputError } from '../errors.js';

/** Where a value sits in a document: the keys and list indexes that lead to it. */
export type JsonPath = (string | number)[];

/** `resource_changes[3].change.actions` */
function formatPath(path: JsonPath): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
}

/** The refusal of an input that writes the key at `path` twice; `writer` is the tool whose output it should be. */
export function duplicateKeyError(name: string, path: JsonPath, writer = 'Terraform'): InputError {
  return new InputError(
    `${name} writes the key ${formatPath(path)} twice, which JSON readers read differently (${writer} never writes a key twice): it is refused as ambiguous.`,
  );
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The path of the first key written twice in an object of `text`, which must be valid JSON (one document or several);
 * undefined when there is none. One pass without recursion, looking at keys only: strings are jumped over with indexOf.
 * Keys compare by what they decode to (`"a\u0062"` is `"ab"`).
 */
export function findDuplicateKey(text: string): JsonPath | undefined {
  /** Per open container: the keys seen (objects) or undefined (arrays), and the current key or index. */
  const seen: (Set<string> | undefined)[] = [];
  const where: JsonPath = [];
  let expectKey = false;
  for (let position = 0; position < text.length; position++) {
    const c = text.charCodeAt(position);
    if (c === QUOTE) {
      let end = text.indexOf('"', position + 1);
      while (isEscaped(text, end)) end = text.indexOf('"', end + 1);
      if (expectKey) {
        const raw = text.slice(position + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        const keys = seen[seen.length - 1] as Set<string>;
        if (keys.has(key)) return [...where.slice(0, -1), key];
        keys.add(key);
        where[where.length - 1] = key;
        expectKey = false;
      }
      position = end;
    } else if (c === 0x7b) {
      seen.push(new Set());
      where.push('');
      expectKey = true;
    } else if (c === 0x5b) {
      seen.push(undefined);
      where.push(0);
    } else if (c === 0x7d || c === 0x5d) {
      seen.pop();
      where.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      const last = where.length - 1;
      if (seen[last] === undefined) where[last] = (where[last] as number) + 1;
      else expectKey = true;
    }
  }
  return undefined;
}

/** True when the quote at `at` is escaped: an odd number of backslashes stands before it. */
function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}
