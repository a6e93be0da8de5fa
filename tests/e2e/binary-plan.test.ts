// Binary plan files (`terraform plan -out`): read through `terraform show -json`, whose output streams through the
// scanner (in-memory limit 0) exactly as it is read whole; terraform's failure, or its output cut short, is exit 2.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check.js';
import { DEFAULT_CONFIG } from '../../src/config/compiled-config.js';
import { InputError } from '../../src/errors.js';
import formatJson from '../../src/reporters/json.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const hasTerraform = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
const committedBinaryPlan = join(ROOT, 'fixtures/terraform/prod-replace/plan.tfplan');

/** Runs terraform in a directory, quietly, without reading the user's CLI configuration. */
function terraform(cwd: string, ...args: string[]): void {
  const result = spawnSync('terraform', args, { cwd, encoding: 'utf8', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1' } });
  if (result.status !== 0) throw new Error(`terraform ${args.join(' ')} failed: ${result.stderr}`);
}

const WHOLE = Number.MAX_SAFE_INTEGER;
const STREAMED = 0;
const binaryPlans = readdirSync(join(ROOT, 'fixtures/terraform'))
  .filter((name) => readdirSync(join(ROOT, 'fixtures/terraform', name)).includes('plan.tfplan'))
  .map((name) => join('fixtures/terraform', name, 'plan.tfplan'));

/** The JSON report, or the InputError's message, of checking one file with inputs up to `limit` bytes parsed whole. */
async function outcome(file: string, limit: number, terraformBin?: string): Promise<string> {
  try {
    return formatJson(await check({ files: [file], inMemoryLimit: limit, compiledConfig: DEFAULT_CONFIG, ...(terraformBin ? { terraformBin } : {}) }));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return `InputError: ${error.message}`;
  }
}

/** A stand-in for terraform: a shell script that runs `body`. */
function fakeTerraform(name: string, body: string): string {
  const path = join(scratch.path, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

(hasTerraform ? describe : describe.skip)('with terraform installed (skipped where it is not)', () => {
  it.each(binaryPlans.map((plan) => [plan]))('%s streamed through the scanner gives the report of the whole read', async (plan) => {
    const streamed = await outcome(join(ROOT, plan), STREAMED);
    expect(streamed).toMatch(/^\{/);
    expect(streamed).toBe(await outcome(join(ROOT, plan), WHOLE));
  });

  it('reads a binary plan from standard input', () => {
    const result = runCli(['check', '-', '--format', 'json'], { input: readFileSync(committedBinaryPlan) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['prod-replace']);
  });

  it('checks a binary plan made here by terraform and blocks the production replace', () => {
    const work = join(scratch.path, 'project');
    mkdirSync(work);
    cpSync(join(ROOT, 'fixtures/terraform/prod-replace/before'), work, { recursive: true });
    terraform(work, 'init', '-input=false');
    terraform(work, 'apply', '-auto-approve', '-input=false');
    cpSync(join(ROOT, 'fixtures/terraform/prod-replace/after'), work, { recursive: true });
    terraform(work, 'plan', '-input=false', '-out=tfplan');

    const result = runCli(['check', join(work, 'tfplan'), '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    // The project keeps its state in terraform.tfstate beside its sources (no backend block): prod-state-local warns.
    expect(report.findings.map((f: { ruleId: string; address: string }) => `${f.ruleId} ${f.address}`)).toEqual([
      'prod-replace terraform_data.prod_db',
      'prod-state-local (whole plan)',
    ]);
  });
});

describe('without terraform', () => {
  it('says that neither terraform nor tofu is installed', () => {
    const result = runCli(['check', committedBinaryPlan], { env: { PATH: scratch.path } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is a binary Terraform plan.*neither terraform nor tofu is on PATH/);
  });

  it('passes on the error of a terraform that cannot read the plan', () => {
    const fake = join(scratch.path, 'fake-terraform');
    writeFileSync(fake, '#!/bin/sh\necho "Error: plan file was created by Terraform 9.9.9, which is newer" >&2\nexit 1\n');
    chmodSync(fake, 0o755);
    const result = runCli(['check', committedBinaryPlan, '--terraform-bin', fake]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/show -json .* failed: plan file was created by Terraform 9\.9\.9/);
  });

  it('uses the JSON a terraform-compatible binary prints (tofu, or --terraform-bin)', () => {
    const bin = join(scratch.path, 'tofu-only');
    mkdirSync(bin);
    const fake = join(bin, 'tofu');
    writeFileSync(fake, `#!/bin/sh\nexec /bin/cat "${join(ROOT, 'fixtures/terraform/staging-delete/plan.json')}"\n`);
    chmodSync(fake, 0o755);
    const result = runCli(['check', committedBinaryPlan, '--format', 'json'], { env: { PATH: bin } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['nonprod-delete', 'nonprod-delete']);
  });

  it('passes on the error of a terraform that fails while its output streams', async () => {
    const failing = fakeTerraform(
      'fails-midway',
      `head -c 3000 "${join(ROOT, 'fixtures/terraform/staging-delete/plan.json')}"\necho "Error: Failed to read the given file as a state or plan file" >&2\nexit 1`,
    );
    expect(await outcome(committedBinaryPlan, STREAMED, failing)).toMatch(
      /^InputError: `.*fails-midway show -json .*plan\.tfplan` failed: Failed to read the given file as a state or plan file$/,
    );
  });

  it('refuses the output of a terraform that succeeds but prints a plan cut short', async () => {
    const cut = fakeTerraform('cuts-short', `head -c 3000 "${join(ROOT, 'fixtures/terraform/staging-delete/plan.json')}"`);
    expect(await outcome(committedBinaryPlan, STREAMED, cut)).toMatch(/^InputError: .*plan\.tfplan ends before its JSON is complete: the file is truncated\.$/);
  });

  it('stops a terraform whose output is not JSON at once, and says where, instead of reading it all', async () => {
    const endless = fakeTerraform('endless', 'printf \'{"format_version": ]\'\nexec yes');
    expect(await outcome(committedBinaryPlan, STREAMED, endless)).toMatch(/^InputError: .*plan\.tfplan is not valid JSON at line 1, column 20\.$/);
  });

  it('streams the output of a terraform-compatible binary as it reads it whole', async () => {
    const tofu = fakeTerraform('tofu-cat', `exec /bin/cat "${join(ROOT, 'fixtures/terraform/staging-delete/plan.json')}"`);
    const streamed = await outcome(committedBinaryPlan, STREAMED, tofu);
    expect(JSON.parse(streamed).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['nonprod-delete', 'nonprod-delete']);
    expect(streamed).toBe(await outcome(committedBinaryPlan, WHOLE, tofu));
  });
});
