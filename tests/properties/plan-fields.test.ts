// Property tests (fast-check, fixed seed) on the fields of the plan format: a field of the wrong type is refused or
// changes nothing; a duplicated key is refused on both read paths, whatever its first value; a future format
// version is refused; enormous numbers anywhere are read alike by both paths; an unknown resource mode is destructive.
import fc from 'fast-check';
import { check } from '../../src/check.js';
import { DEFAULT_CONFIG } from '../../src/config/compiled-config.js';
import { INPUT_KINDS, PLANS, readPlan, scratch } from './input-kinds.js';
import { formatFieldPaths, jsonType, valueAt, withDuplicateKey, withRawValue, type Path } from './plan-json-tools.js';
import { fuzzOptions, fuzzTimeout } from './fuzz-options.js';

afterAll(() => scratch.remove());

const documents = PLANS.map((bytes) => JSON.parse(bytes.toString('utf8')));
const originals: string[] = [];
beforeAll(async () => {
  for (const bytes of PLANS) originals.push(await readPlan(bytes));
});

/** Values of every JSON type, the hostile ones included (`toString` and `__proto__` keys, a number JSON.parse makes Infinity). */
const RAW_VALUES = [
  '"delete"',
  '"__proto__"',
  '""',
  '5',
  '-1',
  '1e400',
  'true',
  'false',
  'null',
  '[]',
  '["delete"]',
  '[5]',
  '{}',
  '{"toString":1}',
  '{"__proto__":{"polluted":true}}',
];

async function readBoth(text: string): Promise<string[]> {
  return Promise.all(INPUT_KINDS.map((kind) => kind.read(Buffer.from(text))));
}

const planAndField = fc.nat().chain((which) => {
  const index = which % documents.length;
  const paths = formatFieldPaths(documents[index]);
  return fc.record({ index: fc.constant(index), path: fc.constantFrom(...paths) });
});

it(
  'refuses a plan-format field of the wrong type, or reaches the same verdict as the valid plan',
  async () => {
    await fc.assert(
      fc.asyncProperty(planAndField, fc.constantFrom(...RAW_VALUES), async ({ index, path }, raw) => {
        const document = documents[index];
        fc.pre(jsonType(JSON.parse(raw)) !== jsonType(valueAt(document, path)));
        for (const outcome of await readBoth(withRawValue(document, path, raw))) {
          expect(['InputError', originals[index]]).toContain(outcome);
        }
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      fuzzOptions(120, [[{ index: 4, path: ['resource_changes', 0, 'previous_address'] as Path }, '5']]),
    );
  },
  fuzzTimeout(60_000),
);

/** Objects whose keys the tool reads: the plan, each resource change and its change. */
const objectAndKey = fc.nat().chain((which) => {
  const index = which % documents.length;
  const document = documents[index];
  const objects: Path[] = [[]];
  (document.resource_changes ?? []).forEach((_: unknown, i: number) => objects.push(['resource_changes', i], ['resource_changes', i, 'change']));
  return fc
    .constantFrom(...objects)
    .chain((path) =>
      fc.record({ index: fc.constant(index), path: fc.constant(path), key: fc.constantFrom(...Object.keys(valueAt(document, path) as object)) }),
    );
});

it(
  'refuses a duplicated key on both read paths, whatever its first value',
  async () => {
    await fc.assert(
      fc.asyncProperty(
        objectAndKey,
        fc.constantFrom('["delete"]', '["no-op"]', '"production"', '{}', 'null', '"2.0"', 'true'),
        async ({ index, path, key }, first) => {
          const text = withDuplicateKey(documents[index], path, key, first);
          for (const outcome of await readBoth(text)) expect(outcome).toBe('InputError');
        },
      ),
      fuzzOptions(60, [[{ index: 0, path: ['resource_changes', 1, 'change'] as Path, key: 'actions' }, '["no-op"]']]),
    );
  },
  fuzzTimeout(40_000),
);

it(
  'refuses a format_version it does not know: a future major version, or not a version at all',
  async () => {
    const version = fc.oneof(
      fc.tuple(fc.integer({ min: 2, max: 999 }), fc.nat(99)).map(([major, minor]) => JSON.stringify(`${major}.${minor}`)),
      fc
        .string()
        .filter((s) => !/^[01]\.\d+$/.test(s))
        .map((s) => JSON.stringify(s)),
      fc.constantFrom('1', '1.0', '1e400', 'null', '["1.0"]', '{"major":1}'),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(documents.length - 1), version, async (index, raw) => {
        for (const outcome of await readBoth(withRawValue(documents[index], ['format_version'], raw))) expect(outcome).toBe('InputError');
      }),
      fuzzOptions(40),
    );
  },
  fuzzTimeout(20_000),
);

/** Every path in the document, leaves and containers alike. */
function allPaths(node: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (at.length > 0) out.push(at);
  if (typeof node === 'object' && node !== null)
    for (const [key, child] of Object.entries(node)) allPaths(child, [...at, Array.isArray(node) ? Number(key) : key], out);
  return out;
}

it(
  'reads enormous numbers anywhere alike on both read paths, and refuses them in place of a plan-format field',
  async () => {
    const enormous = fc.constantFrom('1e400', '-1e400', `1${'0'.repeat(100_000)}`, `0.${'0'.repeat(100_000)}1`, '123456789012345678901234567890', '-0');
    const anywhere = fc.nat().chain((which) => {
      const index = which % documents.length;
      return fc.record({ index: fc.constant(index), path: fc.constantFrom(...allPaths(documents[index])) });
    });
    await fc.assert(
      fc.asyncProperty(anywhere, enormous, async ({ index, path }, raw) => {
        const [whole, streamed] = await readBoth(withRawValue(documents[index], path, raw));
        expect(streamed).toBe(whole);
        const field = formatFieldPaths(documents[index]).some((p) => p.join('\u0000') === path.join('\u0000'));
        if (field && jsonType(valueAt(documents[index], path)) !== 'number') expect(['InputError', originals[index]]).toContain(whole);
      }),
      fuzzOptions(50),
    );
  },
  fuzzTimeout(40_000),
);

it(
  'treats a resource mode it does not know as destructive',
  async () => {
    const mode = fc.string({ minLength: 1 }).filter((m) => m !== 'managed' && m !== 'data');
    await fc.assert(
      fc.asyncProperty(fc.nat(documents.length - 1), fc.nat(), mode, async (index, pick, unknownMode) => {
        const document = structuredClone(documents[index]);
        const entry = document.resource_changes[pick % document.resource_changes.length];
        entry.mode = unknownMode;
        for (const inMemoryLimit of [undefined, 0]) {
          const report = await check({ files: [scratch.write('mode.json', JSON.stringify(document))], compiledConfig: DEFAULT_CONFIG, inMemoryLimit });
          const resource = report.resources.find((r) => r.address === entry.address);
          expect(['delete', 'replace']).toContain(resource?.action);
          expect(resource?.reason).toContain('does not know');
        }
      }),
      fuzzOptions(20),
    );
  },
  fuzzTimeout(20_000),
);
