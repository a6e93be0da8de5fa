// The Atlantis workflow of examples/atlantis/ (server-side repos.yaml and repo-level atlantis.yaml), run as Atlantis
// runs a plan stage: the built-in `init` and `plan` stood in for (the plan is a committed binary plan that terraform
// made), each `run` step in `sh -c` in the project directory with the environment Atlantis documents for run steps,
// stopping at the first step that fails. terraform is the real one, under the versioned name Atlantis installs it as.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { runStep, toolDirectory, type StepResult } from '../helpers/ci-shell.js';
import { ROOT } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

type Step = string | { run: string };
interface AtlantisConfig {
  workflows: Record<string, { plan: { steps: Step[] } }>;
}

const terraformVersion = /Terraform v(\d+\.\d+\.\d+)/.exec(spawnSync('terraform', ['version'], { encoding: 'utf8' }).stdout ?? '')?.[1];
const scratch = scratchDirectory();
afterAll(() => scratch.remove());

/** Atlantis puts `terraform<version>` on the PATH of run steps (tfclient: dist.BinName() + version). */
const tools = toolDirectory(scratch.path, { [`terraform${terraformVersion}`]: 'exec terraform "$@"' });

/** The steps of the plan stage of the blast-radius workflow in an example file. */
function planSteps(file: string): Step[] {
  const config = load(readFileSync(join(ROOT, 'examples/atlantis', file), 'utf8')) as AtlantisConfig;
  return config.workflows['blast-radius'].plan.steps;
}

interface WorkflowRun {
  ran: string[];
  last: StepResult;
  showFile: string;
}

/** Runs a plan stage for a project at `dir` whose `plan` step leaves `planFixture` at $PLANFILE. */
function runPlanStage(steps: Step[], name: string, planFixture: string): WorkflowRun {
  const dir = join(scratch.path, name, 'infra', 'production');
  mkdirSync(dir, { recursive: true });
  const fixtureDir = join(ROOT, 'fixtures/terraform', planFixture);
  copyFileSync(join(fixtureDir, 'after', 'main.tf'), join(dir, 'main.tf'));
  // The file names of run_step_runner.go and project_context.go for project "production", workspace "default".
  const env = {
    WORKSPACE: 'default',
    ATLANTIS_TERRAFORM_VERSION: terraformVersion,
    ATLANTIS_TERRAFORM_DISTRIBUTION: 'terraform',
    DIR: dir,
    PLANFILE: join(dir, 'production-default.tfplan'),
    SHOWFILE: join(dir, 'production-default.json'),
    PROJECT_NAME: 'production',
    REPO_REL_DIR: 'infra/production',
    PULL_NUM: '7',
    BASE_BRANCH_NAME: 'main',
    HEAD_BRANCH_NAME: 'bump-postgres',
    TF_IN_AUTOMATION: '1',
    TF_CLI_CONFIG_FILE: '/dev/null',
  };
  const ran: string[] = [];
  let last: StepResult = { code: 0, stdout: '', stderr: '' };
  for (const step of steps) {
    if (typeof step !== 'string') {
      ran.push(step.run);
      last = runStep(step.run, { cwd: dir, tools, env });
      if (last.code !== 0) break;
    } else if (step === 'plan') {
      ran.push('plan');
      copyFileSync(join(fixtureDir, 'plan.tfplan'), env.PLANFILE);
    } else {
      ran.push(step);
    }
  }
  return { ran, last, showFile: env.SHOWFILE };
}

(terraformVersion ? describe : describe.skip).each(['repos.yaml', 'atlantis.yaml'])('%s, with terraform installed (skipped where it is not)', (file) => {
  const steps = planSteps(file);

  it('runs init, plan, terraform show -json $PLANFILE > $SHOWFILE, then blast-radius on $SHOWFILE', () => {
    expect(steps.slice(0, 2)).toEqual(['init', 'plan']);
    expect(steps.slice(2).map((step) => (typeof step === 'string' ? step : step.run))).toEqual([
      expect.stringMatching(/ show -json "\$PLANFILE" > "\$SHOWFILE"$/),
      expect.stringMatching(/^blast-radius check "\$SHOWFILE" --no-approvals/),
    ]);
  });

  it('fails the plan stage at the blast-radius step for a plan that replaces a production resource', () => {
    const run = runPlanStage(steps, `${file}-blocked`, 'prod-replace');
    expect(run.ran).toHaveLength(steps.length);
    expect(run.last.code).toBe(1);
    expect(run.last.stdout).toContain('BLOCKED');
    expect(run.last.stdout).toContain('terraform_data.prod_db');
    expect(JSON.parse(readFileSync(run.showFile, 'utf8')).format_version).toBeDefined();
  });

  it('passes the plan stage for a plan that destroys nothing protected', () => {
    const run = runPlanStage(steps, `${file}-safe`, 'staging-delete');
    expect(run.last.stderr).toBe('');
    expect(run.last.code).toBe(0);
    expect(run.ran).toHaveLength(steps.length);
  });

  it('stops before blast-radius when terraform cannot show the plan, so nothing passes unchecked', () => {
    const steps_ = steps.map((step) => (step === 'plan' ? { run: 'echo "not a plan" > "$PLANFILE"' } : step));
    const run = runPlanStage(steps_, `${file}-broken`, 'prod-replace');
    expect(run.last.code).not.toBe(0);
    expect(run.ran.at(-1)).toMatch(/ show -json /);
    expect(existsSync(run.showFile) ? readFileSync(run.showFile, 'utf8') : '').toBe('');
  });
});

it('documents both example files in docs/atlantis.md, as they are', () => {
  const page = readFileSync(join(ROOT, 'docs/atlantis.md'), 'utf8');
  for (const file of ['repos.yaml', 'atlantis.yaml']) expect(page).toContain(readFileSync(join(ROOT, 'examples/atlantis', file), 'utf8'));
});
