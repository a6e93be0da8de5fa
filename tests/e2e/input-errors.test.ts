// Fail closed: every input the tool cannot read fully exits 2 with one sentence naming the file, never a pass.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const goodPlan = readFileSync(join(ROOT, 'fixtures/terraform/prod-replace/plan.json'), 'utf8');
const plan = JSON.parse(goodPlan);
const withPlan = (change: (p: typeof plan) => void): string => {
  const copy = structuredClone(plan);
  change(copy);
  return JSON.stringify(copy);
};

/** The plan with resource_changes[`index`].change.actions written twice: a delete first, hidden by the real value after it. */
const withHiddenDelete = (p: typeof plan, index: number): string => {
  const changes: string[] = p.resource_changes.map((change: unknown) => JSON.stringify(change));
  changes[index] = changes[index].replace('"actions":', '"actions":["delete"],"actions":');
  return JSON.stringify({ ...p, resource_changes: [] }).replace('"resource_changes":[]', `"resource_changes":[${changes.join(',')}]`);
};

/** Over 4 MiB, so that it is streamed: 8000 no-op changes before the plan's own. */
const padded = structuredClone(plan);
const noOp = padded.resource_changes[0];
padded.resource_changes = [
  ...Array.from({ length: 8000 }, (_, i) => ({ ...noOp, address: `terraform_data.pad[${i}]`, index: i, change: { ...noOp.change, actions: ['no-op'] } })),
  ...padded.resource_changes,
];
const paddedDocument = JSON.stringify(padded);
const REFUSED = 'twice, which JSON readers read differently \\(Terraform never writes a key twice\\): it is refused as ambiguous\\.';

const cases: [name: string, content: string | Buffer, expected: RegExp][] = [
  [
    'duplicate-actions.json',
    withHiddenDelete(plan, 0),
    new RegExp(`duplicate-actions\\.json writes the key resource_changes\\[0\\]\\.change\\.actions ${REFUSED}`),
  ],
  ['duplicate-changes.json', goodPlan.replace('"resource_changes":', '"resource_changes":[],"resource_changes":'), /writes the key resource_changes twice/],
  ['duplicate-in-prior-state.json', JSON.stringify(plan).replace('"prior_state":{', '"prior_state":{"values":{},'), /writes the key prior_state\.values twice/],
  [
    'streamed-duplicate-actions.json',
    withHiddenDelete(padded, 8000),
    new RegExp(`streamed-duplicate-actions\\.json writes the key resource_changes\\[8000\\]\\.change\\.actions ${REFUSED}`),
  ],
  [
    'streamed-duplicate-changes.json',
    paddedDocument.replace('"resource_changes":', '"resource_changes":[],"resource_changes":'),
    /writes the key resource_changes twice/,
  ],
  [
    'streamed-duplicate-in-prior-state.json',
    paddedDocument.replace('"prior_state":{', '"prior_state":{"values":{},'),
    /writes the key prior_state\.values twice/,
  ],
  ['empty.json', '', /is empty/],
  ['blank.json', '  \n\t\n', /is empty/],
  ['truncated.json', goodPlan.slice(0, Math.floor(goodPlan.length / 2)), /truncated/],
  ['cut-in-string.json', goodPlan.slice(0, goodPlan.indexOf('prod_db') + 3), /truncated/],
  ['binary.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0x10]), /binary data/],
  ['latin1.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]), /not valid UTF-8/],
  ['not-json.json', 'Terraform will perform the following actions:\n', /not valid JSON/],
  ['trailing-garbage.json', `${goodPlan}\n}`, /not valid JSON/],
  ['random.json', '{"hello": "world"}', /not a Terraform plan/],
  ['array.json', '[1, 2, 3]', /not a Terraform plan/],
  ['empty-list.json', '[]\n', /not a Terraform plan/],
  ['empty-list-spaced.json', '\uFEFF [ \n ]', /not a Terraform plan/],
  ['number.json', '42', /not a Terraform plan/],
  ['string.json', '"plan"', /not a Terraform plan/],
  ['null.json', 'null', /not a Terraform plan/],
  ['true.json', 'true', /not a Terraform plan/],
  ['many-empty-objects.json', '{}'.repeat(130_000), /more than 10000 JSON documents/],
  ['many-small-objects.json', '{"a":1}\n'.repeat(130_000), /more than 10000 JSON documents/],
  [
    'many-plans.json',
    JSON.stringify({ format_version: '1.2', terraform_version: '1.9.0', resource_changes: [] }).repeat(130_000),
    /more than 10000 JSON documents/,
  ],
  ['state.json', JSON.stringify({ format_version: '1.0', terraform_version: '1.11.4', values: { root_module: {} } }), /Terraform state, not a plan/],
  [
    'terraform.tfstate',
    JSON.stringify({ version: 4, terraform_version: '1.11.4', serial: 3, lineage: 'x', outputs: {}, resources: [] }),
    /state file, not a plan/,
  ],
  ['future-format.json', withPlan((p) => (p.format_version = '2.0')), /format 2\.0.*upgrade/],
  ['bad-format.json', withPlan((p) => (p.format_version = 'latest')), /format_version "latest"/],
  ['errored.json', withPlan((p) => (p.errored = true)), /errored: true/],
  [
    'no-actions.json',
    withPlan((p) => delete p.resource_changes[0].change.actions),
    /resource_changes\[0\] \(terraform_data\.\w+\) has no valid change\.actions/,
  ],
  ['empty-actions.json', withPlan((p) => (p.resource_changes[0].change.actions = [])), /has no valid change\.actions/],
  ['string-actions.json', withPlan((p) => (p.resource_changes[0].change.actions = 'delete')), /has no valid change\.actions/],
  ['null-change.json', withPlan((p) => (p.resource_changes[0].change = null)), /has no change object/],
  ['changes-not-list.json', withPlan((p) => (p.resource_changes = { a: 1 })), /resource_changes is not a list/],
  ['no-address.json', withPlan((p) => delete p.resource_changes[1].address), /resource_changes\[1\] has no address/],
  [
    'wrapper.txt',
    `[command]/home/runner/work/_temp/abc/terraform-bin show -json tfplan\n${goodPlan}\n::debug::Terraform exited with code 0.\n`,
    /setup-terraform's wrapper.*terraform_wrapper: false/,
  ],
];

describe.each(cases)('%s', (name, content, expected) => {
  const file = scratch.write(name, content);
  const text = runCli(['check', file]);
  const json = runCli(['check', file, '--format', 'json']);

  it('exits 2 with one sentence that names the file, and no stack trace', () => {
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    const lines = text.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(expected);
    expect(text.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints an errors array, not a report, in JSON format', () => {
    expect(json.code).toBe(2);
    const output = JSON.parse(json.stdout);
    expect(output.verdict).toBe('error');
    expect(output.errors[0].message).toMatch(expected);
  });
});

describe('files that cannot be opened', () => {
  it('names a missing file', () => {
    const result = runCli(['check', join(scratch.path, 'missing.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/missing\.json: no such file/);
  });

  it('refuses a directory', () => {
    const result = runCli(['check', scratch.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is a directory/);
  });

  it('never passes when one of several inputs is broken', () => {
    const broken = scratch.write('broken-second.json', '{"format_version": "1.2", "planned_values": {');
    const result = runCli(['check', 'fixtures/terraform/no-changes/plan.json', broken]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  it('reads empty standard input as an error', () => {
    const result = runCli(['check', '-'], { input: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/<stdin> is empty/);
  });
});

describe('--debug', () => {
  it('adds the stack trace', () => {
    const result = runCli(['check', scratch.write('debug.json', '{}'), '--debug']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});
