// Terraform sources beside the plan: backend, default tags and tfvars as evidence, and prevent_destroy-removed from a
// real two-commit git repository with a real terraform plan (skipped where terraform or git is missing).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

/** A directory holding the given .tf / .tfvars files and the not-production-names plan (resources with no evidence). */
function project(name: string, files: Record<string, string>): string {
  const dir = join(scratch.path, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  copyFileSync(join(ROOT, 'fixtures/terraform/not-production-names/plan.json'), join(dir, 'plan.json'));
  return dir;
}

function checkIn(dir: string, ...extra: string[]) {
  const result = runCli(['check', join(dir, 'plan.json'), '--format', 'json', ...extra]);
  return { ...result, report: result.stdout ? JSON.parse(result.stdout) : undefined };
}

describe('evidence from the plan directory', () => {
  it.each([
    [
      'the backend state key',
      { 'backend.tf': 'terraform {\n  backend "s3" {\n    key = "prod/catalog.tfstate"\n  }\n}\n' },
      /state is stored under backend "s3" key "prod\/catalog.tfstate" \(.*backend\.tf:3\)/,
    ],
    [
      'provider default tags',
      { 'providers.tf': 'provider "aws" {\n  default_tags {\n    tags = { Environment = "production" }\n  }\n}\n' },
      /provider "aws" default_tags \(.*providers\.tf:3\) say Environment = "production"/,
    ],
    [
      'terraform.tfvars',
      { 'main.tf': 'variable "environment" {}\n', 'terraform.tfvars': 'environment = "prod"\n' },
      /terraform\.tfvars:1 sets environment = "prod"/,
    ],
  ])('reads %s', (_what, files, reason) => {
    const { code, report } = checkIn(project(_what.replace(/\W+/g, '-'), files));
    expect(code).toBe(1);
    for (const resource of report.resources) {
      expect(resource.environment).toMatchObject({ name: 'production', rule: 'default-source' });
      expect(resource.environment.reason).toMatch(reason);
    }
  });

  it('reads them from --tf-dir as well', () => {
    const sources = join(scratch.path, 'elsewhere');
    mkdirSync(sources);
    writeFileSync(join(sources, 'main.tf'), 'terraform {\n  backend "gcs" {\n    prefix = "envs/prod"\n  }\n}\n');
    const result = runCli(['check', 'fixtures/terraform/not-production-names/plan.json', '--tf-dir', sources]);
    expect(result.code).toBe(1);
  });

  it('names the file and line of invalid HCL', () => {
    const result = runCli(['check', join(project('broken', { 'main.tf': 'resource "a" "b" {\n' }), 'plan.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/main\.tf:\d+,\d+(-\d+)?: invalid HCL: Unclosed configuration block\./);
  });
});

const has = (tool: string) => spawnSync(tool, ['version'], { stdio: 'ignore' }).status === 0;
const TF_ENV = { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1' };
function run(cwd: string, tool: string, ...args: string[]): string {
  const result = spawnSync(tool, args, { cwd, encoding: 'utf8', env: TF_ENV });
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

(has('terraform') && has('git') ? describe : describe.skip)('prevent_destroy-removed (terraform and git installed; skipped otherwise)', () => {
  const VAULT = 'resource "terraform_data" "vault" {\n  input = "keys"\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n';
  const CACHE = 'resource "terraform_data" "cache" {\n  input = "tmp"\n}\n';

  it('blocks deleting a resource whose block had prevent_destroy at the base revision', () => {
    const dir = join(scratch.path, 'repo');
    mkdirSync(dir);
    run(dir, 'git', 'init', '-q');
    run(dir, 'git', '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'start');
    writeFileSync(join(dir, 'main.tf'), VAULT + CACHE);
    run(dir, 'git', 'add', 'main.tf');
    run(dir, 'git', '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'vault, protected');
    run(dir, 'terraform', 'init', '-input=false');
    run(dir, 'terraform', 'apply', '-auto-approve', '-input=false');
    writeFileSync(join(dir, 'main.tf'), CACHE);
    run(dir, 'git', '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-am', 'remove the vault block');
    run(dir, 'terraform', 'plan', '-input=false', '-out=tfplan');
    writeFileSync(join(dir, 'plan.json'), run(dir, 'terraform', 'show', '-json', 'tfplan'));

    const guarded = runCli(['check', 'plan.json', '--tf-base', 'HEAD~1', '--format', 'json'], { cwd: dir });
    expect(guarded.code).toBe(1);
    const findings = JSON.parse(guarded.stdout).findings.map(
      (f: { ruleId: string; address: string; severity: string }) => `${f.severity} ${f.ruleId} ${f.address}`,
    );
    expect(findings).toContain('error prevent-destroy-removed terraform_data.vault');

    const unguarded = runCli(['check', 'plan.json'], { cwd: dir });
    expect(unguarded.code).toBe(0);
  });

  it('says so when the base revision does not exist', () => {
    const result = runCli(['check', 'plan.json', '--tf-base', 'no-such-branch'], { cwd: join(scratch.path, 'repo') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/git ls-tree .* failed/);
  });
});
