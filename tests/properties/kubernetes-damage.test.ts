// Property tests (fast-check, fixed seed) on damaged Kubernetes inputs — kubectl diff, kubectl apply/delete dry-run
// text, helm-diff and --deleting objects in JSON and YAML, from the committed fixtures: a cut that is not at a line
// end, a NUL byte or UTF-16 without its mark is refused with one sentence naming the file; a cut at a line end is
// refused wherever the format can tell (inside a kubectl diff hunk or right after its headers, inside JSON), and
// elsewhere reads as the shorter input it now is; a changed, deleted or duplicated line never hides a deletion.
import fc from 'fast-check';
import { scratch } from './input-kinds.js';
import { KUBERNETES_KINDS, destroyed, expectOneSentence, readKubernetes, type KubeOutcome, type KubernetesKind } from './kubernetes-kinds.js';
import { fuzzOptions, fuzzTimeout } from './fuzz-options.js';

afterAll(() => scratch.remove());

const intact = new Map<Buffer, KubeOutcome>();

async function original(kind: KubernetesKind, which: number): Promise<{ bytes: Buffer; outcome: KubeOutcome }> {
  const bytes = kind.documents[which % kind.documents.length];
  if (!intact.has(bytes)) intact.set(bytes, await readKubernetes(kind, bytes));
  return { bytes, outcome: intact.get(bytes) as KubeOutcome };
}

const extensionOf = (kind: KubernetesKind): string => (kind.name.includes('JSON') ? 'json' : kind.name.includes('YAML') ? 'yaml' : 'txt');
const read = (kind: KubernetesKind, bytes: Buffer): Promise<KubeOutcome> => readKubernetes(kind, bytes, extensionOf(kind));

/** What a change or a refusal of the whole input holds back: destroyed objects, and objects left unjudged (which block). */
function heldBack(outcome: KubeOutcome): string[] {
  if (outcome.error !== undefined) return [];
  return [...destroyed(outcome), ...(outcome.summary.includes('unjudged-objects') ? ['(unjudged)'] : [])];
}

/** Every object a damaged read shows is in the intact one with the same action. */
function expectSubsetOf(damaged: KubeOutcome, whole: KubeOutcome): void {
  if (damaged.error !== undefined || whole.error !== undefined) return;
  for (const [address, action] of Object.entries(damaged.actions)) expect([address, whole.actions[address]]).toEqual([address, action]);
}

/** Lines with their line breaks, so that joining them gives the bytes back. */
const linesOf = (bytes: Buffer): string[] => bytes.toString('utf8').match(/[^\n]*\n|[^\n]+$/g) ?? [];

