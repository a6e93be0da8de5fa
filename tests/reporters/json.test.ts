// The JSON reporter prints the Report itself: versioned, complete, and parseable back to the same data.
import { join } from 'node:path';
import formatJson, { jsonSlices } from '../../src/reporters/json.js';
import type { Report } from '../../src/model.js';
import { AWKWARD_KEYS, numberedKeys, reportDestroying, reportWithPlanWideLimit } from './awkward-reports.js';
import { expectGolden } from '../helpers/golden.js';
import { ROOT } from '../helpers/run-cli.js';
import { PASSING_REPORT, SAMPLE_REPORT } from './sample-report.js';

it('matches the golden file', () => {
  expectGolden(formatJson(SAMPLE_REPORT), join(ROOT, 'tests/reporters/golden/sample.json'));
});

it('round-trips to the same Report', () => {
  expect(JSON.parse(formatJson(SAMPLE_REPORT))).toEqual(SAMPLE_REPORT);
});

it('carries the documented top-level fields', () => {
  expect(Object.keys(JSON.parse(formatJson(SAMPLE_REPORT)))).toEqual([
    'schemaVersion',
    'tool',
    'verdict',
    'inputs',
    'findings',
    'resources',
    'summary',
    'rules',
    'exceptions',
    'fingerprint',
    'approveCommand',
  ]);
});

describe('in slices', () => {
  const joined = (report: Report): string => [...jsonSlices(report)].join('');

  it.each([
    ['the sample', SAMPLE_REPORT],
    ['a passing report with empty lists', PASSING_REPORT],
    ['awkward addresses (quotes, line breaks, unicode)', reportDestroying(AWKWARD_KEYS)],
    ['many resources', reportDestroying(numberedKeys(500))],
    ['findings about the whole plan', reportWithPlanWideLimit()],
  ])('gives exactly the text of the whole: %s', (_name, report) => {
    expect(joined(report)).toBe(formatJson(report));
  });

  it('leaves out members JSON leaves out and writes null for list holes, as JSON.stringify does', () => {
    const odd = { ...SAMPLE_REPORT, config: undefined, exceptions: [undefined, {}], rules: {} } as unknown as Report;
    expect(joined(odd)).toBe(formatJson(odd));
    expect(joined({} as Report)).toBe(formatJson({} as Report));
  });

  it('never makes one slice of a whole list', () => {
    const report = reportDestroying(numberedKeys(500));
    const longest = Math.max(...[...jsonSlices(report)].map((slice) => slice.length));
    expect(longest).toBeLessThan(formatJson(report).length / 100);
  });
});
