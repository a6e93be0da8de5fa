// action.yml, its docs and the example workflow agree: every input is passed to the script and documented, every
// output comes from the script's step and is documented, and the example applies only what passed the check.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { ROOT } from '../helpers/run-cli.js';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

interface ActionYml {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

interface Workflow {
  jobs: Record<string, { needs?: string | string[]; if?: string; outputs?: Record<string, string>; steps: Step[] }>;
}

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const action = load(read('action.yml')) as ActionYml;
const docs = read('docs/github-action.md');
const inputsSource = read('src/github/action-inputs.ts');
const checkStep = action.runs.steps.find((step) => step.id === 'check')!;
const envName = (input: string): string => `INPUT_${input.toUpperCase().replace(/-/g, '_')}`;

it('is a composite action with a name and a description', () => {
  expect(action.runs.using).toBe('composite');
  expect(action.name).toBe('blast-radius');
  expect(action.description).toMatch(/\.$/);
});

it('has composite steps the runner accepts: each runs a shell command (with its shell) or uses an action', () => {
  const allowed = new Set(['id', 'name', 'if', 'uses', 'with', 'run', 'shell', 'env', 'working-directory', 'continue-on-error']);
  for (const step of action.runs.steps) {
    expect(Object.keys(step).filter((key) => !allowed.has(key))).toEqual([]);
    expect(step.run === undefined).toBe(step.uses !== undefined);
    if (step.run !== undefined) expect((step as { shell?: string }).shell).toBe('bash');
  }
});

it('runs the script that src/github/run-action.ts builds into dist/', () => {
  expect(checkStep.run).toBe('node "$BLAST_RADIUS_ACTION_PATH/dist/github/run-action.js"');
  expect(checkStep.env?.BLAST_RADIUS_ACTION_PATH).toBe('${{ github.action_path }}');
  expect(existsSync(join(ROOT, 'src/github/run-action.ts'))).toBe(true);
});

it('has the defaults the docs promise', () => {
  expect(action.inputs.plan.required).toBe(true);
  expect(action.inputs.comment.default).toBe('true');
  expect(action.inputs['fail-on'].default).toBe('block');
  expect(action.inputs.sarif.default).toBe('false');
  expect(action.inputs['github-token'].default).toBe('${{ github.token }}');
  expect(action.inputs['tf-base'].default).toBe('');
});

describe.each(Object.keys(action.inputs))('input %s', (input) => {
  it('reaches the script as an environment variable (never pasted into the shell line) that the script reads', () => {
    expect(checkStep.env?.[envName(input)]).toBe(`\${{ inputs.${input} }}`);
    expect(inputsSource).toContain(envName(input));
    expect(checkStep.run).not.toContain('inputs.');
  });

  it('is documented in docs/github-action.md', () => {
    expect(docs).toMatch(new RegExp(`^\\| \`${input}\` \\| .+ \\| .+ \\|$`, 'm'));
  });
});

it('passes no environment variable for an input it does not declare', () => {
  const passed = Object.keys(checkStep.env ?? {}).filter((name) => name.startsWith('INPUT_'));
  expect(passed.sort()).toEqual(Object.keys(action.inputs).map(envName).sort());
});

describe.each(Object.keys(action.outputs))('output %s', (output) => {
  it("is the check step's output of that name", () => {
    expect(action.outputs[output].value).toBe(`\${{ steps.check.outputs.${output} }}`);
  });

  it('is documented in docs/github-action.md', () => {
    expect(docs).toMatch(new RegExp(`^\\| \`${output}\` \\| .+ \\|$`, 'm'));
  });
});

it('uploads SARIF only when asked, also after the check step failed, and only a log that was written', () => {
  const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
  expect(upload.if).toBe("always() && inputs.sarif == 'true' && steps.check.outputs.sarif-file != ''");
  expect(upload.with?.sarif_file).toBe('${{ steps.check.outputs.sarif-file }}');
});

it('documents the permissions the comment and the SARIF upload need', () => {
  expect(docs).toContain('| `pull-requests: write` |');
  expect(docs).toContain('| `security-events: write` |');
});

describe('examples/github-workflow.yml', () => {
  const text = read('examples/github-workflow.yml');
  const workflow = load(text) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const blastRadius = steps.find((step) => step.uses?.startsWith('blast-radius/blast-radius@'))!;

  it('gives the action only inputs it declares, and the plan', () => {
    expect(Object.keys(blastRadius.with ?? {}).every((input) => input in action.inputs)).toBe(true);
    expect(blastRadius.with?.plan).toBe('infra/plan.json');
  });

  it('makes the plan a file with terraform show -json, and keeps the binary plan', () => {
    const runs = workflow.jobs.check.steps.map((step) => step.run ?? '');
    expect(runs).toContain('terraform plan -input=false -out=tfplan');
    expect(runs).toContain('terraform show -json tfplan > plan.json');
  });

  it("applies the saved plan on a push to main, only when the check job's verdict is pass", () => {
    const apply = workflow.jobs.apply;
    expect(apply.needs).toBe('check');
    expect(apply.if).toContain("github.event_name == 'push'");
    expect(apply.if).toContain("github.ref == 'refs/heads/main'");
    expect(apply.if).toContain("needs.check.outputs.verdict == 'pass'");
    expect(workflow.jobs.check.outputs?.verdict).toBe(`\${{ steps.${blastRadius.id}.outputs.verdict }}`);
    expect(apply.steps.map((step) => step.run)).toContain('terraform apply -input=false tfplan');
  });

  it('is shown whole in docs/github-action.md', () => {
    expect(docs).toContain(`\`\`\`yaml\n${text}\`\`\``);
  });
});
