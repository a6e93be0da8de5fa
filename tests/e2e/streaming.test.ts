// Plans read by streaming (large inputs) give the same report as plans parsed whole (small inputs), byte for byte;
// damage anywhere, inside the skipped planned_values and prior_state too, is an InputError; stdin streams as well.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, type CheckOptions } from '../../src/check.js';
import { DEFAULT_CONFIG } from '../../src/config/compiled-config.js';
import { InputError } from '../../src/errors.js';
import { IN_MEMORY_LIMIT } from '../../src/formats/load-input.js';
import formatJson from '../../src/reporters/json.js';
import { fixtureCases } from '../helpers/fixture-cases.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const WHOLE = Number.MAX_SAFE_INTEGER;
const STREAMED = 0;

/** The JSON report, or the error message, of checking one file with inputs up to `limit` bytes parsed whole. */
async function outcome(file: string, limit: number, options: Partial<CheckOptions> = {}): Promise<string> {
  try {
    return formatJson(await check({ files: [file], inMemoryLimit: limit, compiledConfig: DEFAULT_CONFIG, ...options }));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return `InputError: ${error.message}`;
  }
}

const fixturePlans = ['terraform', 'terraform-handmade', 'terraform-recoverability'].flatMap((group) => fixtureCases(group).map((c) => join(ROOT, c.plan)));
const WILD = join(ROOT, '..', 'shared', 'wild-plans');
const wildPlans = existsSync(WILD)
  ? readdirSync(WILD)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(WILD, f))
  : [];

describe('streamed and whole reads agree', () => {
  it.each(fixturePlans.map((plan) => [plan.slice(ROOT.length + 1), plan]))('%s', async (_name, plan) => {
    expect(await outcome(plan, STREAMED)).toBe(await outcome(plan, WHOLE));
  });

  (wildPlans.length > 0 ? it.each : it.skip.each)(wildPlans.map((plan) => [plan.slice(WILD.length + 1), plan]))(
    'wild plan %s (skipped where ../shared/wild-plans is absent)',
    async (_name, plan) => {
      expect(await outcome(plan, STREAMED)).toBe(await outcome(plan, WHOLE));
    },
  );
});

const basePlan = JSON.parse(readFileSync(join(ROOT, 'fixtures/terraform-handmade/aws-rds-prod-replace/plan.json'), 'utf8'));

/** The fixture with `copies` more resources in planned_values and prior_state (what makes real plans large). */
function inflated(copies: number): Record<string, unknown> {
  const plan = structuredClone(basePlan);
  const planned = plan.planned_values.root_module.resources;
  const prior = plan.prior_state.values.root_module.resources;
  const [plannedModel, priorModel] = [planned[0], prior[0]];
  for (let i = 0; i < copies; i++) {
    planned.push({ ...plannedModel, address: `aws_db_instance.copy${i}`, name: `copy${i}` });
    prior.push({ ...priorModel, address: `aws_db_instance.copy${i}`, name: `copy${i}` });
  }
  return plan;
}

