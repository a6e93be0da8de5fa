// The WebAssembly skipper behind JsonScanner.skipValue reads a copy of the window a piece at a time (the mirror, 256
// KiB): around the places where one piece ends and the next begins, and in objects wide enough for its hash tables,
// it refuses exactly what the whole read refuses, with the same words, and finds the same key written twice.
import { InputError } from '../../src/errors.js';
import { findDuplicateKey } from '../../src/inputs/duplicate-keys.js';
import { parseJsonDocuments } from '../../src/inputs/json-documents.js';
import { JsonScanner } from '../../src/inputs/json-scanner.js';
import { expectUpToDate } from '../helpers/generated-file.js';
import { scannerVerdict } from '../helpers/json-chunks.js';

it('is what `npm run wasm:skipper` compiles from assembly/json-skipper.ts', () => {
  expectUpToDate('generate-json-skipper.js', 'src/generated/json-skipper.generated.ts', 'npm run wasm:skipper');
});

const MIRROR = 256 * 1024;

/** What the whole read says of the same bytes. */
function wholeVerdict(bytes: Buffer): string | undefined {
  try {
    parseJsonDocuments(bytes.toString('utf8'), 'plan.json');
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
}

/** A pretty-printed document of about `size` bytes: many lines, keys and strings of one-, two-, three- and four-byte characters and escapes. */
function document(size: number): Buffer {
  const entries: Record<string, unknown>[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const entry = {
      [`key-${i}-é`]: `value ${i} "quoted" \\ € 😀 \n end`,
      [`😀${i}`]: [i, -i / 7, i * 1e21, true, false, null, { nested: { deeper: [`x${i}`] } }],
      ['€'.repeat(i % 5) + 'plain']: 'x'.repeat(i % 97),
    };
    length += JSON.stringify(entry, null, 2).length;
    entries.push(entry);
  }
  return Buffer.from(JSON.stringify({ entries }, null, 2));
}

/** The start of the character holding byte `offset`. */
function characterStart(bytes: Buffer, offset: number): number {
  let start = offset;
  while ((bytes[start] & 0xc0) === 0x80) start--;
  return start;
}

/** The end of the character starting at `start`. */
function characterEnd(bytes: Buffer, start: number): number {
  let end = start + 1;
  while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end++;
  return end;
}

const DOCUMENT = document(3 * MIRROR);
/** Offsets on both sides of the first two places a piece of the mirror can end, whole characters. */
const NEAR_BOUNDARIES = [MIRROR, 2 * MIRROR].flatMap((boundary) => Array.from({ length: 13 }, (_, i) => characterStart(DOCUMENT, boundary - 6 + i)));
/** Windows of 1 MiB hold four pieces of the mirror; windows of 100 KB less than one. */
const CHUNK_SIZES = [1 << 20, 100_000];

describe('the skipper across the ends of its mirror', () => {
  it('reads a document three mirrors long as the whole read does', () => {
    expect(wholeVerdict(DOCUMENT)).toBeUndefined();
    for (const size of CHUNK_SIZES) expect(scannerVerdict(DOCUMENT, size)).toBeUndefined();
  });

  it.each(NEAR_BOUNDARIES.map((offset) => [offset]))('refuses a control character at byte %i, naming its line and column', (offset) => {
    const damaged = Buffer.concat([DOCUMENT.subarray(0, offset), Buffer.from([0x01]), DOCUMENT.subarray(characterEnd(DOCUMENT, offset))]);
    const before = DOCUMENT.subarray(0, offset).toString('utf8');
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    expect(wholeVerdict(damaged)).toMatch(/^plan\.json is not valid JSON\b/);
    for (const size of CHUNK_SIZES) expect(scannerVerdict(damaged, size)).toBe(`plan.json is not valid JSON at line ${line}, column ${column}.`);
  });

  it.each(NEAR_BOUNDARIES.map((offset) => [offset]))('refuses the document cut at byte %i as truncated', (offset) => {
    const cut = DOCUMENT.subarray(0, offset);
    const expected = wholeVerdict(cut);
    expect(expected).toBe('plan.json ends before its JSON is complete: the file is truncated.');
    for (const size of CHUNK_SIZES) expect(scannerVerdict(cut, size)).toBe(expected);
  });

  it('reads keys and escapes cut by the end of a piece of the mirror, and finds a key written twice there', () => {
    for (const shift of [0, 1, 2, 3, 4, 5, 6, 7]) {
      // The second key of the object ends up across the first end of the mirror, written with escapes the first time.
      const padding = 'p'.repeat(MIRROR - shift - 40);
      const text = `{"padding":"${padding}","object":{"\\ud83d\\ude00é\\u20ac\\"k":1,"😀é€\\"k":2}}`;
      const bytes = Buffer.from(text);
      expect(findDuplicateKey(text)).toEqual(['object', '😀é€"k']);
      for (const size of CHUNK_SIZES) expect(scannerVerdict(bytes, size)).toBe(wholeVerdict(bytes));
      expect(scannerVerdict(bytes, 1 << 20)).toBe(
        'plan.json writes the key object.😀é€"k twice, which JSON readers read differently (Terraform never writes a key twice): it is refused as ambiguous.',
      );
    }
  });
});

describe("the skipper's hash tables for wide objects", () => {
  /** An object of `count` keys written once each, then `extra` (a key already there, or a new one). */
  const wide = (count: number, extra: string): string => `{"wide":[0,{${Array.from({ length: count }, (_, i) => `"k${i}":${i}`).join(',')},"${extra}":true}]}`;

  it.each([31, 32, 33, 100, 128, 129, 5000])('finds the one key written twice among %i', (count) => {
    for (const extra of ['k0', `k${Math.floor(count / 2)}`, `k${count - 1}`, 'k\\u0030']) {
      const text = wide(count, extra);
      const path = findDuplicateKey(text);
      expect(path).toEqual(['wide', 1, JSON.parse(`"${extra}"`) as string]);
      expect(scannerVerdict(Buffer.from(text), 1 << 20)).toBe(wholeVerdict(Buffer.from(text)));
    }
  });

  it.each([31, 32, 33, 100, 128, 129, 5000])('reads %i keys and one more as written once each', (count) => {
    const text = wide(count, 'another');
    expect(findDuplicateKey(text)).toBeUndefined();
    expect(scannerVerdict(Buffer.from(text), 1 << 20)).toBeUndefined();
  });

  it('keeps the keys of each object apart: the same keys in sibling and nested objects are no duplicate', () => {
    const object = `{${Array.from({ length: 300 }, (_, i) => `"k${i}":{"k${i}":1,"z":[{"k0":0,"z":1}]}`).join(',')}}`;
    const text = `[${object},${object}]`;
    expect(findDuplicateKey(text)).toBeUndefined();
    expect(scannerVerdict(Buffer.from(text), 4096)).toBeUndefined();
  });
});

describe('the skipper sixteen bytes at a time', () => {
  // Each special byte at every place in a block of sixteen, and past it, in keys and in values.
  const SPECIALS = ['\\"', '\\\\', '\\n', '\\u00e9', 'é', '€', '😀', '\u0001', '\t', '"'];
  const texts = SPECIALS.flatMap((special) =>
    Array.from({ length: 40 }, (_, i) => {
      const run = `${'a'.repeat(i)}${special}${'b'.repeat(40 - i)}`;
      return [`{"${run}":"${run}","k":["${run}"]}`, `{"k":"${run}","${run}":1,"${run}":2}`];
    }).flat(),
  );

  it('makes texts of all three kinds: read whole, refused as broken and refused for a key written twice', () => {
    const verdicts = texts.map((text) => wholeVerdict(Buffer.from(text)) ?? 'read');
    expect(verdicts).toContain('read');
    expect(verdicts.some((verdict) => verdict.includes('not valid JSON'))).toBe(true);
    expect(verdicts.some((verdict) => verdict.includes('twice'))).toBe(true);
  });

  it.each([1, 7, 1 << 20])('reads what the whole read reads, and refuses what it refuses, on %i-byte chunks', (size) => {
    for (const text of texts) {
      const whole = wholeVerdict(Buffer.from(text));
      const scanned = scannerVerdict(Buffer.from(text), size);
      // Broken JSON: the whole read words some damage differently (it may call it truncated); both refuse it.
      if (whole !== undefined && !whole.includes('twice'))
        expect([text, scanned]).toEqual([text, expect.stringMatching(/^plan\.json (is not valid JSON|ends before)/)]);
      else expect([text, scanned]).toEqual([text, whole]);
    }
  });
});

describe('capturing members while skipping', () => {
  const WANTED = { outer: ['address', 'change', 'index'], nestedIndex: 1, inner: ['actions'] };

  /** The wanted members of `text` (read in chunks of `size`), parsed from what the scanner captured, by key. */
  function captured(text: string, size: number): Record<string, unknown> {
    const bytes = Buffer.from(text);
    let offset = 0;
    const scanner = new JsonScanner({ read: () => (offset >= bytes.length ? null : Buffer.from(bytes.subarray(offset, (offset += size)))) }, 'plan.json');
    const found: Record<string, unknown> = {};
    for (const { slot, start, end } of scanner.skipCapturing(WANTED)) {
      const key = slot < WANTED.outer.length ? WANTED.outer[slot] : `change.${WANTED.inner[slot - WANTED.outer.length]}`;
      found[key] = bytes.subarray(start, end).toString('utf8').replace(/^\s*:/, '').trim();
    }
    return found;
  }

  it.each([1, 5, 1 << 20])('finds the outer keys and the inner ones of the nested object alone, in %i-byte chunks', (size) => {
    const text = `{ "address" : "a.b[\\"x\\"]",\n "other": {"address": 1, "actions": 2},\n "change": {"before": {"actions": ["no"]}, "actions" :\n ["delete", "create"] },\n "index": 3 }`;
    expect(captured(text, size)).toEqual({
      address: '"a.b[\\"x\\"]"',
      'change.actions': '["delete", "create"]',
      change: '{"before": {"actions": ["no"]}, "actions" :\n ["delete", "create"] }',
      index: '3',
    });
  });

  it('captures a nested member that is not an object whole, and searches nothing inside it', () => {
    expect(captured('{"change":["actions",{"actions":1}],"address":null}', 1 << 20)).toEqual({ change: '["actions",{"actions":1}]', address: 'null' });
  });

  it('captures nothing in a value that is not an object', () => {
    expect(captured('["address","change"]', 1 << 20)).toEqual({});
  });

  it('goes on capturing after a key written twice (the last one counts, as in JSON.parse; the input is refused later)', () => {
    expect(captured('{"index":1,"index":2,"address":"x"}', 1 << 20)).toEqual({ index: '2', address: '"x"' });
  });
});
