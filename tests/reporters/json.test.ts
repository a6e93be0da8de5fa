// The JSON reporter prints the Report itself: versioned, complete, and parseable back to the same data.
import { join } from 'node:path';
import formatJson from '../../src/reporters/json.js';
import { expectGolden } from '../helpers/golden.js';
import { ROOT } from '../helpers/run-cli.js';
import { SAMPLE_REPORT } from './sample-report.js';

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
