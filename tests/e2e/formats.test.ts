// --format given several times: one run of the built CLI writes every format, to standard output and to files, and a
// bad set of targets exits 2 before any plan is read.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const plan = 'fixtures/terraform/prod-replace/plan.json';
const ANSI = '\u001b[';

function scratchFile(name: string): string {
  return join(scratch.path, name);
}

describe('one run, every consumer', () => {
  const result = runCli([
    'check',
    plan,
    '--color',
    '--format',
    'text',
    '--format',
    `sarif=${scratchFile('results.sarif')}`,
    '-f',
    `markdown=${scratchFile('summary.md')}`,
    `--format=json=${scratchFile('report.json')}`,
    '--format',
    `github=${scratchFile('annotations.txt')}`,
    '--format',
    `agent=${scratchFile('agent.txt')}`,
    '--format',
    `gitlab=${scratchFile('gl-code-quality-report.json')}`,
    '--format',
    `text=${scratchFile('report.txt')}`,
  ]);
  const file = (name: string): string => readFileSync(scratchFile(name), 'utf8');

  it('exits 1 for the blocked plan and prints the one stdout format', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${ANSI}31m${ANSI}1mBLOCKED`);
  });

  it('writes each file in its format', () => {
    const sarif = JSON.parse(file('results.sarif'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'prod-replace', level: 'error' });
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(plan);
    expect(file('summary.md')).toMatch(/^<!-- blast-radius -->\n### ⛔ Blocked/);
    expect(JSON.parse(file('report.json')).verdict).toBe('block');
    expect(file('annotations.txt')).toMatch(/^::error title=prod-replace%3A terraform_data\.prod_db,file=fixtures\/terraform\/prod-replace\/plan\.json::/);
    expect(file('agent.txt')).toMatch(/^blast-radius refused this plan/);
    const [issue] = JSON.parse(file('gl-code-quality-report.json'));
    expect(issue).toMatchObject({ check_name: 'blast-radius/prod-replace', severity: 'blocker', location: { path: plan, lines: { begin: 1 } } });
    expect(issue.description).toMatch(/^terraform_data\.prod_db would be destroyed and then re-created/);
  });

  it('writes the same report a single-format run prints', () => {
    expect(file('report.json')).toBe(runCli(['check', plan, '--format', 'json']).stdout);
    expect(file('summary.md')).toBe(runCli(['check', plan, '--format', 'markdown']).stdout);
    expect(file('gl-code-quality-report.json')).toBe(runCli(['check', plan, '--format', 'gitlab']).stdout);
  });

  it('never writes colour codes to a file, even with --color', () => {
    expect(file('report.txt')).not.toContain(ANSI);
    expect(file('report.txt')).toBe(runCli(['check', plan, '-f', 'text']).stdout);
  });
});

it('writes a file named relative to the working directory, with nothing on standard output', () => {
  const result = runCli(['check', join(process.cwd(), plan), '--format', 'markdown=relative.md'], { cwd: scratch.path });
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(readFileSync(scratchFile('relative.md'), 'utf8')).toContain('`terraform_data.prod_db`');
});

describe('a bad set of targets exits 2 before the plan is read', () => {
  it.each([
    ['an unknown format', ['--format', 'yaml'], /Invalid value "yaml" for --format: choose one of json, text, /],
    ['an unknown format for a file', ['--format', 'text', '--format', 'yaml=out.yaml'], /Invalid value "yaml" for --format/],
    ['a format without its file', ['--format', 'sarif='], /--format sarif= names no file/],
    ['two formats to standard output', ['--format', 'text', '-f', 'json'], /Only one --format can print to standard output, not text, json:/],
    ['the same file twice', ['--format', `sarif=${scratchFile('same')}`, '--format', `json=${scratch.path}/./same`], /name the same file/],
  ])('%s', (_name, formatArgs, message) => {
    const result = runCli(['check', 'no-such-plan.json', ...formatArgs]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/no-such-plan/);
    expect(existsSync(scratchFile('same'))).toBe(false);
  });
});

it('exits 2 when a file cannot be written, and leaves standard output empty', () => {
  const result = runCli(['check', plan, '--format', 'text', '--format', `sarif=${scratchFile('missing/dir/results.sarif')}`]);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/Cannot write the sarif report to .*missing\/dir\/results\.sarif: ENOENT: no such file or directory\./);
});

it('still prints JSON errors for --format json when another target is given', () => {
  const result = runCli(['check', 'no-such-plan.json', '--format', 'json', '--format', `sarif=${scratchFile('unused.sarif')}`]);
  expect(result.code).toBe(2);
  expect(JSON.parse(result.stdout)).toMatchObject({ verdict: 'error' });
  expect(existsSync(scratchFile('unused.sarif'))).toBe(false);
});
