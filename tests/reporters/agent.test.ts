// The agent reporter: a refusal says what, why and the safe next step in a few lines; a pass is one sentence.
import { join } from 'node:path';
import type { Report } from '../../src/model.js';
import { check } from '../../src/check.js';
import formatAgent, { MAX_AGENT_LINES } from '../../src/reporters/agent.js';
import { expectGolden } from '../helpers/golden.js';
import { ROOT } from '../helpers/run-cli.js';
import { numberedKeys, reportDestroying, reportWithPlanWideLimit } from './awkward-reports.js';
import { PASSING_REPORT, SAMPLE_REPORT } from './sample-report.js';

const golden = (name: string): string => join(ROOT, 'tests/reporters/golden', name);

function lines(report: Report): string[] {
  return formatAgent(report).trimEnd().split('\n');
}

it('matches the golden file for a blocked report', () => {
  expectGolden(formatAgent(SAMPLE_REPORT), golden('sample.agent.txt'));
});

it('matches the golden file for a passing report', () => {
  expectGolden(formatAgent(PASSING_REPORT), golden('passing.agent.txt'));
});

it('says a pass in one sentence', () => {
  const [sentence, ...rest] = lines(PASSING_REPORT);
  expect(rest).toEqual([]);
  expect(sentence).toMatch(/^blast-radius passed this plan: [^.]*\.$/);
});

it('says what was refused and why, first', () => {
  const [refusal, resource] = lines(SAMPLE_REPORT);
  expect(refusal).toBe(
    'blast-radius refused this plan: it would replace 1 protected resource in production (configuration: built-in defaults). Do not apply it.',
  );
  expect(resource).toContain('module.db["eu \\"west\\""].aws_db_instance.main');
  expect(resource).toContain('its tags say Environment = "production"');
});

it('names the fix that fits the action: undo what forces a replace; restore, moved or removed for a delete', () => {
  expect(formatAgent(SAMPLE_REPORT)).toContain('undo the change that forces the replacement');
  expect(formatAgent(SAMPLE_REPORT)).not.toContain('`moved`');
  const deleting: Report = { ...SAMPLE_REPORT, findings: SAMPLE_REPORT.findings.map((f) => (f.severity === 'error' ? { ...f, action: 'delete' } : f)) };
  const advice = formatAgent(deleting);
  expect(advice).toContain('`moved` block');
  expect(advice).toContain('`removed` block with `lifecycle { destroy = false }`');
  expect(advice).not.toContain('undo the change that forces the replacement');
});

it('suggests -target only when the plan changes something else too', () => {
  expect(formatAgent(SAMPLE_REPORT)).toContain('-target=<address>');
  const onlyTheRefused: Report = { ...SAMPLE_REPORT, summary: { ...SAMPLE_REPORT.summary, changes: 3, byAction: { replace: 1, 'no-op': 2 } } };
  expect(formatAgent(onlyTheRefused)).not.toContain('-target');
});

it('always ends by sending the decision to a human', () => {
  expect(lines(SAMPLE_REPORT).at(-1)).toMatch(/ask a human/);
});

it(`never prints more than ${MAX_AGENT_LINES} lines, counting the rest`, () => {
  expect(MAX_AGENT_LINES).toBeLessThanOrEqual(15);
  const output = lines(reportDestroying(numberedKeys(400)));
  expect(output.length).toBeLessThanOrEqual(MAX_AGENT_LINES);
  expect(output).toContain('- and 392 more.');
});

it('counts a resource once when several rules cite it, and lists plan-wide limits apart', () => {
  const output = lines(reportWithPlanWideLimit());
  expect(output[0]).toBe(
    'blast-radius refused this plan: it would replace 1 protected resource in production and break 1 plan-wide limit (too-many-destructive) (configuration: built-in defaults). Do not apply it.',
  );
  expect(output.filter((line) => line.startsWith('- '))).toEqual([
    expect.stringMatching(/^- module\.db/),
    '- plans/data.json deletes or replaces 2 resources; the configuration allows at most 1 in one plan.',
  ]);
  expect(output.join('\n')).toContain('split the change into smaller plans');
});

it('names an in-place update that policy blocks as an update', () => {
  const updating: Report = {
    ...SAMPLE_REPORT,
    findings: SAMPLE_REPORT.findings.map((f) => (f.severity === 'error' ? { ...f, ruleId: 'prod-update', action: 'update' } : f)),
  };
  expect(lines(updating)[0]).toBe(
    'blast-radius refused this plan: it would update 1 protected resource in production (configuration: built-in defaults). Do not apply it.',
  );
  expect(formatAgent(updating)).toContain('undo the in-place change');
});

it('says which protection an update switches off, in the words of its rule', async () => {
  const report = await check({ files: [join(ROOT, 'fixtures/terraform-recoverability/rds-update-deletion-protection-off/plan.json')] });
  expect(lines(report)[1]).toBe(
    '- aws_db_instance.main: would weaken what protects its data: deletion protection (deletion_protection true → false). It is in production: its tags say Environment = "production".',
  );
});

describe('in the words of each platform', () => {
  const kubernetes = (file: string) => check({ files: [join(ROOT, 'fixtures/kubernetes', file)], context: 'ci' });

  it('tells how to keep a Kubernetes object: manifests, prune selector, namespace, keep annotations; no Terraform blocks', async () => {
    const text = formatAgent(await kubernetes('kubectl-diff/pruned-pvc/diff.txt'));
    expect(text).toContain('keep the object in the manifests you apply (or outside the prune selector)');
    expect(text).toContain('`helm.sh/resource-policy: keep`');
    expect(text).toContain('then diff and check again.');
    expect(text).toContain('1 other resource goes down with it.');
    expect(text).not.toContain('`moved` block');
    expect(text).not.toContain('-target');
  });

  it('gives each platform its own advice when both are refused together', async () => {
    const report = await check({
      files: [join(ROOT, 'fixtures/kubernetes/kubectl-diff/pruned-pvc/diff.txt'), join(ROOT, 'fixtures/terraform/destroy-prod/plan.json')],
      context: 'ci',
    });
    const text = formatAgent(report);
    expect(text).toContain('keep the object in the manifests you apply');
    expect(text).toContain('`removed` block');
    expect(text).toContain('then plan and check again.');
    expect(lines(report).length).toBeLessThanOrEqual(MAX_AGENT_LINES);
  });
});
