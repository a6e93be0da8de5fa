// Real plans from other projects' fixtures (../shared/wild-plans, read in place, never copied): each one is either
// judged (exit 0 or 1 with a report) or refused with exit 2 and one sentence; nothing crashes, nothing broken passes.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli.js';

const WILD = join(ROOT, '..', 'shared', 'wild-plans');
const files = existsSync(WILD)
  ? readdirSync(WILD)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];

/** Documents that are not a readable plan (see the folder's README): they must exit 2. */
const MALFORMED: Record<string, RegExp> = {
  'checkov--tests_terraform_runner_resources_plan_corrupted-tfplan.json': /Terraform state, not a plan/,
  'infracost--cmd_infracost_testdata_plan_with_terraform_wrapper.json': /setup-terraform's wrapper/,
  'tfplan2md--examples_comprehensive-demo_plan.json': /has no valid change\.actions/,
  'tfplanformat--tests_data_plans_artificial_full.json': /format_version "test_format_version"/,
};

/** Plans that destroy something production: checked by reading them (root variable env, tags). */
const BLOCKED: Record<string, string[]> = {
  'cdssnc--test_test.json': ['aws_iam_policy.sre_bot_policy', 'aws_iam_role.sre_bot', 'aws_iam_role_policy_attachment.sre_bot'],
  'tfplan2md--src_tests_Oocx.TfPlan2Md.TUnit_TestData_azapi-replace-complete-plan.json': ['azapi_resource.automation_account'],
};

(files.length > 0 ? describe : describe.skip)('wild plans in ../shared/wild-plans (skipped where absent)', () => {
  it('holds the plans this test expects', () => {
    for (const name of [...Object.keys(MALFORMED), ...Object.keys(BLOCKED)]) expect(files).toContain(name);
  });

  // describe.each of an empty table throws even in a skipped block: without the folder, no rows are declared.
  if (files.length > 0)
    describe.each(files)('%s', (file) => {
      const result = runCli(['check', join(WILD, file), '--format', 'json']);

      if (Object.hasOwn(MALFORMED, file)) {
        it('is refused with exit 2 and one sentence', () => {
          expect(result.code).toBe(2);
          expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
          expect(result.stderr).toMatch(MALFORMED[file]);
        });
        return;
      }

      it('is judged, with a report that accounts for every resource change', () => {
        expect(result.stderr).toBe('');
        const report = JSON.parse(result.stdout);
        const blocked = BLOCKED[file] ?? [];
        expect(result.code).toBe(blocked.length > 0 ? 1 : 0);
        const errors = report.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { address: string }) => f.address);
        expect(errors.sort()).toEqual([...blocked].sort());
        const counted = Object.values(report.summary.byAction as Record<string, number>).reduce((a, b) => a + b, 0);
        expect(counted).toBe(report.summary.changes);
      });
    });
});
