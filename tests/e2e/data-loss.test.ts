// The catalog in the report: findings on types that hold data carry impact "data-loss", the summary counts them,
// and the text report says so in its first line.
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
