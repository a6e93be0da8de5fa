// The task result sent to HCP Terraform: status from the verdict, at most MAX_OUTCOMES outcomes with the blocking ones
// first, tags for waived findings, and Markdown in outcome bodies escaped.
import type { Report } from '../../src/model.js';
import { failureResult, MAX_OUTCOMES, reportResult } from '../../src/run-task/task-result.js';
import { reportDestroying } from '../reporters/awkward-reports.js';
import { PASSING_REPORT, SAMPLE_REPORT } from '../reporters/sample-report.js';

const outcomes = (report: Report) => reportResult(report, true).data.relationships?.outcomes.data ?? [];

it('fails a blocked report and passes a passing one', () => {
  expect(reportResult(SAMPLE_REPORT, false).data.attributes.status).toBe('failed');
  expect(reportResult(PASSING_REPORT, false).data.attributes.status).toBe('passed');
});

it('sends at most MAX_OUTCOMES outcomes, the blocking findings first', () => {
  const many = reportDestroying(Array.from({ length: MAX_OUTCOMES + 2 }, (_, i) => `db-${i}`));
  const report: Report = { ...many, findings: [...SAMPLE_REPORT.findings.slice(1), ...many.findings] };
  const sent = outcomes(report);
  expect(sent).toHaveLength(MAX_OUTCOMES);
  expect(sent.map((o) => o.attributes.tags.Status[0]?.label)).toEqual(Array(MAX_OUTCOMES).fill('Blocks'));
});

it('tags a waived finding as waived and says who waived it', () => {
  const waived = { reason: 'OPS-1', by: 'alice@example.com', expires: '2030-01-01' };
  const [outcome] = outcomes({ ...SAMPLE_REPORT, findings: [{ ...SAMPLE_REPORT.findings[0], waived }] });
  expect(outcome?.attributes.tags.Status).toEqual([{ label: 'Waived', level: 'info' }]);
  expect(outcome?.attributes.body).toContain('Waived by alice@example.com until 2030-01-01: OPS-1');
});

it('escapes Markdown in outcome bodies, so that an address cannot add a link', () => {
  const report = reportDestroying(['[click](https://evil.example)']);
  expect(outcomes(report)[0]?.attributes.body).not.toContain('[click](https://evil.example)');
});

it('says why a run could not be checked, as a failure', () => {
  expect(failureResult('the plan is not JSON.').data.attributes).toMatchObject({
    status: 'failed',
    message: 'blast-radius could not check this run: the plan is not JSON.',
  });
});
