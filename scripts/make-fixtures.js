// Regenerates the Terraform plan fixtures (plan.json + plan.tfplan) under fixtures/terraform/ by running real Terraform in temp dirs.
//
// Usage:
//   npm run fixtures                         # every case
//   node scripts/make-fixtures.js <case>...  # only the named case(s)
//
// Every directory fixtures/terraform/<case>/ that has an after/ folder is a case. All Terraform work
// happens in a fresh temp directory (deleted afterwards; set BR_KEEP_TMP=1 to keep it for debugging),
// so no .terraform/, state or lock file is ever written into fixtures/. Only the builtin
// terraform_data resource and terraform_remote_state data source are used, so no provider is
// downloaded and no network is needed.
//
// Files a case may contain (only after/ is required):
//   files/                        copied into the work dir first and left there for every step
//                                 (e.g. a hand-written state file read by terraform_remote_state)
//   before/                       config applied first: copied (subfolders too, e.g. modules/), then
//                                 `terraform init` + `terraform apply -auto-approve`
//   apply-args                    extra args for that apply, one per line (e.g. -var=environment=production)
//   before-plan                   terraform commands run after the before/ apply, one per line, without the
//                                 word `terraform` (e.g. `taint terraform_data.prod_queue`); split on spaces
//   after/                        config that replaces before/ (re-init'ed) and is planned
//   apply-after-expect-failure    marker file: instead of planning after/ directly, run
//                                 `terraform apply -auto-approve` with it and REQUIRE that apply to fail
//                                 (used to leave a deposed object behind); then switch to final/ if present
//   after-apply-args              extra args for that expected-to-fail apply, one per line
//   final/                        config planned after the failed apply (only with the marker above)
//   plan-args                     extra args for `terraform plan`, one per line (e.g. -replace=ADDR, -destroy)
// In the arg files, blank lines and lines starting with # are ignored.
//
// Steps: files/ -> before/ (init, apply [apply-args]) -> before-plan commands -> after/ (init)
//   -> [apply expecting failure [after-apply-args] -> final/ (init)] -> plan -out=plan.tfplan [plan-args]
//   -> show -json plan.tfplan.
// Outputs written into the case dir: plan.json (re-serialised with 2-space indent, content unchanged)
// and plan.tfplan (the binary plan). A failure prints the case, the command and Terraform's output,
// and the script exits non-zero. If terraform is not on PATH (or $TERRAFORM), the script skips with
// a message and exits 0.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'fixtures', 'terraform');
const TERRAFORM = process.env.TERRAFORM || 'terraform';
const KEEP_TMP = process.env.BR_KEEP_TMP === '1';

const TF_ENV = {
  ...process.env,
  TF_CLI_CONFIG_FILE: '/dev/null', // no ~/.terraformrc warning, no user plugin/mirror settings
  TF_IN_AUTOMATION: '1',
  TF_INPUT: '0',
  CHECKPOINT_DISABLE: '1',
};
// Never let the caller's workspace or variables leak into the fixtures.
for (const key of Object.keys(TF_ENV)) {
  if (key.startsWith('TF_VAR_') || key === 'TF_WORKSPACE' || key === 'TF_DATA_DIR' || key.startsWith('TF_CLI_ARGS')) {
    delete TF_ENV[key];
  }
}

class CaseError extends Error {
  constructor(message, output = '') {
    super(message);
    this.output = output;
  }
}

function run(cwd, args, { expectFailure = false } = {}) {
  const result = spawnSync(TERRAFORM, args, {
    cwd,
    env: TF_ENV,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 5 * 60 * 1000,
  });
  const cmd = `terraform ${args.join(' ')}`;
  if (result.error) throw new CaseError(`${cmd}: ${result.error.message}`);
  const output = `${result.stderr || ''}${result.stdout && result.status !== 0 ? `\n--- stdout ---\n${result.stdout}` : ''}`;
  if (expectFailure) {
    if (result.status === 0) throw new CaseError(`${cmd} was expected to fail but succeeded`, result.stdout);
    return result;
  }
  if (result.status !== 0) throw new CaseError(`${cmd} exited with ${result.status}`, output);
  return result;
}

function readArgs(caseDir, name) {
  const file = join(caseDir, name);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Copies the contents of a config folder into the work dir; returns the top-level names copied. */
function placeConfig(srcDir, workDir) {
  const names = readdirSync(srcDir);
  for (const name of names) {
    cpSync(join(srcDir, name), join(workDir, name), { recursive: true });
  }
  return names;
}

function removeConfig(names, workDir) {
  for (const name of names) rmSync(join(workDir, name), { recursive: true, force: true });
}

function listCases() {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES)
    .filter((name) => statSync(join(FIXTURES, name)).isDirectory() && existsSync(join(FIXTURES, name, 'after')))
    .sort();
}

