// End to end over the Pulumi previews: the built CLI's exit code and findings for each fixture, every output format
// showing URNs and Pulumi's advice, standard input, and no secret value in any output.
import { readFileSync } from 'node:fs';
import { runCli } from '../helpers/run-cli.js';

const DB = 'urn:pulumi:production::orders::aws:rds/instance:Instance::orders-db';
const preview = (name: string): string => `fixtures/pulumi/${name}/preview.json`;
const FORMATS = ['text', 'json', 'markdown', 'agent', 'sarif', 'github'];

interface Finding {
  ruleId: string;
  address: string;
  action: string;
  environment: string;
  impact?: string;
}

function report(name: string): {
  code: number;
  findings: Finding[];
  resources: { address: string; action: string; reason?: string; environment: { name: string } }[];
} {
  const result = runCli(['check', preview(name), '--format', 'json']);
  expect(result.stderr).toBe('');
  return { code: result.code, ...JSON.parse(result.stdout) };
}

describe('check on pulumi preview --json', () => {
  it.each([
    ['create-only', 0],
    ['dev-update', 0],
    ['dev-deletes', 0],
    ['staging-database-delete', 0],
    ['product-catalog', 0],
    ['retain-on-delete', 0],
    ['prod-database-delete', 1],
    ['prod-replace-create-first', 1],
    ['prod-replace-delete-first', 1],
    ['secret-values', 1],
  ])('%s exits %i', (name, code) => {
    expect(report(name).code).toBe(code);
  });

  it('blocks the production database delete as data loss, judged by its tags', () => {
    const { findings, resources } = report('prod-database-delete');
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'prod-delete', address: DB, action: 'delete', environment: 'production', impact: 'data-loss' }),
    ]);
    expect(resources.map((r) => r.address)).toEqual([DB]);
  });

  it('blocks a replacement once, whichever half comes first', () => {
    for (const name of ['prod-replace-create-first', 'prod-replace-delete-first']) {
      const { findings } = report(name);
      expect(findings.map((f) => [f.ruleId, f.address, f.action])).toEqual([['prod-replace', DB, 'replace']]);
    }
  });

  it('judges the stack name: dev and staging are not production, product-catalog is no environment', () => {
    expect(new Set(report('dev-deletes').findings.map((f) => `${f.ruleId} ${f.environment}`))).toEqual(new Set(['nonprod-delete development']));
    expect(report('staging-database-delete').findings.map((f) => `${f.ruleId} ${f.environment}`)).toEqual(['nonprod-delete staging']);
    expect(report('product-catalog').findings.map((f) => `${f.ruleId} ${f.environment}`)).toEqual(['unknown-env-delete unknown']);
  });

  it('reports a retained resource as forgotten, and says why', () => {
    const { findings, resources } = report('retain-on-delete');
    expect(findings).toEqual([]);
    expect(resources).toEqual([expect.objectContaining({ address: DB, action: 'forget', reason: expect.stringContaining('retainOnDelete is set') })]);
  });

  it.each([
    ['program-error', /is a failed preview: pulumi reported 2 errors/],
    ['protected-delete', /is a failed preview: pulumi refuses to delete ".*orders-db", which is protected/],
    ['truncated', /ends before its JSON is complete: the file is truncated/],
  ])('refuses %s with exit 2 and one sentence', (name, sentence) => {
    const result = runCli(['check', preview(name)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(sentence);
    expect(result.stderr).toContain(preview(name));
  });

  it('refuses an unknown op with exit 2, naming the op', () => {
    const text = readFileSync(preview('prod-database-delete'), 'utf8').replace('"op": "delete"', '"op": "vaporize"');
    const result = runCli(['check', '-'], { input: text });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('<stdin>: step 2 of `steps`');
    expect(result.stderr).toContain('has the op "vaporize"');
  });

  it('reads a preview from standard input', () => {
    const result = runCli(['check', '-', '--format', 'json'], { input: readFileSync(preview('prod-database-delete')) });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).inputs).toEqual([{ file: '<stdin>', format: 'pulumi-preview', platform: 'pulumi' }]);
  });

  it.each(FORMATS)('shows the URN and, where it advises, Pulumi advice in --format %s', (format) => {
    const result = runCli(['check', preview('prod-database-delete'), '--format', format]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(DB);
    if (format === 'agent') {
      expect(result.stdout).toContain('`pulumi state delete <urn>`');
      expect(result.stdout).toContain('then preview again and check it');
      expect(result.stdout).not.toContain('terraform');
    }
  });

  it.each(FORMATS)('never shows a secret value in --format %s', (format) => {
    const result = runCli(['check', preview('secret-values'), '--format', format]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('orders-db');
    expect(result.stdout + result.stderr).not.toContain('SECRET-MARKER-9c41');
    expect(result.stdout + result.stderr).not.toContain('[secret]');
  });
});
