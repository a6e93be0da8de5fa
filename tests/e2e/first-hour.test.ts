// What a stranger meets in the first hour, end to end: headlines that say what is true, help that states each
// command's own exit codes, error messages with one prefix.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

describe('a kubectl output that holds only an error', () => {
  const result = runCli(['check', 'fixtures/kubernetes/kubectl-diff/error-only/diff.txt']);

  it('blocks, and the headline says the objects could not be judged, not that something is destroyed', () => {
    expect(result.code).toBe(1);
    const [headline] = result.stdout.split('\n');
    expect(headline).toBe('BLOCKED  the change would act on objects that could not be judged, so what it does to them is unknown.');
    expect(result.stdout).not.toContain('destroy or replace');
    expect(result.stdout).not.toContain('If this destruction is intended');
    expect(result.stdout).toContain('If this change is intended');
  });

  it('says the same in markdown', () => {
    const markdown = runCli(['check', 'fixtures/kubernetes/kubectl-diff/error-only/diff.txt', '--format', 'markdown']);
    expect(markdown.stdout).toContain('the change would act on objects that could not be judged');
    expect(markdown.stdout).not.toContain('plan-wide limit');
  });
});

describe('error messages', () => {
  const FINGERPRINT = '0123456789abcdef0123456789abcdef';
  it.each([
    ['guard of a tool it does not run', ['guard', '--', 'ls', '-l']],
    ['guard of a terraform command that needs no guard', ['guard', '--', 'terraform', 'fmt']],
    ['approve without a terminal', ['approve', FINGERPRINT, 'fixtures/terraform/prod-replace/plan.json']],
    ['approve of something that is not a fingerprint', ['approve', 'abc', 'plan.json']],
    ['check of a missing file', ['check', 'no-such-plan.json']],
    ['an unknown command', ['no-such-command']],
    ['shims of something other than env', ['shims', 'install']],
  ])('%s: one line with one blast-radius prefix', (_case, args) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^blast-radius\b/);
    expect(result.stderr).not.toMatch(/blast-radius: blast-radius/);
  });
});

it('`rules` lines up every row: severity and description start in the same columns, options under the description', () => {
  const result = runCli(['rules']);
  expect(result.code).toBe(0);
  const lines = result.stdout.trimEnd().split('\n');
  const rows = lines.filter((line) => !line.startsWith(' '));
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.some((row) => row.startsWith('prevent-destroy-removed '))).toBe(true);
  const severityColumns = new Set(rows.map((row) => row.search(/ (error|warning|info) /) + 1));
  const descriptionColumns = new Set(rows.map((row) => row.search(/ (error|warning|info) +\S/) + row.match(/ (error|warning|info) +/)![0].length));
  expect(severityColumns.size).toBe(1);
  expect(descriptionColumns.size).toBe(1);
  const [description] = descriptionColumns;
  for (const option of lines.filter((line) => line.startsWith(' '))) expect(option.search(/\S/)).toBe(description);
});

describe('explain reads the input as check does', () => {
  const scratch = scratchDirectory();
  afterAll(() => scratch.remove());

  it('takes --tf-dir: the Terraform sources there are evidence, as check reads them', () => {
    const sources = join(scratch.path, 'sources');
    mkdirSync(sources);
    writeFileSync(join(sources, 'main.tf'), 'terraform {\n  backend "gcs" {\n    prefix = "envs/prod"\n  }\n}\n');
    const plan = 'fixtures/terraform/not-production-names/plan.json';
    const explained = runCli(['explain', plan, 'terraform_data.product_catalog', '--tf-dir', sources]);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toMatch(/matched {2}default-source: production: backend "gcs" prefix "envs\/prod"/);
    expect(explained.stdout).toContain('=> production (protected)');
    expect(runCli(['explain', plan, 'terraform_data.product_catalog']).stdout).toContain('=> unknown');
  });

  it('takes --input-format', () => {
    const diff = 'fixtures/kubernetes/kubectl-diff/pruned-pvc/diff.txt';
    const explained = runCli(['explain', diff, 'PersistentVolumeClaim/payments-prod/ledger-data', '--input-format', 'kubectl-diff']);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('PersistentVolumeClaim/payments-prod/ledger-data');
    expect(runCli(['explain', diff, 'PersistentVolumeClaim/payments-prod/ledger-data', '--input-format', 'terraform']).code).toBe(2);
  });
});