function generate(name) {
  const caseDir = join(FIXTURES, name);
  const has = (entry) => existsSync(join(caseDir, entry));
  const expectFailure = has('apply-after-expect-failure');
  if (has('before-plan') && !has('before')) throw new CaseError('before-plan needs a before/ folder');
  if (has('final') && !expectFailure) throw new CaseError('final/ is only used with apply-after-expect-failure');
  if (has('after-apply-args') && !expectFailure) throw new CaseError('after-apply-args is only used with apply-after-expect-failure');

  const workDir = mkdtempSync(join(tmpdir(), `br-fixture-${name}-`));
  try {
    if (has('files')) placeConfig(join(caseDir, 'files'), workDir);
    let config = [];

    if (has('before')) {
      config = placeConfig(join(caseDir, 'before'), workDir);
      run(workDir, ['init', '-input=false', '-no-color']);
      run(workDir, ['apply', '-auto-approve', '-input=false', '-no-color', ...readArgs(caseDir, 'apply-args')]);
      for (const line of readArgs(caseDir, 'before-plan')) {
        run(workDir, line.split(/\s+/));
      }
      removeConfig(config, workDir);
    }

    config = placeConfig(join(caseDir, 'after'), workDir);
    run(workDir, ['init', '-input=false', '-no-color']);

    if (expectFailure) {
      run(workDir, ['apply', '-auto-approve', '-input=false', '-no-color', ...readArgs(caseDir, 'after-apply-args')], {
        expectFailure: true,
      });
      if (has('final')) {
        removeConfig(config, workDir);
        config = placeConfig(join(caseDir, 'final'), workDir);
        run(workDir, ['init', '-input=false', '-no-color']);
      }
    }

    run(workDir, ['plan', '-input=false', '-no-color', '-out=plan.tfplan', ...readArgs(caseDir, 'plan-args')]);
    const shown = run(workDir, ['show', '-json', 'plan.tfplan']).stdout;
    const plan = JSON.parse(shown);
    if (shown.includes(workDir)) {
      throw new CaseError(`plan.json would contain the temp dir path ${workDir}; use path.module-relative paths`);
    }
    writeFileSync(join(caseDir, 'plan.json'), `${JSON.stringify(plan, null, 2)}\n`);
    copyFileSync(join(workDir, 'plan.tfplan'), join(caseDir, 'plan.tfplan'));
    return plan;
  } finally {
    if (KEEP_TMP) console.log(`  (kept work dir ${workDir})`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

function summary(plan) {
  const changes = plan.resource_changes ?? [];
  const counts = {};
  for (const rc of changes) {
    const key = rc.change.actions.join('+');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  const parts = Object.entries(counts).map(([action, n]) => `${n} ${action}`);
  return parts.length > 0 ? parts.join(', ') : 'no resource changes';
}

function main() {
  const version = spawnSync(TERRAFORM, ['version', '-json'], { env: TF_ENV, encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    console.log(`make-fixtures: skipping, terraform not found or not working (${TERRAFORM}); install Terraform to regenerate fixtures.`);
    return 0;
  }
  let tfVersion = 'unknown';
  try {
    tfVersion = JSON.parse(version.stdout).terraform_version;
  } catch {
    // keep "unknown"
  }
  console.log(`make-fixtures: using Terraform ${tfVersion}`);

  const all = listCases();
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !all.includes(name));
  if (unknown.length > 0) {
    console.error(`make-fixtures: unknown case(s): ${unknown.join(', ')} (known: ${all.join(', ') || 'none'})`);
    return 2;
  }
  const cases = requested.length > 0 ? requested : all;

  let failed = 0;
  for (const name of cases) {
    try {
      const plan = generate(name);
      console.log(`ok   ${name}: ${summary(plan)}`);
    } catch (err) {
      failed += 1;
      console.error(`FAIL ${name}: ${err.message}`);
      if (err.output) console.error(err.output.trimEnd());
    }
  }
  if (failed > 0) {
    console.error(`make-fixtures: ${failed} of ${cases.length} case(s) failed`);
    return 1;
  }
  console.log(`make-fixtures: ${cases.length} case(s) generated`);
  return 0;
}

process.exitCode = main();
