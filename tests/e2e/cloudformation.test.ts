// CloudFormation change sets end to end through the built CLI: every committed fixture's exit code and findings, each
// output format, standard input, the refusals (exit 2, one sentence naming the file), CloudFormation advice, and secret
// property and parameter values that never reach any output.
import { readFileSync } from 'node:fs';
import { runCli } from '../helpers/run-cli.js';

const CFN = 'fixtures/cloudformation';
const file = (name: string): string => `${CFN}/${name}/change-set.json`;
const SECRET = 'BR-SECRET-MARKER-cfn-7c41';
const FORMATS = ['json', 'text', 'markdown', 'agent', 'sarif', 'github'];

interface JsonReport {
  verdict: string;
  inputs: { file: string; format: string; platform: string }[];
  findings: { ruleId: string; severity: string; address: string; action: string; environment: string; message: string; impact?: string }[];
  resources: { address: string; action: string; reason?: string; environment: { name: string; rule: string } }[];
}

function report(name: string): { code: number | null; json: JsonReport } {
  const result = runCli(['check', file(name), '--format', 'json']);
  return { code: result.code, json: JSON.parse(result.stdout) as JsonReport };
}

const findings = (json: JsonReport): string[][] => json.findings.map((f) => [f.ruleId, f.address, f.action, f.environment]);

describe('every judged fixture', () => {
  it.each([
    ['prod-rds-delete', 1, [['prod-delete', 'orders-prod/OrdersDatabase', 'delete', 'production']]],
    ['prod-replace', 1, [['prod-replace', 'orders-prod/OrdersTable', 'replace', 'production']]],
    [
      'conditional-replace',
      1,
      [
        ['prod-replace', 'payments/DatabaseSubnetGroup', 'replace', 'production'],
        ['prod-replace', 'payments/PaymentsDatabase', 'replace', 'production'],
      ],
    ],
    ['snapshot-delete', 1, [['prod-delete', 'orders-prod/ReportingCluster', 'delete', 'production']]],
    ['property-values', 1, [['prod-replace', 'billing/BillingDatabase', 'replace', 'production']]],
    ['pages', 1, [['prod-delete', 'orders-prod/OrdersDatabase', 'delete', 'production']]],
    ['nested-root', 1, [['unjudged-objects', '(whole plan)', 'delete', '']]],
    ['retain-forget', 0, []],
    ['add-only', 0, []],
    ['staging-delete', 0, [['nonprod-delete', 'orders-staging/LegacyOrdersTable', 'delete', 'staging']]],
    ['product-catalog', 0, [['unknown-env-delete', 'product-catalog/ProductIndexTable', 'delete', 'unknown']]],
    ['user-guide-replace', 0, [['unknown-env-replace', 'SampleStack/MyEC2Instance', 'replace', 'unknown']]],
    ['user-guide-add-remove', 0, [['unknown-env-delete', 'SampleStack/MyEC2Instance', 'delete', 'unknown']]],
    ['aws-cli-update', 0, []],
    ['nested-root-and-child', 0, []],
  ])('%s exits %i with its findings', (name, code, expected) => {
    const { code: exit, json } = report(name);
    expect(exit).toBe(code);
    expect(findings(json)).toEqual(expected);
    for (const input of json.inputs) expect([input.format, input.platform]).toEqual(['cloudformation-change-set', 'cloudformation']);
  });

  it('says a data loss for a catalogued CloudFormation type, and names the policy that keeps a snapshot', () => {
    expect(report('prod-rds-delete').json.findings[0]?.impact).toBe('data-loss');
    const snapshot = report('snapshot-delete').json.findings[0];
    expect([snapshot?.impact, snapshot?.message]).toEqual([
      'data-loss',
      expect.stringContaining('DeletionPolicy Snapshot takes a snapshot first (recoverable'),
    ]);
  });

  it('says a conditional replacement may replace, and blocks it as a replace', () => {
    const finding = report('conditional-replace').json.findings.find((f) => f.address === 'payments/PaymentsDatabase');
    expect([finding?.severity, finding?.message]).toEqual(['error', expect.stringContaining('CloudFormation may replace it (Replacement Conditional)')]);
  });

  it('reports a retained resource as forgotten, with the reason, and a product-catalog stack as not production', () => {
    expect(report('retain-forget').json.resources.map((r) => [r.address, r.action, r.reason])).toEqual([
      ['orders-prod/ArchiveBucket', 'forget', 'DeletionPolicy Retain keeps it: CloudFormation stops managing it and leaves it in place'],
    ]);
    expect(report('product-catalog').json.resources[0]?.environment).toEqual(expect.objectContaining({ name: 'unknown', rule: 'no-evidence' }));
  });

  it('names each change set of an input that holds several', () => {
    expect(report('nested-root-and-child').json.inputs.map((input) => input.file)).toEqual([
      `${file('nested-root-and-child')}#1`,
      `${file('nested-root-and-child')}#2`,
    ]);
  });
});

describe('output formats', () => {
  it.each(FORMATS)('--format %s blocks a production delete and names it', (format) => {
    const result = runCli(['check', file('prod-rds-delete'), '--format', format]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('orders-prod/OrdersDatabase');
  });

  it('advises in CloudFormation words', () => {
    const { stdout } = runCli(['check', file('prod-rds-delete'), '--format', 'agent']);
    expect(stdout).toContain('`DeletionPolicy: Retain`');
    expect(stdout).toContain('RemovalPolicy.RETAIN');
    expect(stdout).toContain('create a separate change set');
    expect(stdout).toContain('then create the change set again and check it.');
    expect(stdout).not.toMatch(/-target=|terraform|kubectl/);
  });

  it.each(FORMATS)('--format %s never shows a property, detail or parameter value but tags and names', (format) => {
    const result = runCli(['check', file('property-values'), '--format', format]);
    expect(result.code).toBe(1);
    expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
  });

  it('explain never shows them either', () => {
    const result = runCli(['explain', file('property-values'), 'billing/BillingDatabase']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Properties.Tags.Environment');
    expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
  });
});

it('reads standard input: `aws cloudformation describe-change-set … | blast-radius check -`', () => {
  const result = runCli(['check', '-', '--format', 'json'], { input: readFileSync(file('prod-replace')) });
  expect(result.code).toBe(1);
  expect((JSON.parse(result.stdout) as JsonReport).inputs).toEqual([{ file: '<stdin>', format: 'cloudformation-change-set', platform: 'cloudformation' }]);
});

describe('refusals', () => {
  it.each([
    [
      'failed-status',
      /the change set no-op-change of stack orders-prod is FAILED, not CREATE_COMPLETE \(StatusReason: "The submitted information didn't contain changes/,
    ],
    ['next-token', /holds only part of the change set large-change of stack orders-prod \(NextToken is set/],
    ['truncated', /ends before its JSON is complete: the file is truncated\./],
  ])('%s exits 2 with one sentence naming the file', (name, message) => {
    const result = runCli(['check', file(name)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(file(name));
    expect(result.stderr).toMatch(message);
  });

  it('refuses a change set named with --input-format that is not one', () => {
    const result = runCli(['check', 'fixtures/terraform/destroy-prod/plan.json', '--input-format', 'cloudformation-change-set']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is not the output of `aws cloudformation describe-change-set --output json`: it has no ChangeSetId/);
  });
});