/** After a cut at a line end, the first line dropped: where a kubectl diff may end without a hunk cut short. */
const KUBECTL_DIFF_RESUMES = /^(diff |@@ |Error from server|The \w+ "|error: |Warning: )/;

describe.each(KUBERNETES_KINDS.map((kind) => [kind.name, kind] as const))('%s', (_name, kind) => {
  it(
    'refuses a cut that is not at a line end, and a cut at a line end wherever the format can tell one',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), async (which, at) => {
          const { bytes, outcome } = await original(kind, which);
          const cut = Math.floor(at * (bytes.length - 1));
          const kept = bytes.subarray(0, cut);
          const got = await read(kind, kept);
          const text = kept.toString('utf8');
          const atLineEnd = text.endsWith('\n');
          if (got.error !== undefined) return expectOneSentence(got);
          if (kind.framing === 'json') {
            // A JSON cut reads only when nothing but white space was dropped.
            expect(bytes.toString('utf8').slice(cut).trim()).toBe('');
            return expect(got).toEqual(outcome);
          }
          expect(atLineEnd).toBe(true);
          if (kind.framing === 'hunks') expect(bytes.toString('utf8').slice(cut)).toMatch(KUBECTL_DIFF_RESUMES);
          if (kind.framing !== 'bodies') expectSubsetOf(got, outcome);
        }),
        fuzzOptions(30, [[0, 0.5]]),
      );
    },
    fuzzTimeout(20_000),
  );

  it(
    'refuses a NUL byte anywhere, and UTF-16 without its mark or cut in a character',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.nat(), async (which, pick) => {
          const { bytes } = await original(kind, which);
          const at = pick % (bytes.length + 1);
          expectOneSentence(await read(kind, Buffer.concat([bytes.subarray(0, at), Buffer.from([0]), bytes.subarray(at)])));
          const utf16 = Buffer.from(`\ufeff${bytes.toString('utf8')}`, 'utf16le');
          expectOneSentence(await read(kind, utf16.subarray(2)));
          expectOneSentence(await read(kind, utf16.subarray(0, utf16.length - 1)));
        }),
        fuzzOptions(6),
      );
    },
    fuzzTimeout(20_000),
  );

  it('reads a UTF-8 byte-order mark and UTF-16 with its mark as the same input', async () => {
    for (const which of kind.documents.keys()) {
      const { bytes, outcome } = await original(kind, which);
      const utf16le = Buffer.from(`\ufeff${bytes.toString('utf8')}`, 'utf16le');
      expect(await read(kind, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]))).toEqual(outcome);
      expect(await read(kind, utf16le)).toEqual(outcome);
      expect(await read(kind, Buffer.from(utf16le).swap16())).toEqual(outcome);
    }
  }, 30_000);

  it(
    'refuses a changed byte, or reads it (outside YAML bodies, without losing a deletion or an unjudged object)',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), async (which, pick, value) => {
          const { bytes, outcome } = await original(kind, which);
          const damaged = Buffer.from(bytes);
          damaged[pick % damaged.length] = value;
          const got = await read(kind, damaged);
          if (got.error !== undefined) return expectOneSentence(got);
          // In a YAML body indentation is structure: a changed space can move a field elsewhere in a valid body
          // (`  x volumeClaimTemplates:` leaves spec), which is judged as written (SECURITY.md, Limits).
          if (kind.framing !== 'bodies') expect(heldBack(got).length).toBeGreaterThanOrEqual(heldBack(outcome).length);
        }),
        fuzzOptions(40),
      );
    },
    fuzzTimeout(30_000),
  );

  /** A property over one line of a document: `edit` gives the new lines, `judge` checks a read that was not refused. */
  const lineProperty = (edit: (lines: string[], at: number) => string[], judge: (got: KubeOutcome, outcome: KubeOutcome, line: string) => void) => async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), async (which, pick) => {
        const { bytes, outcome } = await original(kind, which);
        const lines = linesOf(bytes);
        const at = pick % lines.length;
        const got = await read(kind, Buffer.from(edit(lines, at).join('')));
        if (got.error !== undefined) return expectOneSentence(got);
        judge(got, outcome, lines[at]);
      }),
      fuzzOptions(40),
    );
  };

  it(
    'refuses a deleted line, or reads what is left',
    lineProperty(
      (lines, at) => [...lines.slice(0, at), ...lines.slice(at + 1)],
      (got, outcome, dropped) => {
        // kubectl diff: a line counted by its hunk or a header cannot go unseen; the line before the headers can.
        if (kind.framing === 'hunks' && !/^(diff |Warning: )/.test(dropped)) expect(got).toEqual(outcome);
        if (kind.framing === 'lines') expectSubsetOf(got, outcome);
      },
    ),
    fuzzTimeout(20_000),
  );

  it(
    'refuses a duplicated line, or reads it without losing a deletion or an unjudged object',
    lineProperty(
      (lines, at) => [...lines.slice(0, at + 1), lines[at].endsWith('\n') ? lines[at] : `${lines[at]}\n`, ...lines.slice(at + 1)],
      (got, outcome) => expect(heldBack(got)).toEqual(expect.arrayContaining(heldBack(outcome))),
    ),
    fuzzTimeout(20_000),
  );
});

const diffs = KUBERNETES_KINDS.find((kind) => kind.framing === 'hunks') as KubernetesKind;
const helmDiff = KUBERNETES_KINDS.find((kind) => kind.name === 'helm-diff') as KubernetesKind;

it('refuses a kubectl diff cut right after any header line of an object: diff, ---, +++ or @@', async () => {
  for (const bytes of diffs.documents) {
    const lines = linesOf(bytes);
    for (const [at, line] of lines.entries()) {
      if (!/^(diff |--- |\+\+\+ |@@ )/.test(line)) continue;
      expectOneSentence(await read(diffs, Buffer.from(lines.slice(0, at + 1).join(''))));
    }
  }
});

it('refuses helm-diff output cut right after the header of an entry', async () => {
  for (const bytes of helmDiff.documents) {
    const lines = linesOf(bytes);
    for (const [at, line] of lines.entries()) {
      if (!/ (has been added|has been removed|has changed):\n$/.test(line)) continue;
      expectOneSentence(await read(helmDiff, Buffer.from(lines.slice(0, at + 1).join(''))));
    }
  }
});

describe('regressions the properties found', () => {
  it('refuses kubectl and helm text without its final line break, and still reads JSON without one', async () => {
    for (const kind of KUBERNETES_KINDS) {
      const [bytes] = kind.documents as [Buffer];
      const got = await read(kind, Buffer.from(bytes.toString('utf8').trimEnd()));
      if (kind.framing === 'json') expect(got).toEqual((await original(kind, 0)).outcome);
      else {
        expectOneSentence(got);
        expect(got.error === undefined ? '' : got.message).toMatch(/does not end with a line break/);
      }
    }
  });

  it('refuses a helm-diff entry whose body is not the object its header names (a changed kind hid a replace)', async () => {
    const [bytes] = helmDiff.documents as [Buffer];
    for (const [from, to] of [
      [', Deployment (apps) has changed:', ', Aeployment (apps) has changed:'],
      [', Deployment (apps) has changed:', ', Deployment (appz) has changed:'],
      ['payments-prod, api, ', 'payments-prod, apx, '],
    ]) {
      const got = await read(helmDiff, Buffer.from(bytes.toString('utf8').replace(from, to)));
      expectOneSentence(got);
      expect(got.error === undefined ? '' : got.message).toMatch(/is not the \w+ payments-prod\/ap[ix] its helm-diff header names/);
    }
  });
});
