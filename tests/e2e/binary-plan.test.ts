// Binary plan files (`terraform plan -out`): read through `terraform show -json`, with a clear error without terraform.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

(hasTerraform ? describe : describe.skip)('with terraform installed (skipped where it is not)', () => {
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
    expect(report.findings.map((f: { ruleId: string; address: string }) => `${f.ruleId} ${f.address}`)).toEqual([
      'prod-replace terraform_data.prod_db',
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
});
