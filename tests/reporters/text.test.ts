// The text reporter: verdict first, findings grouped by input, one summary line; colour only when enabled.
import { join } from 'node:path';
import kleur from 'kleur';
import { namespaceDeletedReason } from '../../src/analyzers/kubernetes/namespace-cascade.js';
import type { Finding, Report, ReportResource } from '../../src/model.js';
import formatJson from '../../src/reporters/json.js';
import formatMarkdown, { MAX_TABLE_ROWS } from '../../src/reporters/markdown.js';
import formatText, { MAX_TEXT_FINDINGS } from '../../src/reporters/text.js';
import { numberedKeys, reportDestroying } from './awkward-reports.js';
import { expectGolden } from '../helpers/golden.js';
import { ROOT } from '../helpers/run-cli.js';
import { PASSING_REPORT, SAMPLE_REPORT } from './sample-report.js';

const golden = (name: string): string => join(ROOT, 'tests/reporters/golden', name);

describe('without colour', () => {
  beforeAll(() => {
    kleur.enabled = false;
  });

  it('matches the golden file for a blocked report', () => {
    expectGolden(formatText(SAMPLE_REPORT), golden('sample.txt'));
  });

  it('matches the golden file for a passing report', () => {
    expectGolden(formatText(PASSING_REPORT), golden('passing.txt'));
  });

  it('starts with the verdict and ends with one summary line', () => {
    const lines = formatText(SAMPLE_REPORT).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^BLOCKED/);
    expect(lines.at(-1)).toBe('blocked: 1 error, 1 warning, 1 info; 4 resource changes (1 replace, 1 delete, 2 no-op).');
    expect(formatText(PASSING_REPORT).split('\n')[0]).toMatch(/^PASS/);
  });

  it('contains no escape codes', () => {
    expect(formatText(SAMPLE_REPORT)).not.toContain('\u001b[');
  });
});

describe('with colour', () => {
  beforeAll(() => {
    kleur.enabled = true;
  });
  afterAll(() => {
    kleur.enabled = false;
  });

  it('colours the verdict', () => {
    expect(formatText(SAMPLE_REPORT)).toContain('\u001b[31m\u001b[1mBLOCKED');
  });
});

describe('big reports', () => {
  beforeAll(() => {
    kleur.enabled = false;
  });

  it(`lists at most ${MAX_TEXT_FINDINGS} findings of a file, and counts the rest`, () => {
    const report = reportDestroying(numberedKeys(10_000));
    const text = formatText(report);
    const dataFindings = report.findings.filter((f) => f.file === 'plans/data.json').length;
    expect(text).toContain(`  … and ${dataFindings - MAX_TEXT_FINDINGS} more findings (see --format json).\n`);
    expect(text).toContain('aws_db_instance.db["key-49"]');
    expect(text).not.toContain('aws_db_instance.db["key-50"]');
    expect(text.split('\n').length).toBeLessThan(3 * MAX_TEXT_FINDINGS + 30);
  });

  it('lists every finding of a file that holds no more', () => {
    const text = formatText(reportDestroying(numberedKeys(MAX_TEXT_FINDINGS - 1)));
    expect(text).not.toContain('more finding');
  });

  it('folds Markdown too: a 10,000-change report stays short', () => {
    expect(formatMarkdown(reportDestroying(numberedKeys(10_000))).split('\n').length).toBeLessThan(4 * MAX_TABLE_ROWS + 150);
  });
});

describe('a deleted namespace', () => {
  beforeAll(() => {
    kleur.enabled = false;
  });

  const FILE = 'delete.txt';
  const environment = { name: 'production', protected: true, rule: 'default-name', evidence: 'namespace', reason: 'its namespace says prod' };
  function objectReport(addresses: string[], reasonOf: (address: string) => string | undefined): Report {
    const findings: Finding[] = addresses.map((address) => ({
      ruleId: 'prod-delete',
      messageId: 'destroyed',
      severity: 'error',
      file: FILE,
      address,
      action: 'delete',
      environment: 'production',
      message: `${address} would be destroyed.`,
    }));
    const resources: ReportResource[] = addresses.map((address) => {
      const reason = reasonOf(address);
      return { file: FILE, address, type: address.split('/')[0], action: 'delete', environment, ...(reason === undefined ? {} : { reason }) };
    });
    return {
      ...SAMPLE_REPORT,
      inputs: [{ file: FILE, format: 'kubectl-delete', platform: 'kubernetes' }],
      findings,
      resources,
      summary: { ...SAMPLE_REPORT.summary, errors: findings.length, warnings: 0, infos: 0 },
    };
  }

  it('lists the objects deleted with it under it, as a count; objects deleted for other reasons stay listed', () => {
    const objects = Array.from({ length: 120 }, (_, i) => `ConfigMap/payments-prod/c${i}`);
    const report = objectReport(['Namespace/payments-prod', ...objects, 'Secret/other/s'], (address) =>
      address.startsWith('ConfigMap/') ? namespaceDeletedReason('payments-prod') : undefined,
    );
    const text = formatText(report);
    expect(text).toContain(
      '  error    Namespace/payments-prod [production]  prod-delete\n           Namespace/payments-prod would be destroyed.\n' +
        '           and 120 objects in it, deleted with it: 120 errors (each one in --format json).\n' +
        '  error    Secret/other/s [production]  prod-delete\n',
    );
    expect(text).not.toContain('ConfigMap/payments-prod/c0');
    expect(text).not.toContain('more finding');
    expect(JSON.parse(formatJson(report)).findings).toHaveLength(122);
  });
});
