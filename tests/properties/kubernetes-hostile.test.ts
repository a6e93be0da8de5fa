// Property tests (fast-check, fixed seed) on hostile Kubernetes bodies in every format that carries one (kubectl
// diff of a pruned, created or updated object, helm-diff entries, --deleting YAML and JSON): nesting 100,000 levels
// deep and multi-megabyte scalars answer without overflowing the stack (the same verdict, or one sentence); YAML
// alias bombs and custom tags are refused; `__proto__`, `constructor` and `prototype` as label and annotation keys,
// names and namespaces change no verdict and pollute nothing.
import fc from 'fast-check';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { scratch } from './input-kinds.js';
import { expectOneSentence, readKubernetes, type KubeOutcome } from './kubernetes-kinds.js';
import {
  bodyJson,
  bodyLines,
  helmDiffAdded,
  helmDiffChanged,
  helmDiffRemoved,
  kubectlApplyPruned,
  kubectlDeleted,
  kubectlDiffCreated,
  kubectlDiffPruned,
  kubectlDiffUpdated,
  type ObjectShape,
} from './kubernetes-shapes.js';
import { fuzzOptions, fuzzTimeout } from './fuzz-options.js';

afterAll(() => scratch.remove());

const DEPTH = 100_000;

const SHAPE: ObjectShape = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  namespace: 'payments-prod',
  name: 'ledger-settings',
  labels: { app: 'ledger', environment: 'production' },
  annotations: { team: 'payments' },
  rest: ['data:', '  mode: strict'],
};

/** One object in one format: the input's text and whether it goes with --deleting. */
interface Format {
  name: string;
  deleting: boolean;
  /** The input holding the object; `rest` replaces its top-level lines after metadata. */
  text(shape: ObjectShape): string;
}

const withRest = (shape: ObjectShape, rest: string[]): ObjectShape => ({ ...shape, rest });
const NEUTRAL_REST = ['data:', '  mode: relaxed'];

/** The formats that print a whole YAML body. */
const YAML_FORMATS: Format[] = [
  { name: 'kubectl diff, pruned', deleting: false, text: (s) => kubectlDiffPruned(bodyLines(s), s) },
  { name: 'kubectl diff, created', deleting: false, text: (s) => kubectlDiffCreated(bodyLines(s), s) },
  { name: 'kubectl diff, updated', deleting: false, text: (s) => kubectlDiffUpdated(bodyLines(withRest(s, NEUTRAL_REST)), bodyLines(s), s) },
  { name: 'helm-diff, removed', deleting: false, text: (s) => helmDiffRemoved(bodyLines(s), s) },
  { name: 'helm-diff, added', deleting: false, text: (s) => helmDiffAdded(bodyLines(s), s) },
  { name: 'helm-diff, changed', deleting: false, text: (s) => helmDiffChanged(bodyLines(withRest(s, NEUTRAL_REST)), bodyLines(s), s) },
  { name: '--deleting YAML', deleting: true, text: (s) => `${bodyLines(s).join('\n')}\n` },
];

/** The formats that name the object only. */
const NAME_FORMATS: Format[] = [
  { name: 'kubectl apply --prune', deleting: false, text: kubectlApplyPruned },
  { name: 'kubectl delete', deleting: false, text: kubectlDeleted },
];

const JSON_FORMAT: Format = { name: '--deleting JSON', deleting: true, text: (s) => `${JSON.stringify(bodyJson(s, { data: { mode: 'strict' } }), null, 2)}\n` };

const read = (format: Format, text: string): Promise<KubeOutcome> =>
  readKubernetes(format, text, format.deleting ? (format === JSON_FORMAT ? 'json' : 'yaml') : 'txt');

