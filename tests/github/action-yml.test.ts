// action.yml, its docs and the example workflow agree: a node24 action running the committed bundle, every input read
// by the script and documented, every output written by it and documented, and the example applies only what passed.
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
  outputs: Record<string, { description: string; value?: string }>;
  runs: { using: string; main: string; steps?: Step[] };
}

interface Workflow {
  jobs: Record<string, { needs?: string | string[]; if?: string; outputs?: Record<string, string>; steps: Step[] }>;
}

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const action = load(read('action.yml')) as ActionYml;
const docs = read('docs/github-action.md');
const inputsSource = read('src/github/action-inputs.ts');
const mainSource = read('src/github/action-main.ts');
/** The names action-inputs.ts reads: `input(env, 'fail-on')`, `booleanInput(env, 'comment', …)`. */
const readInputs = [...new Set([...inputsSource.matchAll(/\b(?:input|booleanInput)\(env, '([a-z-]+)'/g)].map((match) => match[1]))];

it('is a JavaScript action on node24 with a name and a description', () => {
  expect(action.runs.using).toBe('node24');
  expect(action.runs.steps).toBeUndefined();
  expect(action.name).toBe('blast-radius');
  expect(action.description).toMatch(/\.$/);
});

it('runs the committed bundle that scripts/bundle-action.js builds from src/github/run-action.ts', () => {
  expect(action.runs.main).toBe('dist-action/index.cjs');
  expect(existsSync(join(ROOT, action.runs.main))).toBe(true);
  expect(readFileSync(join(ROOT, action.runs.main), 'utf8')).toContain('from src/github/run-action.ts: do not edit.');
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
  it('is read by the script by its name', () => {
    expect(readInputs).toContain(input);
  });

  it('is documented in docs/github-action.md', () => {
    expect(docs).toMatch(new RegExp(`^\\| \`${input}\` \\| .+ \\| .+ \\|$`, 'm'));
  });
});

it('declares every input the script reads', () => {
  expect(readInputs.sort()).toEqual(Object.keys(action.inputs).sort());
});

describe.each(Object.keys(action.outputs))('output %s', (output) => {
  it('is written by the script (a JavaScript action has no value expressions)', () => {
    expect(action.outputs[output].value).toBeUndefined();
    expect(mainSource).toMatch(new RegExp(`['\\s{]'?${output}'?: `));
  });

  it('is documented in docs/github-action.md', () => {
    expect(docs).toMatch(new RegExp(`^\\| \`${output}\` \\| .+ \\|$`, 'm'));
  });
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
