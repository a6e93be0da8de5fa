// Loading .blast-radius.yml: discovery, schema validation with every problem listed, safe YAML, safe patterns.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { STARTER_CONFIG } from '../../src/config/starter-config.js';
import { compileConfig } from '../../src/config/compile-config.js';
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

it('finds the nearest .blast-radius.yml above the working directory', async () => {
  const path = configFile('version: 1\n');
  const nested = join(path, '..', 'infra', 'prod');
  mkdirSync(nested, { recursive: true });
  expect((await loadConfig(undefined, nested)).path).toBe(path);
});

it('reads JSON configuration too', async () => {
  const path = configFile(JSON.stringify({ version: 1, policy: { unknown: 'block' } }), '.blast-radius.json');
  expect((await loadConfig(path)).policy.unknown).toBe('block');
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
  ['a bad date', 'exceptions:\n  - { address: x, rules: [prod-delete], reason: r, by: me, expires: "next week" }\n', /exceptions\.0\.expires: must match pattern/],
  ['an undefined environment', 'rules:\n  - id: a\n    environment: prd\n    match: { name: x }\n', /rules\[0\] \(a\): environment "prd" is not defined/],
  ['a repeated rule id', 'rules:\n  - { id: a, environment: production, match: { name: x } }\n  - { id: a, environment: staging, match: { name: y } }\n', /rule id "a" is used twice/],
  ['an invalid regular expression', 'rules:\n  - { id: a, environment: production, match: { name: "/(unclosed/" } }\n', /not a valid regular expression/],
  ['a catastrophic regular expression', 'rules:\n  - { id: evil, environment: production, match: { name: "/(a+)+$/" } }\n', /rules\[0\] \(evil\): \/\(a\+\)\+\$\/ could take exponential time/],
  ['invalid YAML', 'rules: [\n', /is not valid YAML/],
  ['a custom YAML tag', 'defaults: !!js/function "function(){}"\n', /is not valid YAML/],
])('refuses %s', async (_name, text, expected) => {
  expect(await problem(text)).toMatch(expected);
});

it('refuses a YAML alias bomb quickly', async () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  expect(await problem(`${lines.join('\n')}\n`)).toMatch(/expands to more than 100000 values/);
});

it('refuses an exception that has expired, naming it', () => {
  const loaded = { path: 'cfg.yml', config: { exceptions: [{ address: 'module.old.*', rules: ['prod-delete'], reason: 'r', by: 'me', expires: '2026-01-31' }] } };
  expect(() => compileConfig(loaded, '2026-02-01')).toThrow(/exceptions\[0\] \(module\.old\.\*, prod-delete\) expired on 2026-01-31/);
  expect(compileConfig(loaded, '2026-01-31').exceptions).toHaveLength(1);
});

it('merges environments: aliases extend the built-in ones, new ones can be protected', () => {
  const { environments } = compileConfig({
    path: 'cfg.yml',
    config: { environments: { production: { aliases: ['live2'] }, pci: { protected: true, aliases: ['cardholder'] }, staging: { protected: true } } },
  });
  expect(environments.find((e) => e.name === 'production')?.nameTokens).toContain('live2');
  expect(environments.find((e) => e.name === 'pci')).toEqual({ name: 'pci', protected: true, valueTokens: ['pci', 'cardholder'], nameTokens: ['pci', 'cardholder'] });
  expect(environments.find((e) => e.name === 'staging')?.protected).toBe(true);
});

it('reads kubernetes.cluster, with the kubeconfig relative to the file', async () => {
  const path = configFile('version: 1\nkubernetes:\n  cluster: true\n  kubeconfig: kube/config\n');
  expect((await loadConfig(path)).cluster).toEqual({ kubeconfig: join(path, '..', 'kube', 'config') });
  expect((await loadConfig(configFile('version: 1\nkubernetes:\n  cluster: false\n'))).cluster).toBeUndefined();
  expect(await problem('version: 1\nkubernetes:\n  clusters: true\n')).toMatch(/kubernetes/);
});
