// The GitLab Code Quality reporter: what GitLab's own schema and its documentation require of each issue, severities,
// the plan file as location, and fingerprints that are unique in a report and stable from run to run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { Finding, Report } from '../../src/model.js';
import formatGitlab from '../../src/reporters/gitlab.js';
import { expectGolden } from '../helpers/golden.js';
import { ROOT } from '../helpers/run-cli.js';
import { AWKWARD_KEYS, reportDestroying, reportWithPlanWideLimit } from './awkward-reports.js';
import { PASSING_REPORT, SAMPLE_REPORT } from './sample-report.js';

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

const ajv = new Ajv({ allErrors: true, strict: false });
/** What GitLab checks each issue against before it keeps it (see schemas/README.md). */
const gitlabSchema = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'tests/reporters/schemas/gitlab-codeclimate.json'), 'utf8')));
/** The members docs.gitlab.com lists for a custom tool ("Implement a custom tool"), which the schema above does not require. */
const documentedIssue = ajv.compile({
  type: 'object',
  required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
  properties: {
    description: { type: 'string', minLength: 1 },
    check_name: { type: 'string', minLength: 1 },
    fingerprint: { type: 'string', minLength: 1 },
    severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
    location: {
      type: 'object',
      required: ['path', 'lines'],
      properties: {
        path: { type: 'string', minLength: 1 },
        lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } },
      },
    },
  },
});

function issues(report: Report): Issue[] {
  const output = formatGitlab(report);
  // GitLab's parser refuses a byte order mark; the report is one JSON array.
  expect(output.charCodeAt(0)).toBe('['.charCodeAt(0));
  return JSON.parse(output) as Issue[];
}

function expectValid(report: Report): void {
  for (const issue of issues(report)) {
    expect(gitlabSchema(issue) ? [] : gitlabSchema.errors).toEqual([]);
    expect(documentedIssue(issue) ? [] : documentedIssue.errors).toEqual([]);
  }
}

it('matches the golden file', () => {
  expectGolden(formatGitlab(SAMPLE_REPORT), join(ROOT, 'tests/reporters/golden/sample.gitlab.json'));
});

it.each([
  ['a blocked report', SAMPLE_REPORT],
  ['a passing report', PASSING_REPORT],
  ['a report with a plan-wide finding', reportWithPlanWideLimit()],
  ['a report with awkward addresses', reportDestroying(AWKWARD_KEYS)],
])('gives issues GitLab keeps and its documentation describes for %s', (_name, report) => {
  expect(issues(report).length).toBe(report.findings.length);
  expectValid(report);
});

it('rejects what is not a documented issue, so that the validation means something', () => {
  const [issue] = issues(SAMPLE_REPORT);
  expect(documentedIssue({ ...issue, severity: 'error' })).toBe(false);
  expect(documentedIssue({ ...issue, location: { path: 'plan.json' } })).toBe(false);
  expect(gitlabSchema({ ...issue, fingerprint: undefined })).toBe(false);
});

it('is an empty array when nothing was found', () => {
  expect(formatGitlab({ ...PASSING_REPORT, findings: [] })).toBe('[]\n');
});

it('maps a blocking error to blocker, a waived one to major, a warning to minor and information to info', () => {
  const waived = { reason: 'OPS-1', by: 'alice@example.com', expires: '2030-01-01' };
  const report: Report = { ...SAMPLE_REPORT, findings: [...SAMPLE_REPORT.findings, { ...SAMPLE_REPORT.findings[0], address: 'aws_db_instance.old', waived }] };
  expect(issues(report).map((issue) => [issue.check_name, issue.severity])).toEqual([
    ['blast-radius/prod-replace', 'blocker'],
    ['blast-radius/unknown-env-delete', 'minor'],
    ['blast-radius/resource-drift', 'info'],
    ['blast-radius/prod-replace', 'major'],
  ]);
});

it('says who waived a finding, until when and why, and whether an exception or an approval did', () => {
  const exception = { reason: 'OPS-1', by: 'alice@example.com', expires: '2030-01-01' };
  const approval = { ...exception, fingerprint: 'ec8973b30d6a58e153e75290eae7c235' };
  const finding = SAMPLE_REPORT.findings[0];
  const report: Report = { ...SAMPLE_REPORT, config: 'infra/.blast-radius.yml', findings: [{ ...finding, waived: exception }] };
  expect(issues(report)[0]?.description).toBe(
    `${finding.message} Waived by alice@example.com until 2030-01-01 (an exception in infra/.blast-radius.yml): OPS-1`,
  );
  expect(issues({ ...report, findings: [{ ...finding, waived: approval }] })[0]?.description).toBe(
    `${finding.message} Waived by alice@example.com until 2030-01-01 (the approval of fingerprint ec8973b30d6a58e153e75290eae7c235): OPS-1`,
  );
});

describe('location', () => {
  function pathOf(file: string, inputs: string[] = [file]): string | undefined {
    const report: Report = {
      ...SAMPLE_REPORT,
      inputs: inputs.map((name) => ({ file: name, format: 'terraform-plan', platform: 'terraform' as const })),
      findings: [{ ...SAMPLE_REPORT.findings[0], file }],
    };
    expectValid(report);
    return issues(report)[0]?.location.path;
  }

  it('is the plan file as given, at line 1', () => {
    expect(issues(SAMPLE_REPORT)[0]?.location).toEqual({ path: 'plans/data.json', lines: { begin: 1 } });
  });

  it('names the file of a plan read from a stream', () => {
    expect(pathOf('all.json#2', ['all.json#1', 'all.json#2'])).toBe('all.json');
  });

  it('writes a Windows path with forward slashes', () => {
    expect(pathOf('plans\\data.json')).toBe('plans/data.json');
  });

  it('names standard input as the other reports do', () => {
    expect(pathOf('<stdin>')).toBe('<stdin>');
  });
});

describe('fingerprints', () => {
  const fingerprints = (report: Report): string[] => issues(report).map((issue) => issue.fingerprint);

  it('are the same for the same findings whatever their order and wording', () => {
    const reworded: Report = { ...SAMPLE_REPORT, findings: SAMPLE_REPORT.findings.map((f) => ({ ...f, message: `${f.message} (v2)` })).reverse() };
    expect(fingerprints(reworded)).toEqual([...fingerprints(SAMPLE_REPORT)].reverse());
  });

  it.each<[string, Partial<Finding>]>([
    ['rule', { ruleId: 'prod-delete' }],
    ['message id', { messageId: 'deleted' }],
    ['input', { file: 'plans/other.json' }],
    ['address', { address: 'aws_db_instance.other' }],
  ])('change with the %s', (_name, change) => {
    const [first] = SAMPLE_REPORT.findings;
    const report: Report = { ...SAMPLE_REPORT, findings: [first, { ...first, ...change }] };
    const [a, b] = fingerprints(report);
    expect(a).not.toBe(b);
  });

  it('are unique in a report, even for two findings alike in every field, and 32 hex digits', () => {
    const [first] = SAMPLE_REPORT.findings;
    const alike: Report = { ...SAMPLE_REPORT, findings: [first, first, ...reportDestroying(AWKWARD_KEYS).findings] };
    const all = fingerprints(alike);
    expect(new Set(all).size).toBe(all.length);
    for (const fingerprint of all) expect(fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });
});
