// The SARIF reporter: valid against the official SARIF 2.1.0 schema, one descriptor per cited rule, levels, locations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { Log, Result } from 'sarif';
import type { Report } from '../../src/model.js';
import formatSarif from '../../src/reporters/sarif.js';
import { expectGolden } from '../helpers/golden.js';
import { ROOT } from '../helpers/run-cli.js';
import { reportWithPlanWideLimit } from './awkward-reports.js';
import { PASSING_REPORT, SAMPLE_REPORT } from './sample-report.js';

/** The errata 01 schema is draft-04; its top-level `id` and `$schema` are all that differ from draft-07 (see schemas/README.md). */
function sarifValidator(): ValidateFunction {
  const { id, ...schema } = JSON.parse(readFileSync(join(ROOT, 'tests/reporters/schemas/sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-formats is CommonJS: imported as a module, its plugin is `default`.
  ajvFormats.default(ajv);
  return ajv.compile({ ...schema, $schema: 'http://json-schema.org/draft-07/schema#', $id: id });
}

const validate = sarifValidator();

function sarif(report: Report): Log {
  return JSON.parse(formatSarif(report)) as Log;
}

function expectValid(log: Log): void {
  const valid = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

function results(report: Report): Result[] {
  return sarif(report).runs[0]?.results ?? [];
}

it('matches the golden file', () => {
  expectGolden(formatSarif(SAMPLE_REPORT), join(ROOT, 'tests/reporters/golden/sample.sarif'));
});

it.each([
  ['a blocked report', SAMPLE_REPORT],
  ['a passing report', PASSING_REPORT],
  ['a report without findings', { ...PASSING_REPORT, findings: [], rules: {} }],
  ['a report with a plan-wide finding', reportWithPlanWideLimit()],
])('is valid SARIF 2.1.0 for %s', (_name, report) => {
  expectValid(sarif(report));
});

it('rejects what is not SARIF, so that the validation means something', () => {
  const log = sarif(SAMPLE_REPORT);
  expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ level: 'fatal', message: { text: 'x' } }] }] })).toBe(false);
  const location = { physicalLocation: { artifactLocation: { uri: 'not a uri' } } };
  expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ message: { text: 'x' }, locations: [location] }] }] })).toBe(false);
});

it('describes each cited rule once, with its help and docs URL', () => {
  const report: Report = { ...SAMPLE_REPORT, findings: [...SAMPLE_REPORT.findings, { ...SAMPLE_REPORT.findings[0], address: 'aws_db_instance.other' }] };
  const rules = sarif(report).runs[0]?.tool.driver.rules ?? [];
  expect(rules.map((rule) => rule.id)).toEqual(['prod-replace', 'unknown-env-delete', 'resource-drift']);
  for (const rule of rules) {
    const meta = SAMPLE_REPORT.rules[rule.id];
    expect(rule).toMatchObject({ shortDescription: { text: meta.description }, helpUri: meta.url });
    expect(rule.help?.text).toContain(meta.url);
  }
  expect(results(report).map((result) => result.ruleIndex)).toEqual([0, 1, 2, 0]);
});

it('maps severities to levels: error, warning, note', () => {
  expect(results(SAMPLE_REPORT).map((result) => [result.ruleId, result.level])).toEqual([
    ['prod-replace', 'error'],
    ['unknown-env-delete', 'warning'],
    ['resource-drift', 'note'],
  ]);
});

it('locates a finding in its input file and at its address', () => {
  const [location] = results(SAMPLE_REPORT)[0]?.locations ?? [];
  expect(location?.physicalLocation?.artifactLocation?.uri).toBe('plans/data.json');
  expect(location?.logicalLocations).toEqual([{ fullyQualifiedName: 'module.db["eu \\"west\\""].aws_db_instance.main', kind: 'resource' }]);
});

describe('artifact URIs', () => {
  function uriOf(file: string, inputs: string[] = [file]): string | undefined {
    const finding = { ...SAMPLE_REPORT.findings[0], file };
    const report: Report = {
      ...SAMPLE_REPORT,
      inputs: inputs.map((name) => ({ file: name, format: 'terraform-plan', platform: 'terraform' as const })),
      findings: [finding],
    };
    expectValid(sarif(report));
    return results(report)[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
  }

  it('encodes what a URI cannot hold', () => {
    expect(uriOf('plans/my plan#1.json')).toBe('plans/my%20plan%231.json');
  });

  it('gives an absolute path as a file URI', () => {
    expect(uriOf('/tmp/plan.json')).toBe('file:///tmp/plan.json');
  });

  it('names the file of a plan read from a stream', () => {
    expect(uriOf('all.json#2', ['all.json#1', 'all.json#2'])).toBe('all.json');
  });

  it('names no file for standard input, only the address', () => {
    expect(uriOf('<stdin>')).toBeUndefined();
  });
});

it('marks a waived finding as suppressed by the configuration', () => {
  const waived = { reason: 'migration ticket OPS-1', by: 'alice@example.com', expires: '2030-01-01' };
  const report: Report = { ...SAMPLE_REPORT, findings: [{ ...SAMPLE_REPORT.findings[0], waived }] };
  expectValid(sarif(report));
  expect(results(report)[0]?.suppressions).toEqual([
    { kind: 'external', status: 'accepted', justification: 'migration ticket OPS-1 (alice@example.com, until 2030-01-01)' },
  ]);
});

it('locates a plan-wide finding in its file only', () => {
  const limit = results(reportWithPlanWideLimit()).find((result) => result.ruleId === 'too-many-destructive');
  expect(limit?.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'plans/data.json' } } }]);
});