describe('damage anywhere is refused, as when the plan is parsed whole', () => {
  const text = JSON.stringify(inflated(3), null, 1);
  const regions = ['"planned_values"', '"resource_changes"', '"prior_state"', '"configuration"', '"errored"'].map((key) => text.indexOf(key));
  const offsets = new Set<number>();
  for (let i = 1; i < 120; i++) offsets.add(Math.floor((text.length * i) / 120));
  for (const start of regions) for (let i = 0; i < 40; i++) offsets.add(start + i * 7);
  const cuts = [...offsets].filter((offset) => offset > 0 && offset < text.trimEnd().length).sort((a, b) => a - b);

  it(`refuses the plan cut at ${cuts.length} offsets, with the message of the whole read`, async () => {
    for (const offset of cuts) {
      const file = scratch.write('cut.json', text.slice(0, offset));
      const streamed = await outcome(file, STREAMED);
      expect([offset, streamed]).toEqual([offset, await outcome(file, WHOLE)]);
      expect(streamed).toMatch(/^InputError: .*cut\.json (ends before its JSON is complete|is not valid JSON at line \d+, column \d+\.)/);
    }
  });

  const priorState = text.indexOf('"prior_state"');
  const planned = text.indexOf('"planned_values"');
  it.each([
    ['a bad escape in prior_state', text.slice(0, priorState) + text.slice(priorState).replace('"engine"', '"eng\\qine"')],
    ['a raw tab inside a string in planned_values', text.slice(0, planned) + text.slice(planned).replace('"postgres"', '"post\tgres"')],
    ['a number with a leading zero in prior_state', text.slice(0, priorState) + text.slice(priorState).replace(': 100,', ': 0100,')],
    ['a misspelt literal in planned_values', text.slice(0, planned) + text.slice(planned).replace(': false', ': fals')],
    ['a trailing comma in configuration', text.replace(/"configuration": \{/, '"configuration": {"x": 1,}, "y": {')],
    ['a bracket closed by a brace in prior_state', text.slice(0, priorState) + text.slice(priorState).replace('[]', '[}')],
  ])('refuses %s, saying where', async (_name, damaged) => {
    const file = scratch.write('damaged.json', damaged);
    // JSON.parse names no position for some errors; the scanner always does.
    expect(await outcome(file, STREAMED)).toMatch(/^InputError: .*damaged\.json is not valid JSON at line \d+, column \d+\.$/);
    expect(await outcome(file, WHOLE)).toMatch(/^InputError: .*damaged\.json is not valid JSON( at line \d+, column \d+)?\.$/);
  });
});

describe('what a streamed read refuses or accepts before the JSON, as a whole read does', () => {
  const text = JSON.stringify(inflated(3));
  const nearEnd = text.lastIndexOf('"prior_state"') + 40;
  it.each([
    [
      'a NUL byte deep inside prior_state',
      Buffer.concat([Buffer.from(text.slice(0, nearEnd)), Buffer.from([0]), Buffer.from(text.slice(nearEnd))]),
      /binary data/,
    ],
    [
      'an invalid UTF-8 byte deep inside prior_state',
      Buffer.concat([Buffer.from(text.slice(0, nearEnd)), Buffer.from([0xff]), Buffer.from(text.slice(nearEnd))]),
      /not valid UTF-8/,
    ],
    ['a UTF-8 character cut at the end', Buffer.from(`${text} é`).subarray(0, Buffer.byteLength(`${text} é`) - 1), /not valid UTF-8/],
    ['blank input', Buffer.from(' \n\t\n'.repeat(1000)), /is empty/],
    [
      'the setup-terraform wrapper',
      Buffer.from(`[command]/home/runner/terraform-bin show -json tfplan\n${text}\n::debug::exit 0\n`),
      /setup-terraform's wrapper/,
    ],
  ])('refuses %s', async (_name, content, message) => {
    const file = scratch.write('refused.json', content);
    const streamed = await outcome(file, STREAMED);
    expect(streamed).toMatch(message);
    expect(streamed).toBe(await outcome(file, WHOLE));
  });

  it('reads a plan with a UTF-8 byte-order mark', async () => {
    const file = scratch.write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(await outcome(file, STREAMED)).toBe(await outcome(file, WHOLE));
  });
});

describe('keys written twice, refused alike by both read paths', () => {
  const text = JSON.stringify(inflated(3));
  const priorState = text.indexOf('"prior_state"');
  const planned = text.indexOf('"planned_values"');
  const firstActions = text.indexOf('"actions":', text.indexOf('"resource_changes"'));
  it.each([
    ['resource_changes', text.replace('"resource_changes":', '"resource_changes":[],"resource_changes":'), 'resource_changes'],
    [
      'actions, a delete hidden before the real value',
      `${text.slice(0, firstActions)}"actions":["delete"],${text.slice(firstActions)}`,
      'resource_changes[0].change.actions',
    ],
    [
      'a key inside planned_values',
      text.slice(0, planned) + text.slice(planned).replace('"values":{', '"values":{"x":1,"x":2,'),
      'planned_values.root_module.resources[0].values.x',
    ],
    [
      'a key inside prior_state, written with an escape',
      text.slice(0, priorState) + text.slice(priorState).replace('"values":{', '"values":{"ab":1,"a\\u0062":2,'),
      'prior_state.values.ab',
    ],
  ])('refuses %s', async (_name, content, path) => {
    const file = scratch.write('twice.json', content);
    const streamed = await outcome(file, STREAMED);
    expect(streamed).toMatch(
      /^InputError: .*twice\.json writes the key .* twice, which JSON readers read differently \(Terraform never writes a key twice\): it is refused as ambiguous\.$/,
    );
    expect(streamed).toContain(` writes the key ${path} twice`);
    expect(streamed).toBe(await outcome(file, WHOLE));
  });

  it('says a JSON error after the key written twice first, as JSON.parse does', async () => {
    const twice = text.replace('"resource_changes":', '"resource_changes":[],"resource_changes":');
    const file = scratch.write('twice-damaged.json', `${twice.slice(0, -1)},}`);
    expect(await outcome(file, STREAMED)).toMatch(/not valid JSON/);
    expect(await outcome(file, WHOLE)).toMatch(/not valid JSON/);
  });
});

describe('large inputs', () => {
  const large = JSON.stringify(inflated(Math.ceil(IN_MEMORY_LIMIT / 2500)));
  const file = scratch.write('large.json', large);

  it('is larger than what is parsed whole, so that the CLI streams it', () => {
    expect(large.length).toBeGreaterThan(IN_MEMORY_LIMIT);
  });

  it('reads a large plan from standard input exactly as a file parsed whole', async () => {
    const result = runCli(['check', '-', '--format', 'json'], { input: large });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).inputs[0].file).toBe('<stdin>');
    // Standard input cannot be named in the approve command: it names a plan file to save instead.
    const named = result.stdout.replaceAll('"<stdin>"', JSON.stringify(file)).replace(/ PLAN_FILE"/, ` ${file}"`);
    expect(named).toBe(await outcome(file, WHOLE));
  });

  it('refuses a large plan cut short on standard input', () => {
    const result = runCli(['check', '-'], { input: large.slice(0, large.length - 1000) });
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual(['blast-radius: <stdin> ends before its JSON is complete: the file is truncated.']);
  });

  it('refuses, on standard input, a large plan whose resource_drift comes after resource_changes and names a quiet change', () => {
    const plan = inflated(Math.ceil(IN_MEMORY_LIMIT / 2500));
    const changes = plan.resource_changes as { address: string; name: string; change: { actions: string[] } }[];
    const quiet = { ...changes[0], address: 'aws_db_instance.quiet', name: 'quiet', change: { ...changes[0]?.change, actions: ['no-op'] } };
    const drift = [{ ...quiet, change: { actions: ['update'], before: {}, after: {} } }];
    const rest: Record<string, unknown> = { ...plan };
    delete rest.resource_changes;
    const sorted = JSON.stringify({ resource_changes: [...changes, quiet], resource_drift: drift, ...rest });
    const result = runCli(['check', '-'], { input: sorted });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/<stdin> lists resource_drift after resource_changes .* save the plan to a file and check the file\.$/m);
  });

  it('reads a stream of large plans (terragrunt) as one input each', async () => {
    const stream = scratch.write('stream.json', `${large}\n${JSON.stringify(basePlan)}\n`);
    const report = JSON.parse(await outcome(stream, STREAMED));
    expect(report.inputs.map((i: { file: string }) => i.file.replace(/.*\//, ''))).toEqual(['stream.json#1', 'stream.json#2']);
    expect(await outcome(stream, STREAMED)).toBe(await outcome(stream, WHOLE));
  });
});

describe('shapes that stress a streaming reader', () => {
  it('skips deep nesting and a huge string in a skipped member, and reads a huge string in a resource change', async () => {
    const plan = structuredClone(basePlan);
    const deep = 100_000;
    const text = JSON.stringify({ ...plan, planned_values: 'DEEP', relevant_attributes: 'x'.repeat(20_000_000) }).replace(
      '"DEEP"',
      `${'['.repeat(deep)}${']'.repeat(deep)}`,
    );
    plan.resource_changes[0].change.after.user_data = 'y'.repeat(5_000_000);
    const withLongValue = JSON.stringify(plan);
    for (const [name, content] of [
      ['deep.json', text],
      ['long-value.json', withLongValue],
    ]) {
      const file = scratch.write(name, content);
      const report = JSON.parse(await outcome(file, STREAMED));
      expect(report.verdict).toBe('block');
    }
  });

  it('reads a plan whose resource_drift comes after resource_changes (keys sorted) from a file, as parsed whole', async () => {
    const plan = structuredClone(basePlan);
    plan.resource_changes.push({
      ...plan.resource_changes[0],
      address: 'aws_db_instance.quiet',
      name: 'quiet',
      change: { ...plan.resource_changes[0].change, actions: ['no-op'] },
    });
    const { resource_changes: changes, ...rest } = plan;
    const drift = [{ ...changes[0], address: 'aws_db_instance.quiet', name: 'quiet', change: { actions: ['update'], before: {}, after: {} } }];
    const sorted = { resource_changes: changes, resource_drift: drift, ...rest };
    const file = scratch.write('sorted.json', JSON.stringify(sorted));
    const streamed = await outcome(file, STREAMED);
    expect(streamed).toBe(await outcome(file, WHOLE));
    expect(
      JSON.parse(streamed).findings.some((f: { ruleId: string; environment: string }) => f.ruleId === 'resource-drift' && f.environment === 'production'),
    ).toBe(true);
  });
});
