// The GitHub Actions reporter: one workflow command per finding, escaped so that the runner reads back the exact text.
import { join } from 'node:path';
import type { Report } from '../../src/model.js';
import formatGithub from '../../src/reporters/github.js';
import { escapeData, escapeProperty, workflowCommand } from '../../src/reporters/workflow-command.js';
import { expectGolden } from '../helpers/golden.js';
import { ROOT } from '../helpers/run-cli.js';
import { AWKWARD_KEYS, reportDestroying, reportWithPlanWideLimit } from './awkward-reports.js';
import { SAMPLE_REPORT } from './sample-report.js';

/** How the runner reads a command back (actions/runner ActionCommand.cs: the first `::` after the name ends the properties). */
function readCommand(line: string): { name: string; properties: Record<string, string>; message: string } {
  const match = /^::([^ :]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (text: string): string => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    (match[2] ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [key, value] = pair.split(/=(.*)/s);
        return [key, unescape(value)];
      }),
  );
  return { name: match[1], properties, message: unescape(match[3]) };
}

it('matches the golden file', () => {
  expectGolden(formatGithub(SAMPLE_REPORT), join(ROOT, 'tests/reporters/golden/sample.github.txt'));
});

it.each([
  ['100%', '100%25', '100%25'],
  ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
  ['key: value', 'key: value', 'key%3A value'],
  ['a,b', 'a,b', 'a%2Cb'],
  ['%0A', '%250A', '%250A'],
  ['::error::', '::error::', '%3A%3Aerror%3A%3A'],
])('escapes %j as data %j and as a property %j', (text, data, property) => {
  expect(escapeData(text)).toBe(data);
  expect(escapeProperty(text)).toBe(property);
});

it('leaves out properties without a value', () => {
  expect(workflowCommand('notice', { title: 't', file: undefined }, 'm')).toBe('::notice title=t::m');
  expect(workflowCommand('notice', {}, 'm')).toBe('::notice::m');
});

it('writes one error, warning or notice per finding, then one plain summary line', () => {
  const lines = formatGithub(SAMPLE_REPORT).trimEnd().split('\n');
  expect(lines.slice(0, -1).map((line) => readCommand(line).name)).toEqual(['error', 'warning', 'notice']);
  expect(lines.at(-1)).toMatch(/^blast-radius blocked/);
});

it('gives each finding its file, a title with rule and address, and the message with the docs URL', () => {
  const [first] = formatGithub(SAMPLE_REPORT).split('\n');
  const finding = SAMPLE_REPORT.findings[0];
  expect(readCommand(first)).toEqual({
    name: 'error',
    properties: { title: `prod-replace: ${finding.address}`, file: 'plans/data.json' },
    message: `${finding.message}\nData lost for good: ${finding.recoverability?.why}.\n${SAMPLE_REPORT.rules['prod-replace'].url}`,
  });
});

it('reads back every awkward address and message exactly, one command a line', () => {
  const destroying = reportDestroying(AWKWARD_KEYS.map((key) => `${key}, 100% :: done`));
  const report: Report = { ...destroying, findings: destroying.findings.map((f) => ({ ...f, message: `${f.message}\r\n::error::injected %0A` })) };
  const lines = formatGithub(report).trimEnd().split('\n');
  expect(lines).toHaveLength(report.findings.length + 1);
  report.findings.forEach((finding, i) => {
    const command = readCommand(lines[i]);
    expect(command.properties.title).toBe(`${finding.ruleId}: ${finding.address}`);
    expect(command.message).toBe(`${finding.message}\n${report.rules[finding.ruleId].url}`);
  });
});

it('names no file for standard input', () => {
  const report: Report = { ...SAMPLE_REPORT, findings: [{ ...SAMPLE_REPORT.findings[0], file: '<stdin>' }] };
  expect(readCommand(formatGithub(report).split('\n')[0]).properties).not.toHaveProperty('file');
});

it('shows a waived error as a warning that says who waived it', () => {
  const waived = { reason: 'planned migration', by: 'alice', expires: '2030-01-01' };
  const report: Report = { ...SAMPLE_REPORT, verdict: 'pass', findings: [{ ...SAMPLE_REPORT.findings[0], waived }] };
  const command = readCommand(formatGithub(report).split('\n')[0]);
  expect(command.name).toBe('warning');
  expect(command.properties.title).toMatch(/^prod-replace \(waived\): /);
  expect(command.message).toContain('Waived by alice until 2030-01-01: planned migration');
});

it('titles a plan-wide finding with its rule alone', () => {
  const commands = formatGithub(reportWithPlanWideLimit()).split('\n').slice(0, 3).map(readCommand);
  expect(commands.map((command) => command.properties.title)).toEqual([
    `prod-replace: ${SAMPLE_REPORT.findings[0].address}`,
    `protected-type-destroy: ${SAMPLE_REPORT.findings[0].address}`,
    'too-many-destructive',
  ]);
});
