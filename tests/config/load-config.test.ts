// Loading .blast-radius.yml: discovery, schema validation with every problem listed, safe YAML, safe patterns.
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { STARTER_CONFIG } from '../../src/config/starter-config.js';
import { compileConfig } from '../../src/config/compile-config.js';
import { configFileProblem } from '../../src/config/config-file-problem.js';
import { findConfig } from '../../src/config/find-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/errors.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

let counter = 0;
function configFile(text: string, name = '.blast-radius.yml'): string {
  const dir = `c${counter++}`;
  mkdirSync(join(scratch.path, dir));
  return scratch.write(join(dir, name), text);
}

async function problem(text: string): Promise<string> {
  try {
    await loadConfig(configFile(text));
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

it('uses the built-in defaults when there is no file', async () => {
  const config = await loadConfig(undefined, scratch.path);
  expect(config.path).toBeUndefined();
  expect(config.defaults).toBe(true);
});

it('finds the nearest .blast-radius.yml above the working directory, up to the repository root', async () => {
  const path = configFile('version: 1\n');
  mkdirSync(join(path, '..', '.git'));
  const nested = join(path, '..', 'infra', 'prod');
  mkdirSync(nested, { recursive: true });
  expect((await loadConfig(undefined, nested)).path).toBe(path);
});

describe('how far up the search goes', () => {
  const tree = () => {
    const top = configFile('version: 1\n');
    const below = join(top, '..', 'below');
    const cwd = join(below, 'infra');
    mkdirSync(cwd, { recursive: true });
    return { top, below, cwd };
  };

  it('stops at the repository root (a .git folder or file)', () => {
    const { below, cwd } = tree();
    scratch.write(join(below, '.git').slice(scratch.path.length + 1), 'gitdir: elsewhere\n');
    expect(findConfig(cwd, '/nonexistent-home')).toBeUndefined();
  });

  it('stops at the home directory', () => {
    const { below, cwd } = tree();
    expect(findConfig(cwd, below)).toBeUndefined();
  });

  it('reads only the working directory outside any repository and outside home', () => {
    const { top, cwd } = tree();
    expect(findConfig(cwd, '/nonexistent-home')).toBeUndefined();
    expect(findConfig(join(top, '..'), '/nonexistent-home')).toBe(top);
  });
});

describe('files another user could change', () => {
  it.each([
    ['another user', { uid: 1234, mode: 0o100644 }, /is owned by another user \(uid 1234\)/],
    ['its group', { uid: 1000, mode: 0o100664 }, /is writable by its group \(mode 0664\)/],
    ['everyone', { uid: 0, mode: 0o100646 }, /is writable by everyone \(mode 0646\)/],
  ])('refuses a file writable by %s', (_name, stats, expected) => {
    expect(configFileProblem(stats, 1000)).toMatch(expected);
  });

  it.each([
    ['yours', { uid: 1000, mode: 0o100644 }],
    ["root's", { uid: 0, mode: 0o100600 }],
  ])('trusts a file that is %s and writable only by its owner', (_name, stats) => {
    expect(configFileProblem(stats, 1000)).toBeUndefined();
  });

  (process.platform === 'win32' ? it.skip : it)('refuses a world-writable --config file, naming it', async () => {
    const path = configFile('version: 1\n');
    chmodSync(path, 0o666);
    await expect(loadConfig(path)).rejects.toThrow(
      new ConfigError(`${path} is writable by everyone (mode 0666), who could change what it protects: run chmod go-w on it.`),
    );
  });
});

it('reads JSON configuration too', async () => {
  const path = configFile(JSON.stringify({ version: 1, policy: { unknown: 'block' } }), '.blast-radius.json');
  expect((await loadConfig(path)).ruleSettings['unknown-env-delete']?.level).toBe('error');
});

it('accepts the starter file init writes', async () => {
  const config = await loadConfig(configFile(STARTER_CONFIG));
  expect(config.environments.find((e) => e.name === 'production')?.valueTokens).toEqual(expect.arrayContaining(['live', 'prd']));
});

it('lists every problem as path: what is wrong, with the line where it is known', async () => {
  const message = await problem(
    ['version: 1', 'polcy:', '  unknown: warn', 'rules:', '  - id: a', '    environment: production', '    match: {}', 'exceptions: 3'].join('\n'),
  );
  expect(message).toMatch(/is not a valid blast-radius configuration:/);
  expect(message).toContain('(top level): unknown key "polcy" (line 2)');
  expect(message).toMatch(/rules\.0\.match: must NOT have fewer than 1 properties/);
  expect(message).toMatch(/exceptions: must be array/);
});

it.each([
  ['an unknown policy value', 'policy:\n  unknown: maybe\n', /policy\.unknown: must be one of "warn", "block"/],
  ['an unknown key inside a rule', 'rules:\n  - id: a\n    environment: production\n    match: { adress: x }\n', /unknown key "adress" \(line 4\)/],
  [
    'a bad date',
    'exceptions:\n  - { address: x, rules: [prod-delete], reason: r, by: me, expires: "next week" }\n',
    /exceptions\.0\.expires: must match pattern/,
  ],
  ['an undefined environment', 'rules:\n  - id: a\n    environment: prd\n    match: { name: x }\n', /rules\[0\] \(a\): environment "prd" is not defined/],
  [
    'a repeated rule id',
    'rules:\n  - { id: a, environment: production, match: { name: x } }\n  - { id: a, environment: staging, match: { name: y } }\n',
    /rule id "a" is used twice/,
  ],
  ['an invalid regular expression', 'rules:\n  - { id: a, environment: production, match: { name: "/(unclosed/" } }\n', /not a valid regular expression/],
  [
    'a catastrophic regular expression',
    'rules:\n  - { id: evil, environment: production, match: { name: "/(a+)+$/" } }\n',
    /rules\[0\] \(evil\): \/\(a\+\)\+\$\/ could take exponential time/,
  ],
  ['invalid YAML', 'rules: [\n', /is not valid YAML/],
  ['a custom YAML tag', 'defaults: !!js/function "function(){}"\n', /is not valid YAML/],
])('refuses %s', async (_name, text, expected) => {
  expect(await problem(text)).toMatch(expected);
});

it('refuses a YAML alias bomb quickly', async () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`,
    );
  expect(await problem(`${lines.join('\n')}\n`)).toMatch(/expands to more than 100000 values/);
});

it('refuses an exception that has expired, naming it', () => {
  const loaded = {
    path: 'cfg.yml',
    config: { exceptions: [{ address: 'module.old.*', rules: ['prod-delete'], reason: 'r', by: 'me', expires: '2026-01-31' }] },
  };
  expect(() => compileConfig(loaded, '2026-02-01')).toThrow(/exceptions\[0\] \(module\.old\.\*, prod-delete\) expired on 2026-01-31/);
  expect(compileConfig(loaded, '2026-01-31').exceptions).toHaveLength(1);
});

it('refuses an exception that runs longer than policy.maxExceptionDays (default 90), naming it and the limit', () => {
  const exception = { address: 'module.old.*', rules: ['prod-delete'], reason: 'r', by: 'me', expires: '2026-05-02' };
  const loaded = (policy: { maxExceptionDays?: number }) => ({ path: 'cfg.yml', config: { policy, exceptions: [exception] } });
  expect(compileConfig(loaded({}), '2026-02-01').exceptions).toHaveLength(1);
  expect(() => compileConfig(loaded({}), '2026-01-31')).toThrow(
    'cfg.yml: exceptions[0] (module.old.*, prod-delete) runs until 2026-05-02, more than 90 days from today (policy.maxExceptionDays): let it expire by 2026-05-01 at the latest.',
  );
  expect(() => compileConfig(loaded({ maxExceptionDays: 30 }), '2026-04-01')).toThrow(/more than 30 days from today/);
  expect(compileConfig(loaded({ maxExceptionDays: 365 }), '2026-01-01').exceptions).toHaveLength(1);
});

it('merges environments: aliases extend the built-in ones, new ones can be protected', () => {
  const { environments } = compileConfig({
    path: 'cfg.yml',
    config: { environments: { production: { aliases: ['live2'] }, pci: { protected: true, aliases: ['cardholder'] }, staging: { protected: true } } },
  });
  expect(environments.find((e) => e.name === 'production')?.nameTokens).toContain('live2');
  expect(environments.find((e) => e.name === 'pci')).toEqual({
    name: 'pci',
    protected: true,
    valueTokens: ['pci', 'cardholder'],
    nameTokens: ['pci', 'cardholder'],
  });
  expect(environments.find((e) => e.name === 'staging')?.protected).toBe(true);
});

it('reads kubernetes.cluster, with the kubeconfig relative to the file', async () => {
  const path = configFile('version: 1\nkubernetes:\n  cluster: true\n  kubeconfig: kube/config\n');
  expect((await loadConfig(path)).cluster).toEqual({ kubeconfig: join(path, '..', 'kube', 'config') });
  expect((await loadConfig(configFile('version: 1\nkubernetes:\n  cluster: false\n'))).cluster).toBeUndefined();
  expect(await problem('version: 1\nkubernetes:\n  clusters: true\n')).toMatch(/kubernetes/);
});

describe('the commented examples of the starter file', () => {
  // An example starts at a commented `key:` (lower case: prose starts with a capital letter; the editor's modeline is
  // not an example) and runs on over the commented lines indented under it or naming a key beside it.
  const lines = STARTER_CONFIG.split('\n');
  const startsExample = (line: string): boolean => /^\s*# [a-z$][\w$-]*:(\s|$)/.test(line) && !line.includes('yaml-language-server:');
  const continues = (line: string): boolean => /^\s*# ( |-|[a-z$][\w$-]*:(\s|$))/.test(line);
  const blocks: number[][] = [];
  lines.forEach((line, i) => {
    const last = blocks.at(-1);
    if (last && last.at(-1) === i - 1 && continues(line)) last.push(i);
    else if (startsExample(line)) blocks.push([i]);
  });

  it('finds the examples: environments, rules, policy and exceptions', () => {
    expect(blocks.map((block) => lines[block[0]].trim())).toEqual([
      '# pci:',
      '# rules:',
      '# maxDestructiveChanges: 10     # at most this many deletes + replaces in one plan, any environment',
      '# exceptions:',
    ]);
  });

  it('takes each example whole', () => {
    expect(blocks.map((block) => block.length)).toEqual([3, 13, 6, 6]);
  });

  it.each(blocks.map((block) => [lines[block[0]].trim(), block]))('loads with %s uncommented', async (_first, block) => {
    const uncommented = lines.map((line, i) => (block.includes(i) ? line.replace(/^(\s*)# /, '$1') : line)).join('\n');
    await expect(loadConfig(configFile(uncommented))).resolves.toBeDefined();
  });

  it('loads with every example uncommented at once', async () => {
    const all = new Set(blocks.flat());
    const uncommented = lines.map((line, i) => (all.has(i) ? line.replace(/^(\s*)# /, '$1') : line)).join('\n');
    const config = await loadConfig(configFile(uncommented));
    expect(config.environments.map((e) => e.name)).toContain('pci');
  });
});
