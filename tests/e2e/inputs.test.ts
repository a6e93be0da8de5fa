// The ways a plan reaches the tool: a file, standard input, several files, a stream of plans, UTF-16 and BOMs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const planPath = 'fixtures/terraform/prod-replace/plan.json';
const planText = readFileSync(join(ROOT, planPath), 'utf8');

/** The report without the fields that name the input, to compare two ways of reading the same plan. */
function verdictOf(stdout: string): unknown {
  const report = JSON.parse(stdout);
  return {
    verdict: report.verdict,
    findings: report.findings.map(({ ruleId, address, severity }: Record<string, string>) => ({ ruleId, address, severity })),
    resources: report.resources.map(({ address, action, environment }: Record<string, unknown>) => ({ address, action, environment })),
  };
}

const fromFile = runCli(['check', planPath, '--format', 'json']);

describe('standard input', () => {
  it('reads a plan piped to `check -` exactly as from a file', () => {
    const result = runCli(['check', '-', '--format', 'json'], { input: planText });
    expect(result.code).toBe(1);
    expect(verdictOf(result.stdout)).toEqual(verdictOf(fromFile.stdout));
    expect(JSON.parse(result.stdout).inputs[0].file).toBe('<stdin>');
  });

  it('refuses - twice', () => {
    const result = runCli(['check', '-', '-'], { input: planText });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/only once/);
  });
});

describe('encodings', () => {
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(planText, 'utf8')])],
    ['UTF-16LE with BOM (PowerShell >)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(planText, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(planText, 'utf16le').swap16()])],
  ])('reads %s like UTF-8', (name, bytes) => {
    const file = scratch.write(`${name.replace(/\W+/g, '-')}.json`, bytes);
    const result = runCli(['check', file, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(verdictOf(result.stdout)).toEqual(verdictOf(fromFile.stdout));
  });

  it('refuses UTF-16 cut in the middle of a character', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(planText, 'utf16le')]);
    const result = runCli(['check', scratch.write('odd.json', bytes.subarray(0, bytes.length - 1))]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/truncated/);
  });
});

describe('several plans', () => {
  it('gives one verdict over several files: any block blocks', () => {
    const result = runCli(['check', 'fixtures/terraform/no-changes/plan.json', planPath, '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.inputs.map((i: { file: string }) => i.file)).toEqual(['fixtures/terraform/no-changes/plan.json', planPath]);
    expect(report.findings.map((f: { file: string }) => f.file)).toEqual([planPath]);
  });

  it('reads a stream of concatenated plans (terragrunt run-all show -json) as one input each', () => {
    const stream = [planText, readFileSync(join(ROOT, 'fixtures/terraform/staging-delete/plan.json'), 'utf8')].join('\n');
    const result = runCli(['check', scratch.write('stream.json', stream), '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.inputs.map((i: { file: string }) => i.file.replace(/.*\//, ''))).toEqual(['stream.json#1', 'stream.json#2']);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(['nonprod-delete', 'nonprod-delete', 'prod-replace']);
  });

  it('refuses a stream whose last plan is cut off', () => {
    const stream = `${planText}\n${planText.slice(0, 200)}`;
    const result = runCli(['check', scratch.write('cut-stream.json', stream)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/truncated/);
  });
});
