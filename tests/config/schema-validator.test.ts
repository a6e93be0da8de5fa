// The configuration validator generated ahead of time: in step with the schema, and giving the very error objects
// Ajv gives when it compiles that schema at run time with the options validateConfig used to pass it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { validate } from '../../src/generated/config-validator.generated.js';
import { expectUpToDate } from '../helpers/generated-file.js';
import { ROOT } from '../helpers/run-cli.js';

it('is what `npm run schema:validator` generates from schema/blast-radius.schema.json', () => {
  expectUpToDate('generate-config-validator.js', 'src/generated/config-validator.generated.ts', 'npm run schema:validator');
});

const EMOJI = '\u{1F600}';

const DOCUMENTS: [string, unknown][] = [
  ['an empty file', {}],
  ['the version only', { version: 1 }],
  ['a future version and an unknown key', { version: 2, colour: 'red' }],
  ['a misspelt rule key, a missing match and a bad id', { rules: [{ id: 'Bad Id', environment: 'production', mach: {} }] }],
  [
    'an empty match and a tag without its key',
    {
      rules: [
        { id: 'a', environment: 'production', match: {} },
        { id: 'b', environment: 'x', match: { tag: { value: 'x' } } },
      ],
    },
  ],
  ['an account that is neither a pattern nor a list of them', { rules: [{ id: 'a', environment: 'production', match: { account: 7 } }] }],
  ['an account list with an empty pattern', { rules: [{ id: 'a', environment: 'production', match: { account: ['1', ''] } }] }],
  // Lengths count characters, not UTF-16 units (Ajv's ucs2length helper): 256 emoji fit, 257 do not.
  ['a name pattern of 256 astral characters', { rules: [{ id: 'a', environment: 'production', match: { name: EMOJI.repeat(256) } }] }],
  ['a name pattern of 257 astral characters', { rules: [{ id: 'a', environment: 'production', match: { name: EMOJI.repeat(257) } }] }],
  // uniqueItems compares with Ajv's equal helper.
  ['a policy that repeats an action and names an unknown one', { policy: { block: ['delete', 'delete', 'update'], unknown: 'ignore' } }],
  ['a negative, fractional change limit', { policy: { maxDestructiveChanges: -1.5 } }],
  [
    'policy rules at every level, with and without options',
    { policy: { rules: { 'prod-replace': 'warn', 'nonprod-delete': 0, 'prod-update': [2, { types: ['a'] }], 'resource-drift': ['off'] } } },
  ],
  [
    'an unknown policy rule, a bad level, an unknown option and a bad one',
    { policy: { rules: { nope: 'off', 'prod-replace': 'warning', 'prod-delete': ['warn', { max: 1 }], 'too-many-destructive': ['error', { max: -1 }, 3] } } },
  ],
  ['an environment with a bad name, an unknown key and a bad alias', { environments: { Prod: { protected: 'yes', aliases: ['PRD'], colour: 1 } } }],
  ['an exception without its reason, with a bad date and no rules', { exceptions: [{ address: 'a.b', rules: [], by: 'me', expires: '31/12/2026' }] }],
  ['kubernetes settings of the wrong types', { kubernetes: { cluster: 'true', kubeconfig: '' } }],
  ['a list instead of a mapping', ['version', 1]],
];

describe('gives the errors of a schema compiled at run time', () => {
  const schema: unknown = JSON.parse(readFileSync(join(ROOT, 'schema', 'blast-radius.schema.json'), 'utf8'));
  const compiled = new Ajv({ allErrors: true, strict: false }).compile(schema as object);
  const generated = validate as unknown as typeof compiled;

  it.each(DOCUMENTS)('for %s', (_name, document) => {
    const valid = compiled(document);
    expect(generated(document)).toBe(valid);
    expect(generated.errors).toEqual(compiled.errors);
  });

  it('on documents both accept and both refuse', () => {
    const verdicts = DOCUMENTS.map(([, document]) => compiled(document));
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });
});
