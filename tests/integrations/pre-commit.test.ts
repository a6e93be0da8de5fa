// .pre-commit-hooks.yaml with a real pre-commit: a temporary git repository whose .pre-commit-config.yaml points at
// this repository at its HEAD commit runs `pre-commit run --all-files`; a committed blocked plan fails the hook, a safe
// one passes, other JSON is not passed to it. The hook runs the blast-radius on PATH: here, the built CLI.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toolDirectory } from '../helpers/ci-shell.js';
import { ROOT } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const hasPreCommit = spawnSync('pre-commit', ['--version'], { stdio: 'ignore' }).status === 0;
const scratch = scratchDirectory();
afterAll(() => scratch.remove());

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** A repository holding these files (path → fixture to copy, or text) and a pre-commit configuration using the hook. */
function repositoryWith(name: string, files: Record<string, { fixture: string } | { text: string }>): string {
  const repository = join(scratch.path, name);
  mkdirSync(repository);
  git(repository, 'init', '--quiet');
  const rev = git(ROOT, 'rev-parse', 'HEAD');
  writeFileSync(join(repository, '.pre-commit-config.yaml'), `repos:\n  - repo: ${ROOT}\n    rev: ${rev}\n    hooks:\n      - id: blast-radius\n`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(repository, path, '..'), { recursive: true });
    if ('fixture' in content) copyFileSync(join(ROOT, content.fixture), join(repository, path));
    else writeFileSync(join(repository, path), content.text);
  }
  git(repository, 'add', '--all');
  return repository;
}

function preCommit(repository: string): { code: number | null; output: string } {
  const result = spawnSync('pre-commit', ['run', '--all-files', '--color', 'never'], {
    cwd: repository,
    encoding: 'utf8',
    env: {
      ...process.env,
      NO_COLOR: '1',
      PRE_COMMIT_HOME: join(scratch.path, 'pre-commit-home'),
      PATH: `${toolDirectory(scratch.path)}:${process.env.PATH ?? ''}`,
    },
  });
  return { code: result.status, output: result.stdout + result.stderr };
}

(hasPreCommit ? describe : describe.skip)('with pre-commit installed (skipped where it is not)', () => {
  it('fails on a committed plan that replaces a production resource, and says why', () => {
    const { code, output } = preCommit(repositoryWith('blocked', { 'infra/prod.plan.json': { fixture: 'fixtures/terraform/prod-replace/plan.json' } }));
    expect(code).toBe(1);
    expect(output).toMatch(/blast-radius \(committed Terraform plans\)\.+Failed/);
    expect(output).toContain('terraform_data.prod_db');
  });

  it('passes a committed plan that destroys nothing protected', () => {
    const { code, output } = preCommit(repositoryWith('safe', { 'infra/staging.plan.json': { fixture: 'fixtures/terraform/staging-delete/plan.json' } }));
    expect(output).toMatch(/blast-radius \(committed Terraform plans\)\.+Passed/);
    expect(code).toBe(0);
  });

  it('fails on a file named as a plan that is not one', () => {
    const { code, output } = preCommit(repositoryWith('unreadable', { 'plan.json': { text: '{"format_version": "1.2"}\n' } }));
    expect(code).toBe(1);
    expect(output).toMatch(/blast-radius: plan\.json /);
  });

  it('passes other JSON files by', () => {
    const { code, output } = preCommit(repositoryWith('other-json', { 'package.json': { text: '{"name": "x"}\n' } }));
    expect(output).toMatch(/blast-radius \(committed Terraform plans\)\.+\(no files to check\)Skipped/);
    expect(code).toBe(0);
  });
});
