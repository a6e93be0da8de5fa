// `blast-radius guard -- terraform …` with the real terraform (skipped where it is not installed): a blocked plan
// applies nothing, a passing plan is applied exactly, and a plan swapped between check and apply is refused.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const terraformPath = spawnSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' }).stdout.trim();
const TF_ENV = { TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1' };

function terraform(cwd: string, ...args: string[]): string {
  const result = spawnSync('terraform', args, { cwd, encoding: 'utf8', env: { ...process.env, ...TF_ENV } });
  if (result.status !== 0) throw new Error(`terraform ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** A working directory with the fixture's `before` applied and its `after` configuration in place. */
function project(name: string, fixture: string): string {
  const dir = join(scratch.path, name);
  mkdirSync(dir);
  cpSync(join(ROOT, 'fixtures/terraform', fixture, 'before'), dir, { recursive: true });
  terraform(dir, 'init', '-input=false');
  terraform(dir, 'apply', '-auto-approve', '-input=false');
  cpSync(join(ROOT, 'fixtures/terraform', fixture, 'after'), dir, { recursive: true });
  return dir;
}

/** A terminal for the tests that need a person's answer: util-linux `script` runs the command in a pseudo-terminal. */
const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).stdout.trim() !== '';

const state = (dir: string): string[] => terraform(dir, 'state', 'list').trim().split('\n').sort();

(terraformPath ? describe : describe.skip)('with terraform installed (skipped where it is not)', () => {
  it('applies nothing when the plan replaces production', () => {
    const dir = project('blocked', 'prod-replace');
    const before = readFileSync(join(dir, 'terraform.tfstate'), 'utf8');
    const result = runCli(['guard', '--', 'terraform', 'apply', '-auto-approve'], { cwd: dir, env: TF_ENV });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^BLOCKED/);
    expect(result.stdout).toContain('prod-replace');
    expect(result.stderr).toContain('nothing was applied');
    expect(readFileSync(join(dir, 'terraform.tfstate'), 'utf8')).toBe(before);
  });

  it('refuses a destroy that reaches production', () => {
    const dir = project('destroy', 'root-variable-prod');
    const result = runCli(['guard', '--', 'terraform', 'destroy', '-auto-approve'], { cwd: dir, env: TF_ENV });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('prod-delete');
    expect(state(dir)).toEqual(['terraform_data.cache', 'terraform_data.staging_cache']);
  });

  it('applies exactly the checked plan when nothing protected is destroyed', () => {
    const dir = project('passes', 'staging-delete');
    const result = runCli(['guard', '--', 'terraform', 'apply', '-auto-approve'], { cwd: dir, env: TF_ENV });
    expect(result.stderr).toContain('Applied exactly the plan blast-radius checked.');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^PASS/);
    expect(state(dir)).toEqual(['terraform_data.staging_web']);
  });

  it('applies the checked plan even when another plan is renamed over its file, again and again, after the check', async () => {
    const dir = project('renamed-over', 'prod-replace');
    // The attacker's plan replaces the production database; the configuration guard plans changes nothing.
    terraform(dir, 'plan', '-input=false', '-out=evil.tfplan');
    cpSync(join(ROOT, 'fixtures/terraform/prod-replace/before'), dir, { recursive: true });
    const databaseBefore = terraform(dir, 'state', 'show', 'terraform_data.prod_db');
    const temporary = join(scratch.path, 'renamed-over-tmp');
    mkdirSync(temporary);
    const guard = spawn(process.execPath, [BIN, 'guard', '--', 'terraform', 'apply', '-auto-approve'], {
      cwd: dir,
      env: { ...process.env, ...TF_ENV, NO_COLOR: '1', TMPDIR: temporary },
    });
    let stdout = '';
    let stderr = '';
    guard.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    guard.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const exited = new Promise<number | null>((resolve) => guard.on('close', resolve));
    let done = false;
    let renames = 0;
    void exited.then(() => (done = true));
    while (!done) {
      // The window the attack used: after the check's report is printed, before terraform reads the plan.
      const checked = stdout.startsWith('PASS');
      for (const guardDirectory of checked ? readdirSync(temporary).filter((name) => name.startsWith('blast-radius-guard-')) : []) {
        try {
          copyFileSync(join(dir, 'evil.tfplan'), join(temporary, guardDirectory, '.evil'));
          renameSync(join(temporary, guardDirectory, '.evil'), join(temporary, guardDirectory, 'checked.tfplan'));
          renames++;
        } catch {
          // The directory went away with guard's run.
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await exited).toBe(0);
    expect(renames).toBeGreaterThan(0);
    expect(stderr).toContain('Applied exactly the plan blast-radius checked.');
    expect(terraform(dir, 'state', 'show', 'terraform_data.prod_db')).toBe(databaseBefore);
  });

  it('without -auto-approve, applies nothing where no person can be asked', () => {
    const dir = project('no-terminal', 'staging-delete');
    const result = runCli(['guard', '--', 'terraform', 'apply'], { cwd: dir, env: TF_ENV });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^PASS/);
    expect(result.stderr).toContain(
      "without -auto-approve (terraform) or --yes (pulumi), the tool asks a person for a 'yes', and there is no terminal (or this is an agent's session) to ask",
    );
    expect(state(dir)).toEqual(['terraform_data.dev_worker', 'terraform_data.staging_db', 'terraform_data.staging_web']);
  });

  (hasScript ? it.each : it.skip.each)([
    ['no', ['terraform_data.dev_worker', 'terraform_data.staging_db', 'terraform_data.staging_web']],
    ['yes', ['terraform_data.staging_web']],
  ])('without -auto-approve, asks at a terminal (util-linux script; skipped without it) as terraform asks; %s', (answer, after) => {
    const dir = project(`terminal-${answer}`, 'staging-delete');
    const command = `'${process.execPath}' '${BIN}' guard -- terraform apply`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: dir,
      input: `${answer}\n`,
      encoding: 'utf8',
      env: { ...process.env, ...TF_ENV, NO_COLOR: '1', CLAUDECODE: '', CLAUDE_CODE_ENTRYPOINT: '' },
    });
    expect(result.stdout).toContain("Only 'yes' will be accepted to approve.");
    expect(state(dir)).toEqual(after);
  });

  it('judges by the configuration --config names, and its approve command names it too', () => {
    const lenient = join(scratch.path, 'lenient.yml');
    writeFileSync(lenient, 'policy:\n  rules:\n    prod-replace: warn\n');
    const strict = join(scratch.path, 'strict.yml');
    writeFileSync(strict, 'policy:\n  rules:\n    prod-update: warn\n');
    const dir = project('config', 'prod-replace');
    const blocked = runCli(['guard', '--config', strict, '--', 'terraform', 'apply', '-auto-approve'], { cwd: dir, env: TF_ENV });
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toMatch(new RegExp(`blast-radius approve [0-9a-f]{32} --config ${strict} -- terraform apply -auto-approve`));
    const applied = runCli(['guard', '--config', lenient, '--', 'terraform', 'apply', '-auto-approve'], { cwd: dir, env: TF_ENV });
    expect(applied.stderr).toContain('Applied exactly the plan blast-radius checked.');
    expect(applied.code).toBe(0);
  });

  it('with --no-approvals offers no approve command, as CI would not honour one', () => {
    const dir = project('no-approvals', 'prod-replace');
    const offered = runCli(['guard', '--', 'terraform', 'apply', '-auto-approve'], { cwd: dir, env: TF_ENV });
    expect(offered.stdout).toContain('blast-radius approve');
    const result = runCli(['guard', '--no-approvals', '--', 'terraform', 'apply', '-auto-approve'], { cwd: dir, env: TF_ENV });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('prod-replace');
    expect(result.stdout).not.toContain('blast-radius approve');
  });

  it('reads the .tf sources it plans from as evidence, and names its plan as the person knows it', () => {
    const dir = join(scratch.path, 'sources');
    mkdirSync(dir);
    const backend = 'terraform {\n  backend "local" {\n    path = "prod/terraform.tfstate"\n  }\n}\n';
    writeFileSync(join(dir, 'main.tf'), `${backend}resource "terraform_data" "cache" {}\nresource "terraform_data" "worker" {}\n`);
    terraform(dir, 'init', '-input=false');
    terraform(dir, 'apply', '-auto-approve', '-input=false');
    writeFileSync(join(dir, 'main.tf'), `${backend}resource "terraform_data" "worker" {}\n`);
    const result = runCli(['guard', '--', 'terraform', 'apply', '-auto-approve'], { cwd: dir, env: TF_ENV });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/state is stored under backend "local" path "prod\/terraform.tfstate" \(.*main\.tf:3\)/);
    expect(result.stdout).toContain('terraform plan (run by guard) (terraform-plan');
    expect(result.stdout).not.toContain('/proc/');
  });

  it('refuses a plan file swapped between the check and the apply', () => {
    const dir = project('swapped', 'staging-delete');
    // A terraform that, when asked to show the plan, answers truthfully and then overwrites the plan file.
    mkdirSync(join(scratch.path, 'swapping'));
    const wrapper = join(scratch.path, 'swapping', 'terraform');
    writeFileSync(
      wrapper,
      `#!/bin/sh\nif [ "$1" = show ]; then "${terraformPath}" "$@"; code=$?; for last; do :; done; echo tampered >> "$last"; exit $code; fi\nexec "${terraformPath}" "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    const result = runCli(['guard', '--', wrapper, 'apply', '-auto-approve'], { cwd: dir, env: TF_ENV });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/plan file changed between the check and the apply; nothing was applied/);
    expect(state(dir)).toEqual(['terraform_data.dev_worker', 'terraform_data.staging_db', 'terraform_data.staging_web']);
  });
});

describe('usage', () => {
  it('asks for the command after --', () => {
    const result = runCli(['guard', 'terraform', 'apply', '-auto-approve']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/go after --/);
  });

  it('refuses --config in an agent session, where the agent could have written the file it names', () => {
    const result = runCli(['guard', '--config', 'lenient.yml', '--', 'terraform', 'apply', '-auto-approve'], { env: { CLAUDECODE: '1' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^blast-radius guard refuses --config inside a Claude Code session \(CLAUDECODE is set\)/);
  });

  it('refuses what it cannot guard', () => {
    const result = runCli(['guard', '--', 'terragrunt', 'apply']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"terragrunt" is not one of them/);
  });
});
