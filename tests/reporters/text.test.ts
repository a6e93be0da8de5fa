// The text reporter: verdict first, findings grouped by input, one summary line; colour only when enabled.
import { join } from 'node:path';
import kleur from 'kleur';
import formatText from '../../src/reporters/text.js';
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
