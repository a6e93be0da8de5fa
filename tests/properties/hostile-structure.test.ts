// Property tests (fast-check, fixed seed) on hostile structure: nesting 100,000 levels deep anywhere in a plan, read
// through the library on both paths and through the CLI, answers without overflowing the stack; `__proto__`,
// `constructor` and `prototype` as keys and names change no verdict and pollute nothing.
import fc from 'fast-check';
import { INPUT_KINDS, PLANS, readPlan, scratch } from './input-kinds.js';
import { runCli } from '../helpers/run-cli.js';
import { withRawValue, type Path } from './plan-json-tools.js';
import { fuzzOptions, fuzzTimeout } from './fuzz-options.js';

afterAll(() => scratch.remove());

const DEPTH = 100_000;
const documents = PLANS.map((bytes) => JSON.parse(bytes.toString('utf8')));
const PROD_REPLACE = 0;
/** terraform_data.prod_db, replaced: its change is read on both paths. */
const CHANGE: Path = ['resource_changes', 1, 'change'];

const nested = {
  array: (leaf: string) => `${'['.repeat(DEPTH)}${leaf}${']'.repeat(DEPTH)}`,
  object: (leaf: string) => `${'{"a":'.repeat(DEPTH)}${leaf}${'}'.repeat(DEPTH)}`,
  modules: () => `${'{"module_calls":{"m":{"module":'.repeat(DEPTH)}{}${'}}}'.repeat(DEPTH)}`,
};

/** Where deep nesting goes, and the raw value put there. */
const DEEP_PLACES: [string, Path, () => string][] = [
  ['an attribute value', [...CHANGE, 'after', 'input'], () => nested.array('1')],
  ['an attribute object', [...CHANGE, 'after', 'input'], () => nested.object('"x"')],
  ['a value under a sensitive mark', [...CHANGE, 'after_sensitive'], () => `{"input":${nested.array('true')}}`],
  ['replace_paths', [...CHANGE, 'replace_paths'], () => `[${nested.array('"x"')}]`],
  ['importing', [...CHANGE, 'importing'], () => `{"id":${nested.object('1')}}`],
  ['planned_values', ['planned_values'], () => nested.object('{}')],
  ['a root variable', ['variables', 'environment'], () => `{"value":${nested.array('"production"')}}`],
  ['configuration expressions', ['configuration', 'root_module', 'resources', 0, 'expressions'], () => nested.object('{"references":["terraform_data.x"]}')],
  ['module calls', ['configuration', 'root_module', 'module_calls'], () => `{"deep":{"module":${nested.modules()}}}`],
  ['the whole document', [], () => nested.array('{}')],
];

function deepDocument(path: Path, raw: () => string): string {
  return path.length === 0 ? raw() : withRawValue(documents[PROD_REPLACE], path, raw());
}

describe.each(INPUT_KINDS.map((kind) => [kind.name, kind] as const))('%s', (_name, kind) => {
  it.each(DEEP_PLACES.map(([name, path, raw]) => [name, path, raw] as const))(
    'answers on nesting 100,000 levels deep in %s: the same verdict, or an InputError',
    async (_place, path, raw) => {
      const original = await readPlan(PLANS[PROD_REPLACE]);
      expect(['InputError', original]).toContain(await kind.read(Buffer.from(deepDocument(path, raw))));
    },
    20_000,
  );
});

it.each([
  ['a file, an attribute nested 100,000 levels deep', DEEP_PLACES[0], 'file', 1],
  ['standard input, a document nested 100,000 levels deep', DEEP_PLACES[9], 'stdin', 2],
  ['a file, configuration expressions nested 100,000 levels deep', DEEP_PLACES[7], 'file', 1],
] as const)('the CLI answers on %s, with no stack trace', (_name, place, via, code) => {
  const [, path, raw] = place;
  const text = deepDocument(path, raw);
  const result = via === 'file' ? runCli(['check', scratch.write('deep.json', text)]) : runCli(['check', '-'], { input: text });
  expect(result.code).toBe(code);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  if (code === 2) expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
});

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Places a key or name goes: `@@` stands for it (planted in the text, so that `__proto__` stays an own key). */
const KEY_PLACES: [string, Path, string][] = [
  ['a tag key', [...CHANGE, 'after', 'triggers_replace'], '{"tags":{"@@":"production"}}'],
  ['a tag value', [...CHANGE, 'after', 'triggers_replace'], '{"tags":{"Environment":"@@"}}'],
  ['a label key', [...CHANGE, 'after', 'triggers_replace'], '{"metadata":[{"labels":{"@@":"prod"},"name":"@@"}]}'],
  ['a sensitive mark', [...CHANGE, 'after_sensitive'], '{"@@":true,"input":{"@@":true}}'],
  ['a resource name in the address', ['resource_changes', 1, 'address'], '"terraform_data.@@"'],
  ['a module address', ['resource_changes', 1, 'module_address'], '"module.@@"'],
  ['an instance key', ['resource_changes', 1, 'index'], '"@@"'],
  ['an action', [...CHANGE, 'actions'], '["@@"]'],
  ['a root variable name', ['variables'], '{"@@":{"value":"production"}}'],
  ['an output name', ['output_changes'], '{"@@":{"actions":["delete"]}}'],
  ['configuration', ['configuration'], '{"@@":{"@@":1},"root_module":{"@@":{},"variables":{"@@":{"sensitive":true}}}}'],
];

it(
  'changes no verdict and pollutes nothing when __proto__, constructor or prototype is a key or a name',
  async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...KEY_PLACES), fc.constantFrom(...HOSTILE_KEYS), async ([, path, template], key) => {
        const neutral = await Promise.all(
          INPUT_KINDS.map((k) => k.read(Buffer.from(withRawValue(documents[PROD_REPLACE], path, template.replaceAll('@@', 'plainkey'))))),
        );
        const hostile = await Promise.all(
          INPUT_KINDS.map((k) => k.read(Buffer.from(withRawValue(documents[PROD_REPLACE], path, template.replaceAll('@@', key))))),
        );
        expect(hostile).toEqual(neutral.map((outcome) => outcome.replaceAll('plainkey', key)));
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(typeof {}.toString).toBe('function');
      }),
      fuzzOptions(40),
    );
  },
  fuzzTimeout(30_000),
);
