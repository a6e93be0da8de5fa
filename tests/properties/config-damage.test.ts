// Property tests (fast-check, fixed seed) on the configuration file: YAML alias bombs, custom tags, multi-megabyte
// scalars, damaged bytes and prototype keys are refused with one clear sentence or read without pollution; user
// regular expressions that could backtrack catastrophically are refused, and those accepted answer on hostile text.
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { compilePattern } from '../../src/config/patterns.js';
import { ConfigError } from '../../src/errors.js';
import { ROOT } from '../helpers/run-cli.js';
import { scratch } from './input-kinds.js';
import { fuzzOptions, fuzzTimeout } from './fuzz-options.js';

afterAll(() => scratch.remove());

const VALID = `version: 1
environments:
  production:
    aliases: [live]
rules:
  - id: payments
    environment: production
    match:
      tag: { key: CostCenter, value: "payments-*" }
policy:
  unknown: block
`;

let written = 0;
/** Loads the text as a configuration file: the outcome is `ok` or the ConfigError's message; anything else is thrown. */
async function load(text: string | Buffer, extension = 'yml'): Promise<string> {
  const file = scratch.write(`config-${written++}.${extension}`, text);
  try {
    await loadConfig(file);
    return 'ok';
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}

function expectOneSentence(message: string): void {
  expect(message).not.toBe('ok');
  expect(message.split('\n')).toHaveLength(1);
  expect(message).toMatch(/\.$/);
}

/** `a0: &a0 [x, x …]`, then each level a list of aliases to the one before: width^depth values. */
const aliasBomb = fc
  .record({ width: fc.integer({ min: 4, max: 12 }), depth: fc.integer({ min: 6, max: 12 }) })
  .filter(({ width, depth }) => width ** depth > 1e6);

it(
  'refuses a YAML alias bomb, with one sentence',
  async () => {
    await fc.assert(
      fc.asyncProperty(aliasBomb, fc.boolean(), async ({ width, depth }, nested) => {
        const lines = [`a0: &a0 [${Array(width).fill('"lol"').join(', ')}]`];
        for (let i = 1; i <= depth; i++)
          lines.push(
            `a${i}: &a${i} [${Array(width)
              .fill(`*a${i - 1}`)
              .join(', ')}]`,
          );
        const text = nested
          ? `rules:\n  - id: x\n    environment: production\n    match: { tag: { key: k } }\n${lines.map((l) => `# ${l}`).join('\n')}\nx: {${lines.join(', ').replace(/: &/g, ': &')}}\n`
          : lines.join('\n');
        expectOneSentence(await load(text));
      }),
      fuzzOptions(12),
    );
  },
  fuzzTimeout(20_000),
);

it(
  'refuses custom and unsafe YAML tags, with one sentence',
  async () => {
    const tag = fc.oneof(
      fc.constantFrom('!!js/function', '!!js/regexp', '!!js/undefined', '!!python/object', '!!binary', '!!timestamp', '!!set', '!!omap'),
      fc.stringMatching(/^![a-z][a-z0-9/:-]{0,12}$/),
    );
    await fc.assert(
      fc.asyncProperty(tag, fc.constantFrom('version', 'defaults', 'environments', 'rules'), async (yamlTag, key) => {
        expectOneSentence(await load(`${key}: ${yamlTag} "function () { return 1 }"\n`));
      }),
      fuzzOptions(25),
    );
  },
  fuzzTimeout(10_000),
);

it('refuses multi-megabyte scalars and files at once, with one sentence', async () => {
  for (const size of [1.1, 4, 16]) {
    const big = 'a'.repeat(size * 1024 * 1024);
    expectOneSentence(await load(`version: 1\n$schema: "${big}"\n`));
    expectOneSentence(await load(`version: 1\n# ${big}\n`));
    expectOneSentence(await load(`{"$schema": "${big}"}`, 'json'));
  }
});

it(
  'refuses a damaged configuration (truncated, a byte changed, NUL, UTF-16) or reads it, never crashing',
  async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(VALID.length),
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom('truncate', 'flip', 'nul', 'utf16'),
        async (at, byte, damage) => {
          const bytes = Buffer.from(VALID);
          let damaged: Buffer;
          if (damage === 'truncate') damaged = bytes.subarray(0, at);
          else if (damage === 'nul') damaged = Buffer.concat([bytes.subarray(0, at), Buffer.from([0]), bytes.subarray(at)]);
          else if (damage === 'utf16') damaged = Buffer.from(`\ufeff${VALID}`, 'utf16le');
          else {
            damaged = Buffer.from(bytes);
            damaged[at % damaged.length] = byte;
          }
          const outcome = await load(damaged);
          if (outcome !== 'ok') expect(outcome).toMatch(/config-\d+\.yml/);
          if (damage === 'nul' || damage === 'utf16') expect(outcome).not.toBe('ok');
        },
      ),
      fuzzOptions(60),
    );
  },
  fuzzTimeout(20_000),
);

