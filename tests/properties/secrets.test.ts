// Property tests (fast-check, fixed seed): a secret planted in any place a plan can hold one — a sensitive attribute
// (nested, in a list, under a sensitive block, before or after, as a key in replace_paths), a copy of a sensitive
// tag in tags_all, a root variable the configuration marks sensitive, a sensitive output, a drifted attribute —
// never reaches any output format, explain, --debug, or an error message, as itself or in base64.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check.js';
import { DEFAULT_CONFIG } from '../../src/config/compiled-config.js';
import { REPORTERS, loadReporter, type Reporter } from '../../src/reporters/index.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { scratch } from './input-kinds.js';
import { fuzzOptions, fuzzTimeout } from './fuzz-options.js';

afterAll(() => scratch.remove());

type Json = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const PLAN: Json = JSON.parse(readFileSync(join(ROOT, 'fixtures/terraform-handmade/aws-rds-prod-replace/plan.json'), 'utf8'));
const ADDRESS = 'aws_db_instance.main';

/** Each place plants `secret` into a copy of the plan, marked sensitive the way Terraform marks it there. */
const PLACES: Record<string, (plan: Json, secret: string) => void> = {
  'nested attribute': (plan, secret) =>
    sides(plan, (values, marks) => {
      values.settings = { backup: { key: secret } };
      marks.settings = { backup: { key: true } };
    }),
  'list element': (plan, secret) =>
    sides(plan, (values, marks) => {
      values.keys = ['public', secret];
      marks.keys = [false, true];
    }),
  'block marked sensitive as a whole': (plan, secret) =>
    sides(plan, (values, marks) => {
      values.credentials = { user: 'admin', token: secret, list: [secret] };
      marks.credentials = true;
    }),
  'name attribute': (plan, secret) =>
    sides(plan, (values, marks) => {
      values.identifier = secret;
      marks.identifier = true;
    }),
  'tag, copied unmarked to tags_all': (plan, secret) =>
    sides(plan, (values, marks) => {
      values.tags = { ...values.tags, Owner: secret };
      values.tags_all = { ...values.tags_all, Owner: secret };
      marks.tags = { Owner: true };
    }),
  'map key in replace_paths': (plan, secret) => {
    sides(plan, (values, marks) => {
      values.parameters = { [secret]: 'on' };
      marks.parameters = true;
    });
    const change = resourceChange(plan).change;
    change.replace_paths = [...(change.replace_paths ?? []), ['parameters', secret]];
    delete resourceChange(plan).action_reason;
  },
  'root variable marked sensitive': (plan, secret) => {
    plan.variables = { ...plan.variables, environment: { value: secret }, db_password: { value: secret } };
    plan.configuration.root_module.variables = { ...plan.configuration.root_module.variables, environment: { sensitive: true } };
  },
  'sensitive output': (plan, secret) => {
    plan.output_changes = {
      ...plan.output_changes,
      connection: { actions: ['create'], before: null, after: secret, after_unknown: false, before_sensitive: false, after_sensitive: true },
    };
  },
  'drifted attribute': (plan, secret) => {
    const drifted = structuredClone(resourceChange(plan));
    drifted.change = { ...drifted.change, actions: ['update'] };
    drifted.change.before.password = secret;
    drifted.change.after.password = secret;
    plan.resource_drift = [drifted];
  },
};

function resourceChange(plan: Json): Json {
  return plan.resource_changes.find((c: Json) => c.address === ADDRESS);
}

/** Runs the edit on before and after of the resource change, with their sensitivity trees. */
function sides(plan: Json, edit: (values: Json, marks: Json) => void): void {
  const change = resourceChange(plan).change;
  for (const side of ['before', 'after'] as const) {
    change[`${side}_sensitive`] = typeof change[`${side}_sensitive`] === 'object' ? change[`${side}_sensitive`] : {};
    edit(change[side], change[`${side}_sensitive`]);
  }
}

function planted(place: string, secret: string): Json {
  const plan = structuredClone(PLAN);
  PLACES[place](plan, secret);
  return plan;
}

function expectNoSecret(output: string, secret: string): void {
  expect(output).not.toContain(secret);
  expect(output).not.toContain(Buffer.from(secret).toString('base64'));
}

const secrets = fc.stringMatching(/^[A-Za-z0-9_-]{6,24}$/).map((s) => `SECRET${s}`);

it(
  'never prints a planted secret in any output format, on either read path',
  async () => {
    // One at a time: jest's ESM loader fails on concurrent first imports of modules that share dependencies.
    const reporters: Reporter[] = [];
    for (const name of Object.keys(REPORTERS)) reporters.push(await loadReporter(name));
    await fc.assert(
      fc.asyncProperty(secrets, fc.constantFrom(...Object.keys(PLACES)), fc.constantFrom(undefined, 0), async (secret, place, inMemoryLimit) => {
        const file = scratch.write('planted.json', JSON.stringify(planted(place, secret)));
        const report = await check({ files: [file], compiledConfig: DEFAULT_CONFIG, ...(inMemoryLimit === undefined ? {} : { inMemoryLimit }) });
        expect(report.verdict).toBe('block');
        for (const reporter of reporters) expectNoSecret(reporter(report), secret);
      }),
      fuzzOptions(60),
    );
  },
  fuzzTimeout(30_000),
);

describe.each(Object.keys(PLACES))('a secret planted in a %s', (place) => {
  const secret = 'SECRETplanted-0123456789';
  const plan = JSON.stringify(planted(place, secret));

  it('stays out of every format the CLI writes, its --debug output, and explain', () => {
    const file = scratch.write(`cli-${place.replace(/\W+/g, '-')}.json`, plan);
    const formats = Object.keys(REPORTERS).flatMap((name) => ['--format', `${name}=${join(scratch.path, `out-${name}`)}`]);
    const checked = runCli(['check', file, '--debug', '--format', 'text', ...formats]);
    expect(checked.code).toBe(1);
    expectNoSecret(checked.stdout + checked.stderr, secret);
    for (const name of Object.keys(REPORTERS)) expectNoSecret(readFileSync(join(scratch.path, `out-${name}`), 'utf8'), secret);
    const explained = runCli(['explain', file, ADDRESS, '--debug']);
    expect(explained.code).toBe(0);
    expectNoSecret(explained.stdout + explained.stderr, secret);
  });

  it('stays out of the error when the plan is damaged right after it', () => {
    const cut = plan.indexOf(secret) + secret.length + 2;
    const damaged = runCli(['check', '-', '--debug', '--format', 'json'], { input: `${plan.slice(0, cut)}]${plan.slice(cut)}` });
    expect(damaged.code).toBe(2);
    expectNoSecret(damaged.stdout + damaged.stderr, secret);
  });
});
