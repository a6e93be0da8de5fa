// The command line itself: help that documents exit codes, version, and usage errors that exit 2.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli.js';

/** Help text with yargs' line wrapping undone. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ');

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('help and version', () => {
  it('documents the commands and the exit codes in --help', () => {
    const result = runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('check');
    expect(oneLine(result.stdout)).toMatch(/Exit codes of check: 0 pass, 1 blocked, 2 usage or input error; each command's --help states its own\./);
  });

  it('documents the options and exit codes in check --help', () => {
    const result = runCli(['check', '--help']);
    expect(result.code).toBe(0);
    for (const option of ['--format', '--terraform-bin', '--color', '--debug']) expect(result.stdout).toContain(option);
    expect(result.stdout).toMatch(/Exit codes: 0 pass, 1 blocked/);
  });

  it.each([
    ['doctor', [], /Exit codes: 0 reported \(whether or not the shell reaches production\), 2 usage error\./],
    ['init', [], /Exit codes: 0 written, 2 usage error/],
    ['rules', [], /Exit codes: 0 listed, 2 usage error\./],
    ['operations', [], /Exit codes: 0 listed, 2 usage error\./],
    ['shims', [], /Exit codes: 0 the PATH line printed/],
    ['hook', ['install'], /Exit codes: 0 the hook call answered/],
    ['explain', [], /Exit codes: 0 explained, 2 usage or input error/],
    ['approve', [], /Exit codes: 0 approved, 2 usage or input error/],
    ['serve', [], /Exit codes: 0 stopped by SIGINT or SIGTERM, 2 usage or configuration error/],
  ])('states the exit codes of %s itself, which never blocks', (name, words, exitCodes) => {
    const result = runCli([name, ...words, '--help']);
    expect(result.code).toBe(0);
    expect(oneLine(result.stdout)).toMatch(exitCodes);
    expect(result.stdout).not.toContain('1 blocked');
  });

  it.each([
    ['approve', 'blast-radius approve <fingerprint> [plans..]', /fingerprint +The fingerprint the blocked report shows/],
    ['explain', 'blast-radius explain <plan> <address>', /address +The resource address/],
    ['hook', 'blast-radius hook <action-or-agent> [agent]', /action-or-agent +install or uninstall/],
    ['shims', 'blast-radius shims <subcommand>', /subcommand +`env`/],
    ['check', 'blast-radius check [files..]', /files +plan files/],
  ])('names the positional arguments of %s readably, without a contradictory default', (name, usage, positional) => {
    const result = runCli([name, '--help']);
    expect(result.stdout.split('\n')[0]).toBe(usage);
    expect(result.stdout).toMatch(positional);
    expect(result.stdout).not.toMatch(/words|\[default: \[\]\]/);
  });

  it('runs a command through yargs (an option before it) with its positional arguments as one list', () => {
    const result = runCli(['--debug', 'explain', 'fixtures/terraform/not-production-names/plan.json', 'terraform_data.product_catalog']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('terraform_data.product_catalog (terraform_data, delete)');
  });

  it('prints the package version', () => {
    const result = runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(packageJson.version);
  });
});

describe('usage errors exit 2 with one sentence', () => {
  it.each([
    ['no command', [], /Name a command/],
    ['an unknown command', ['chek', 'plan.json'], /Did you mean check/],
    ['no plan file', ['check'], /Name at least one input to check/],
    ['an unknown option', ['check', 'plan.json', '--formt', 'json'], /Unknown option '--formt'/],
    ['an unknown format', ['check', 'plan.json', '--format', 'yaml'], /Invalid value "yaml" for --format: choose one of json, text/],
    ['a format without value', ['check', 'plan.json', '--format'], /--format/],
    ['an argument to a command that takes none', ['rules', 'extra'], /Unexpected argument "extra"/],
  ])('%s', (_name, args, expected) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('colour', () => {
  const plan = 'fixtures/terraform/prod-replace/plan.json';

  it('is off when stdout is not a terminal', () => {
    const result = runCli(['check', plan], { env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('is on with --color and off with NO_COLOR', () => {
    expect(runCli(['check', plan, '--color']).stdout).toContain('\u001b[');
    expect(runCli(['check', plan], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });
});

describe('rules', () => {
  it('lists every rule with its severity', () => {
    const result = runCli(['rules']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^prod-delete\s+error\s+Deleting/m);
    expect(result.stdout).toMatch(/^unknown-env-delete\s+warning\s+/m);
  });

  it('prints JSON with the docs URL of each rule', () => {
    const rules = JSON.parse(runCli(['rules', '--format', 'json']).stdout);
    expect(rules.find((r: { id: string }) => r.id === 'prod-replace')).toMatchObject({ severity: 'error', url: expect.stringMatching(/prod-replace\.md$/) });
  });

  it('shows the options of each rule, with their defaults, and its messages in JSON', () => {
    expect(runCli(['rules']).stdout).toMatch(/^too-many-destructive\s+error\s+.*\n\s+option max \(default: none\): Most deletes and replaces/m);
    const rules = JSON.parse(runCli(['rules', '--format', 'json']).stdout);
    expect(rules.find((r: { id: string }) => r.id === 'protected-type-destroy')).toMatchObject({
      defaultOptions: { types: [] },
      options: { types: { type: 'array' } },
      messages: { destroyed: expect.stringContaining('{{subject}} would be destroyed') },
    });
  });
});

it('tells CI (--no-approvals) how to proceed without ever naming blast-radius approve, which it would not honour', () => {
  for (const format of ['text', 'markdown', 'json']) {
    const result = runCli(['check', 'fixtures/terraform/prod-replace/plan.json', '--no-approvals', '--format', format]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('blast-radius approve');
    if (format !== 'json') expect(result.stdout).toContain('This check honours no local approval (CI): if this destruction is intended, waive it with an');
  }
});
