// Property tests (fast-check, fixed seed): damaged input is refused or means what it says. Truncated at any byte,
// a bracket deleted, a NUL byte or UTF-16 without its mark: an InputError. A byte changed anywhere: an InputError,
// or the verdict of what the changed document now says, the same on both read paths. A byte-order mark: the same verdict.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { INPUT_KINDS, readPlan, scratch, type InputKind } from './input-kinds.js';
import { fuzzOptions, fuzzTimeout } from './fuzz-options.js';

afterAll(() => scratch.remove());

/** A kind, one of its documents, and that document's outcome when read intact. */
async function original(kind: InputKind, which: number): Promise<{ bytes: Buffer; outcome: string }> {
  const bytes = kind.documents[which % kind.documents.length];
  return { bytes, outcome: await kind.read(bytes) };
}

function parsedOrUndefined(bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

describe.each(INPUT_KINDS.map((kind) => [kind.name, kind] as const))('%s', (_name, kind) => {
  it(
    'refuses a document truncated at any byte',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), async (which, at) => {
          const { bytes } = await original(kind, which);
          const end = bytes.toString('utf8').trimEnd().length;
          const cut = Math.min(end - 1, Math.floor(at * end));
          expect(await kind.read(bytes.subarray(0, cut))).toBe('InputError');
        }),
        fuzzOptions(40),
      );
    },
    fuzzTimeout(20_000),
  );

  it(
    'refuses a document with a bracket deleted',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.nat(), async (which, pick) => {
          const { bytes } = await original(kind, which);
          const text = bytes.toString('latin1');
          const brackets = [...text.matchAll(/[{}[\]]/g)].map((m) => m.index);
          const at = brackets[pick % brackets.length];
          expect(await kind.read(Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]))).toBe('InputError');
        }),
        fuzzOptions(40),
      );
    },
    fuzzTimeout(20_000),
  );

  it(
    'refuses a changed byte, or judges what the changed document says, the same as a clean copy of it',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), async (which, pick, value) => {
          const { bytes, outcome } = await original(kind, which);
          const damaged = Buffer.from(bytes);
          damaged[pick % damaged.length] = value;
          const after = parsedOrUndefined(damaged);
          const got = await kind.read(damaged);
          if (after === undefined) expect(got).toBe('InputError');
          else if (isDeepStrictEqual(after, parsedOrUndefined(bytes))) expect(got).toBe(outcome);
          else expect(got).toBe(await readPlan(JSON.stringify(after)));
        }),
        fuzzOptions(60),
      );
    },
    fuzzTimeout(30_000),
  );

  it(
    'refuses a NUL byte anywhere',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.nat(), async (which, pick) => {
          const { bytes } = await original(kind, which);
          const at = pick % (bytes.length + 1);
          expect(await kind.read(Buffer.concat([bytes.subarray(0, at), Buffer.from([0]), bytes.subarray(at)]))).toBe('InputError');
        }),
        fuzzOptions(20),
      );
    },
    fuzzTimeout(20_000),
  );

  it('reads a UTF-8 byte-order mark and UTF-16 with its mark as the same document, and refuses UTF-16 without one', async () => {
    for (const [which, bytes] of kind.documents.entries()) {
      const { outcome } = await original(kind, which);
      const utf16le = Buffer.from(`\ufeff${bytes.toString('utf8')}`, 'utf16le');
      const utf16be = Buffer.from(utf16le).swap16();
      expect(await kind.read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]))).toBe(outcome);
      expect(await kind.read(utf16le)).toBe(outcome);
      expect(await kind.read(utf16be)).toBe(outcome);
      expect(await kind.read(utf16le.subarray(2))).toBe('InputError');
      expect(await kind.read(utf16le.subarray(0, utf16le.length - 1))).toBe('InputError');
    }
  }, 30_000);
});
