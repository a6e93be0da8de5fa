// The Markdown reporter: marker and verdict first, a table of blocking findings, the rest folded, text escaped.
import { join } from 'node:path';
import type { Report } from '../../src/model.js';
import formatMarkdown, { COMMENT_MARKER, MAX_TABLE_ROWS } from '../../src/reporters/markdown.js';
import { expectGolden } from '../helpers/golden.js';
import { ROOT } from '../helpers/run-cli.js';
import { AWKWARD_KEYS, numberedKeys, reportDestroying, reportWithPlanWideLimit } from './awkward-reports.js';
import { PASSING_REPORT, SAMPLE_REPORT } from './sample-report.js';

const golden = (name: string): string => join(ROOT, 'tests/reporters/golden', name);

/** The rows of the first table after `heading` (a header row, e.g. `| Resource | Action |`). */
function tableRows(markdown: string, header: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(header);
  expect(start).toBeGreaterThan(-1);
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('|'));
  return lines.slice(start + 2, end);
}

/** Cells split at pipes that are not escaped. */
function cells(row: string): string[] {
  return row.slice(2, -2).split(/(?<!\\) \| /);
}

it('matches the golden file for a blocked report', () => {
  expectGolden(formatMarkdown(SAMPLE_REPORT), golden('sample.md'));
});

it('matches the golden file for a passing report', () => {
  expectGolden(formatMarkdown(PASSING_REPORT), golden('passing.md'));
});

it('starts with the hidden marker, then the verdict', () => {
  const [marker, verdict] = formatMarkdown(SAMPLE_REPORT).split('\n');
  expect(marker).toBe(COMMENT_MARKER);
  expect(verdict).toBe('### ⛔ Blocked: the plan would replace 1 protected resource in production');
  expect(formatMarkdown(PASSING_REPORT).split('\n')[1]).toBe('### ✅ Passed: nothing protected would be destroyed (1 warning below)');
});

it('lists blocking findings in a table and folds the rest', () => {
  const markdown = formatMarkdown(SAMPLE_REPORT);
  const [row] = tableRows(markdown, '| Resource | Action | Environment | Rule | Why | Goes down with it |');
  expect(cells(row)).toEqual([
    '`module.db["eu \\"west\\""].aws_db_instance.main`',
    'replace',
    'production',
    '[prod-replace](https://github.com/blast-radius/blast-radius/blob/main/docs/rules/prod-replace.md)',
    'its tags say Environment = "production"; changing storage_encrypted forces replacement (replace_because_cannot_update)',
    '**Data lost for good**: skip_final_snapshot = true and automated backups are deleted with the instance; no known dependents',
  ]);
  expect(markdown).toContain('<summary>1 warning, 1 info: not blocking</summary>');
  expect(markdown).toContain('<summary>Environments of the 2 touched resources</summary>');
  expect(markdown).toContain('```mermaid\nflowchart LR');
});

describe('escaping', () => {
  const report = reportDestroying(AWKWARD_KEYS);
  const markdown = formatMarkdown(report);
  const rows = tableRows(markdown, '| Resource | Action | Environment | Rule | Why | Goes down with it |');

  it('keeps every row to its six cells, whatever the address holds', () => {
    expect(rows).toHaveLength(AWKWARD_KEYS.length);
    for (const row of rows) expect(cells(row)).toHaveLength(6);
  });

  it('shows each address in a code span long enough for the backticks it holds', () => {
    const ticks = rows.find((row) => row.includes('tick'))!;
    expect(cells(ticks)[0]).toBe('```aws_db_instance.db["`tick` ``double``"]```');
  });

  it('never lets HTML through outside code spans', () => {
    const outsideCode = markdown.replace(/```mermaid[\s\S]*?```/, '').replace(/(`+).*?\1/g, '');
    const tags = outsideCode.match(/<[^>]*>/g) ?? [];
    expect(new Set(tags)).toEqual(new Set(['<!-- blast-radius -->', '<details>', '</details>', '<summary>', '</summary>', '<sub>', '</sub>']));
  });

  it('escapes Markdown in prose, on one line', () => {
    const why = 'its tags say env = "a\\*b\\* \\_c\\_ \\[d\\](e) &lt;f&gt; \\`g\\` x\\|y snake_case next line"';
    const reason = 'its tags say env = "a*b* _c_ [d](e) <f> `g` x|y snake_case\nnext line"';
    const awkward: Report = { ...report, resources: report.resources.map((r) => ({ ...r, reason: undefined, environment: { ...r.environment, reason } })) };
    expect(cells(tableRows(formatMarkdown(awkward), '| Resource | Action | Environment | Rule | Why | Goes down with it |')[0])[4]).toBe(why);
  });
});

it(`lists at most ${MAX_TABLE_ROWS} rows per table and counts the rest`, () => {
  const markdown = formatMarkdown(reportDestroying(numberedKeys(MAX_TABLE_ROWS + 7)));
  expect(tableRows(markdown, '| Resource | Action | Environment | Rule | Why | Goes down with it |')).toHaveLength(MAX_TABLE_ROWS);
  expect(markdown).toContain('… and 7 more: see the text or JSON report.');
});

it('says which findings an exception waived, and passes', () => {
  const waived = { reason: 'planned migration', by: 'alice', expires: '2030-01-01' };
  const report: Report = {
    ...SAMPLE_REPORT,
    verdict: 'pass',
    findings: SAMPLE_REPORT.findings.map((f) => (f.severity === 'error' ? { ...f, waived } : f)),
    summary: { ...SAMPLE_REPORT.summary, errors: 0, waived: 1 },
  };
  const markdown = formatMarkdown(report);
  expect(markdown.split('\n')[1]).toBe('### ✅ Passed: nothing protected would be destroyed without an exception (1 waived by an exception, 1 warning below)');
  expect(markdown).toContain('<summary>1 waived error, 1 warning, 1 info: not blocking</summary>');
  expect(markdown).toContain('| error, waived by alice until 2030-01-01 (planned migration) |');
});

it('lists every rule that blocks, a plan-wide limit as the whole plan, and counts resources once in the verdict', () => {
  const markdown = formatMarkdown(reportWithPlanWideLimit());
  expect(markdown.split('\n')[1]).toBe(
    '### ⛔ Blocked: the plan would replace 1 protected resource in production and break 1 plan-wide limit (too-many-destructive)',
  );
  const rows = tableRows(markdown, '| Resource | Action | Environment | Rule | Why | Goes down with it |').map(cells);
  expect(rows.map((row) => row[3])).toEqual([
    '[prod-replace](https://github.com/blast-radius/blast-radius/blob/main/docs/rules/prod-replace.md)',
    '[protected-type-destroy](https://example.com/protected-type-destroy.md)',
    '[too-many-destructive](https://example.com/too-many-destructive.md)',
  ]);
  expect(rows[2].slice(0, 3)).toEqual(['the whole plan', '—', '—']);
});