it(
  'pollutes nothing when __proto__, constructor or prototype is a key anywhere in the configuration',
  async () => {
    const places = [
      (key: string) => `${key}:\n  polluted: true\n`,
      (key: string) => `environments:\n  ${key}:\n    protected: true\n`,
      (key: string) => `rules:\n  - id: r\n    environment: production\n    match:\n      ${key}: { polluted: true }\n`,
      (key: string) => `rules:\n  - id: r\n    environment: production\n    match:\n      tag: { key: ${key}, value: ${key} }\n`,
      (key: string) => `policy:\n  ${key}: { polluted: true }\n`,
      (key: string) => `x: &a { polluted: true }\n${key}: *a\n`,
      (key: string) => `environments:\n  production:\n    <<: { ${key}: { polluted: true } }\n`,
    ];
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...places), fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.boolean(), async (place, key, json) => {
        const yaml = place(key);
        if (json) await load(`{"${key}": {"polluted": true}, "environments": {"${key}": {"protected": true}}}`, 'json');
        else await load(yaml);
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      fuzzOptions(30),
    );
  },
  fuzzTimeout(15_000),
);

/** Shapes of catastrophic backtracking, over a few atoms and flags. */
const evilRegex = fc
  .record({
    shape: fc.constantFrom(
      '(X+)+$',
      '(X*)*Y',
      '(X|X)*$',
      '(X|XX)+$',
      '(X|XY|Y)*Z$',
      '^(X+X+)+$',
      '(X?){20}X{20}$',
      '(.*X){12}',
      '^(X+)\\1+$',
      '((X|XX))+$',
      '(?:X|X)+$',
    ),
    atom: fc.constantFrom('a', '\\w', '.', '[a-z]', '\\d'),
    other: fc.constantFrom('b', '!', '\\s'),
    flags: fc.constantFrom('', 'i', 's', 'u', 'iu'),
  })
  .map(({ shape, atom, other, flags }) => ({ pattern: `/${shape.replaceAll('X', atom).replaceAll('Y', other).replaceAll('Z', other)}/${flags}`, atom }));

/** Runs each accepted pattern on hostile subjects in a child process, which is killed if it does not answer. */
function answersInTime(patterns: string[]): { status: number | null; stderr: string } {
  const script = `
    const { compilePattern } = await import(${JSON.stringify(join(ROOT, 'dist', 'config', 'patterns.js'))});
    for (const pattern of JSON.parse(process.env.PATTERNS)) {
      const matches = compilePattern(pattern, 'fuzz');
      for (const subject of ['a'.repeat(5000) + '!', '1'.repeat(5000) + '!', 'ab'.repeat(3000) + '!', ' '.repeat(5000) + '!']) matches(subject);
    }`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, PATTERNS: JSON.stringify(patterns) },
    timeout: 20_000,
    encoding: 'utf8',
  });
  return { status: result.status, stderr: result.stderr };
}

it(
  'refuses a regular expression that could backtrack catastrophically, or matches with it on hostile text in time',
  () => {
    const accepted: string[] = [];
    fc.assert(
      fc.property(evilRegex, ({ pattern }) => {
        try {
          compilePattern(pattern, 'rules[0] (r)');
          accepted.push(pattern);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          expect((error as Error).message).toMatch(
            /^rules\[0\] \(r\): .* (could take exponential time|cannot run in linear time|is not a valid regular expression)/,
          );
        }
      }),
      fuzzOptions(80, [[{ pattern: '/(a+)+$/', atom: 'a' }], [{ pattern: '/(a|aa)+$/i', atom: 'a' }], [{ pattern: '/(a|a)*$/', atom: 'a' }]]),
    );
    expect(answersInTime(accepted)).toEqual({ status: 0, stderr: '' });
  },
  fuzzTimeout(30_000),
);

it('answers a check through the CLI when the configuration holds the patterns closest to catastrophic that it accepts', () => {
  const config = scratch.write(
    '.blast-radius.yml',
    [
      'rules:',
      ...['/(a|a)*$/', '/^(\\w|\\d)+$/', '/(a|b)*c$/s'].map(
        (p, i) => `  - { id: r${i}, environment: production, match: { name: "${p.replace(/\\/g, '\\\\')}" } }`,
      ),
      '',
    ].join('\n'),
  );
  const plan = {
    format_version: '1.2',
    resource_changes: [
      { address: `terraform_data.${'a'.repeat(3000)}`, type: 'terraform_data', name: `${'a'.repeat(3000)}!`, change: { actions: ['delete'] } },
    ],
  };
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'bin', 'blast-radius.cjs'), 'check', scratch.write('evil-names.json', JSON.stringify(plan)), '--config', config],
    { timeout: 20_000, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  // `(a|a)*$` matches every name (at its end): the resource is production, and the check blocks — in time.
  expect(result.status).toBe(1);
  expect(result.stderr).toBe('');
});
