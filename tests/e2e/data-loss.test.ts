// The catalog and the blast radius in the report: data-loss impact, dependents with their paths, the summary.
import { runCli } from '../helpers/run-cli.js';

it('marks the replace of a production database as data loss', () => {
  const json = runCli(['check', 'fixtures/terraform-handmade/aws-rds-prod-replace/plan.json', '--format', 'json']);
  const report = JSON.parse(json.stdout);
  expect(report.findings[0]).toMatchObject({ ruleId: 'prod-replace', address: 'aws_db_instance.main', impact: 'data-loss' });
  expect(report.findings[0].message).toMatch(/Data loss: /);
  expect(report.summary.dataLoss).toBe(1);
  expect(report.summary.byEnvironmentAndAction.production).toEqual({ replace: 1, update: 1 });
  expect(runCli(['check', 'fixtures/terraform-handmade/aws-rds-prod-replace/plan.json']).stdout.split('\n')[0]).toMatch(/1 of them with data loss\.$/);
});

it('gives no impact to types the catalog does not know', () => {
  const report = JSON.parse(runCli(['check', 'fixtures/terraform/prod-replace/plan.json', '--format', 'json']).stdout);
  expect(report.findings[0].impact).toBeUndefined();
  expect(report.summary.dataLoss).toBe(0);
});

it('lists what goes down with a destroyed resource, and the largest fan-out, from a real plan', () => {
  const report = JSON.parse(runCli(['check', 'fixtures/terraform/fan-out/plan.json', '--format', 'json']).stdout);
  expect(report.findings[0].dependents).toEqual({
    count: 3,
    paths: expect.arrayContaining([
      'terraform_data.prod_listener → terraform_data.prod_lb',
      'terraform_data.prod_dns → terraform_data.prod_listener → terraform_data.prod_lb',
      'terraform_data.prod_alarm → terraform_data.prod_lb',
    ]),
    chains: expect.arrayContaining([
      ['terraform_data.prod_listener', 'terraform_data.prod_lb'],
      ['terraform_data.prod_dns', 'terraform_data.prod_listener', 'terraform_data.prod_lb'],
      ['terraform_data.prod_alarm', 'terraform_data.prod_lb'],
    ]),
  });
  expect(report.summary.largestFanOut).toEqual({ address: 'terraform_data.prod_lb', dependents: 3 });
  const text = runCli(['check', 'fixtures/terraform/fan-out/plan.json']).stdout;
  expect(text).toContain('3 resources depend on it: ');
});

it('says in the headline how many of the losses are for good', () => {
  const text = runCli(['check', 'fixtures/terraform-recoverability/rds-delete-skip-final-snapshot/plan.json']).stdout;
  expect(text.split('\n')[0]).toMatch(/1 of them with data loss \(1 lost for good\)\.$/);
  const recoverable = runCli(['check', 'fixtures/terraform-recoverability/rds-delete-final-snapshot/plan.json']).stdout;
  expect(recoverable.split('\n')[0]).toMatch(/1 of them with data loss\.$/);
});