/** Hostile values, as the YAML text of `data:` lines. */
const DEEP_YAML: [string, string[]][] = [
  ['a flow sequence', ['data:', `  deep: ${'['.repeat(DEPTH)}1${']'.repeat(DEPTH)}`]],
  ['a flow mapping', ['data:', `  deep: ${'{a: '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`]],
  ['block sequences', ['data:', `  deep:`, ...Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i + 2)}-`)]],
];

describe.each(YAML_FORMATS.map((format) => [format.name, format] as const))('%s', (_name, format) => {
  it.each(DEEP_YAML)(
    'answers on nesting deep in %s: the same verdict, or one sentence',
    async (_what, rest) => {
      const expected = await read(format, format.text(SHAPE));
      const got = await read(format, format.text(withRest(SHAPE, rest)));
      if (got.error !== undefined) expectOneSentence(got);
      else expect(got).toEqual(expected);
    },
    20_000,
  );

  it('answers on a multi-megabyte scalar: the same verdict, or one sentence', async () => {
    const expected = await read(format, format.text(SHAPE));
    for (const size of [5]) {
      const got = await read(format, format.text(withRest(SHAPE, ['data:', `  big: "${'a'.repeat(size * 1024 * 1024)}"`])));
      if (got.error !== undefined) expectOneSentence(got);
      else expect(got).toEqual(expected);
    }
  }, 30_000);

  it(
    'refuses a YAML alias bomb in the body, with one sentence',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 4, max: 10 }), fc.integer({ min: 6, max: 10 }), async (width, depth) => {
          const rest = ['data:', `  a0: &a0 [${Array(width).fill('"lol"').join(', ')}]`];
          for (let i = 1; i <= depth; i++)
            rest.push(
              `  a${i}: &a${i} [${Array(width)
                .fill(`*a${i - 1}`)
                .join(', ')}]`,
            );
          const got = await read(format, format.text(withRest(SHAPE, rest)));
          // An update's body outside metadata is never parsed: kubectl diff reads only its metadata.
          if (format.name === 'kubectl diff, updated') expect(got).toEqual(await read(format, format.text(SHAPE)));
          else expectOneSentence(got);
        }),
        fuzzOptions(4),
      );
    },
    fuzzTimeout(20_000),
  );

  it(
    'refuses a custom YAML tag in the body or its metadata, with one sentence',
    async () => {
      const tag = fc.oneof(
        fc.constantFrom(
          '!!js/function',
          '!!js/regexp',
          '!!js/undefined',
          '!!python/object/apply:os.system',
          '!!binary',
          '!!timestamp',
          '!!set',
          '!!omap',
          '!!pairs',
        ),
        fc.stringMatching(/^![a-z][a-z0-9/:-]{0,12}$/),
      );
      await fc.assert(
        fc.asyncProperty(tag, fc.boolean(), async (yamlTag, inMetadata) => {
          const shape = inMetadata ? SHAPE : withRest(SHAPE, ['data:', `  code: ${yamlTag} "function () { return 1 }"`]);
          let text = format.text(shape);
          if (inMetadata) text = text.replace('    "app": "ledger"', `    "app": ${yamlTag} "ledger"`);
          const got = await read(format, text);
          if (format.name === 'kubectl diff, updated' && !inMetadata) expect(got).toEqual(await read(format, format.text(SHAPE)));
          else expectOneSentence(got);
        }),
        fuzzOptions(4),
      );
    },
    fuzzTimeout(20_000),
  );
});

describe('--deleting JSON', () => {
  it.each([
    ['an array', `${'['.repeat(DEPTH)}1${']'.repeat(DEPTH)}`],
    ['an object', `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`],
  ])(
    'answers on nesting 100,000 levels deep in %s: the same verdict, or one sentence',
    async (_what, raw) => {
      const expected = await read(JSON_FORMAT, JSON_FORMAT.text(SHAPE));
      const text = JSON_FORMAT.text(SHAPE).replace('"mode": "strict"', `"mode": ${raw}`);
      const got = await read(JSON_FORMAT, text);
      if (got.error !== undefined) expectOneSentence(got);
      else expect(got).toEqual(expected);
      expectOneSentence(await read(JSON_FORMAT, raw));
    },
    20_000,
  );

  it('refuses a value longer than any object can hold, with one sentence', async () => {
    expectOneSentence(await read(JSON_FORMAT, JSON_FORMAT.text(SHAPE).replace('"strict"', `"${'a'.repeat(4 * 1024 * 1024)}"`)));
  }, 20_000);
});

it.each([
  ['kubectl diff', 'pruned', (rest: string[]) => kubectlDiffPruned(bodyLines(withRest(SHAPE, rest)), SHAPE), []],
  ['helm-diff', 'removed', (rest: string[]) => helmDiffRemoved(bodyLines(withRest(SHAPE, rest)), SHAPE), []],
  ['--deleting', 'JSON', () => `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`, ['--deleting']],
] as const)('the CLI answers on %s (%s) nested 100,000 levels deep, with no stack trace', (_format, _which, text, flags) => {
  const file = scratch.write(`deep-${_format.replace(/\W/g, '')}.txt`, text(DEEP_YAML[0][1]));
  const result = runCli(['check', ...flags, file], { env: { KUBECONFIG: `${ROOT}/no-kubeconfig` } });
  expect(result.code).toBe(2);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
});

const HOSTILE = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
/** A word the readers treat as they treat `key`: the same length and the same kinds of characters. */
const neutralFor = (key: string): string => key.replace(/[a-z]/g, 'q').replace(/[A-Z]/g, 'Q');

/** Where the word goes in the object. */
const KEY_PLACES: Record<string, (shape: ObjectShape, word: string) => ObjectShape> = {
  'a label key': (s, w) => ({ ...s, labels: { ...s.labels, [w]: 'production' } }),
  'a label key alone': (s, w) => ({ ...s, labels: { [w]: 'production' } }),
  'an annotation key': (s, w) => ({ ...s, annotations: { [w]: 'payments' } }),
  'the name': (s, w) => ({ ...s, name: w }),
  'the namespace': (s, w) => ({ ...s, namespace: w }),
};

it(
  'changes no verdict and pollutes nothing when __proto__, constructor or prototype is a key, a name or a namespace',
  async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const formats = [...YAML_FORMATS, ...NAME_FORMATS, JSON_FORMAT];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...formats), fc.constantFrom(...Object.keys(KEY_PLACES)), fc.constantFrom(...HOSTILE), async (format, place, key) => {
        const put = KEY_PLACES[place];
        const neutral = await read(format, format.text(put(SHAPE, neutralFor(key))));
        const hostile = await read(format, format.text(put(SHAPE, key)));
        // Keys are read in every format; a name or namespace of these characters may be refused, alike.
        if (place.includes('key')) expect(neutral.error).toBeUndefined();
        expect(JSON.stringify(hostile).replace(/kube-\d+/g, 'kube-N')).toBe(
          JSON.stringify(neutral)
            .replace(/kube-\d+/g, 'kube-N')
            .replaceAll(neutralFor(key), key),
        );
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(typeof {}.toString).toBe('function');
      }),
      fuzzOptions(60),
    );
  },
  fuzzTimeout(30_000),
);
