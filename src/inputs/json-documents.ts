// Parses input text as one JSON document or a stream of concatenated documents (terragrunt run-all show -json),
// with errors that give a position but never quote the input (it may hold secrets); refuses a key written twice.
import { InputError } from '../errors.js';
import { prependChunks } from './byte-source.js';
import { MAX_DOCUMENTS, tooManyDocumentsMessage } from './document-limit.js';
import { duplicateKeyError, findDuplicateKey, type JsonPath } from './duplicate-keys.js';
import { JsonScanner } from './json-scanner.js';

interface ScanResult {
  /** End offsets (exclusive) of each complete top-level object or array. */
  ends: number[];
  /** True when the text ends inside a string or an unclosed bracket. */
  truncated: boolean;
  /** Offset of the first character that cannot start or continue a document, if any. */
  strayAt?: number;
}

/** Finds the boundaries of top-level objects/arrays by bracket depth, honouring strings and escapes. */
function scanTopLevel(text: string): ScanResult {
  const ends: number[] = [];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      if (depth === 0) return { ends, truncated: false, strayAt: i };
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth < 0) return { ends, truncated: false, strayAt: i };
      if (depth === 0) ends.push(i + 1);
    } else if (depth === 0 && !(c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)) {
      return { ends, truncated: false, strayAt: i };
    }
  }
  return { ends, truncated: inString || depth > 0 };
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** The position V8 names in a JSON.parse error, without the excerpt of input it may also quote. */
function errorPosition(error: unknown): number | undefined {
  const match = /position (\d+)/.exec(String((error as Error).message));
  return match ? Number(match[1]) : undefined;
}

function parseSlice(text: string, start: number, end: number, name: string, fallbackPosition?: number): unknown {
  try {
    return JSON.parse(text.slice(start, end));
  } catch (error) {
    const relative = errorPosition(error);
    const position = relative === undefined ? fallbackPosition : start + relative;
    const where = position === undefined ? '' : ` at ${lineAndColumn(text, position)}`;
    throw new InputError(`${name} is not valid JSON${where}.`);
  }
}

/**
 * Returns every top-level JSON document in the text: one for `terraform show -json`, several for a stream of
 * concatenated plans. A truncated or malformed document anywhere is an InputError; so, after that, is a key written
 * twice in one object (`writer`, the tool whose output the text should be, is named in that refusal).
 */
export function parseJsonDocuments(text: string, name: string, writer?: string): unknown[] {
  const documents = parseDocuments(text, name);
  const duplicate = firstDuplicateKey(text);
  if (duplicate) throw duplicateKeyError(name, duplicate, writer);
  return documents;
}

/**
 * The path of the first key written twice in the (valid) JSON text: found by the scanner's WebAssembly skipper over its
 * UTF-8 bytes, 20–40 times faster than findDuplicateKey, which searches a text with lone surrogates instead (UTF-8
 * cannot hold them, so two such keys would look alike in bytes).
 */
export function firstDuplicateKey(text: string): JsonPath | undefined {
  if (!(text as string & { isWellFormed(): boolean }).isWellFormed()) return findDuplicateKey(text);
  const scanner = new JsonScanner(prependChunks([Buffer.from(text, 'utf8')], { read: () => null }), 'text');
  while (scanner.hasDocument()) scanner.skipValue();
  return scanner.duplicateKey;
}

function parseDocuments(text: string, name: string): unknown[] {
  try {
    return [JSON.parse(text)];
  } catch {
    // Not a single document: find out whether it is a stream, truncated, or broken, below.
  }
  const scan = scanTopLevel(text);
  if (scan.truncated && scan.strayAt === undefined) {
    throw new InputError(`${name} ends before its JSON is complete: the file is truncated.`);
  }
  if (scan.strayAt !== undefined || scan.ends.length < 2) {
    parseSlice(text, 0, scan.ends[0] ?? text.length, name, scan.strayAt);
    throw new InputError(`${name} is not valid JSON at ${lineAndColumn(text, scan.strayAt ?? scan.ends[0] ?? 0)}.`);
  }
  if (scan.ends.length > MAX_DOCUMENTS) throw new InputError(tooManyDocumentsMessage(name));
  let start = 0;
  return scan.ends.map((end) => {
    const document = parseSlice(text, start, end, name);
    start = end;
    return document;
  });
}
