// The GitLab CI example of docs/gitlab-ci.md: its blast-radius job, run in a shell, fails on a blocked plan, passes a
// safe one, and writes the Code Quality report to the very file the job uploads as artifacts:reports:codequality.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { runSteps, toolDirectory } from '../helpers/ci-shell.js';
import { ROOT } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

interface Job {
  stage: string;
  needs?: string[];
  script: string[];
  artifacts: { when?: string; paths?: string[]; reports?: { codequality?: string } };
}

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const page = readFileSync(join(ROOT, 'docs/gitlab-ci.md'), 'utf8');
const [, yamlBlock] = /```yaml\n([\s\S]*?)\n```/.exec(page) ?? [];
const pipeline = load(yamlBlock ?? '') as Record<string, Job>;
const job = pipeline['blast-radius'];
/** A stand-in for npm: the job's install step needs the registry, the test runs the built CLI instead. */
const tools = toolDirectory(scratch.path, { npm: 'exit 0' });

function runJob(fixture: string): { code: number | null; stdout: string; stderr: string; workspace: string } {
  const workspace = join(scratch.path, fixture.replace(/\W/g, '-'));
  mkdirSync(workspace);
  // The plan job's artifact, as `needs` puts it in the working directory.
  copyFileSync(join(ROOT, fixture), join(workspace, 'plan.json'));
  return { ...runSteps(job.script, { cwd: workspace, tools }), workspace };
}

it('has a blast-radius job after the plan job that always uploads its Code Quality report', () => {
  expect(job.needs).toEqual(['plan']);
  expect(pipeline.plan.artifacts.paths).toEqual(['plan.json']);
  expect(pipeline.plan.script.at(-1)).toBe('terraform show -json tfplan > plan.json');
  expect(job.artifacts.when).toBe('always');
  expect(job.artifacts.reports?.codequality).toBe('gl-code-quality-report.json');
});

it('fails the job on a blocked plan, with the text report in the log and the blocker in the uploaded report', () => {
  const result = runJob('fixtures/terraform/prod-replace/plan.json');
  expect(result.code).toBe(1);
  expect(result.stdout).toContain('BLOCKED');
  const issues = JSON.parse(readFileSync(join(result.workspace, job.artifacts.reports?.codequality ?? ''), 'utf8'));
  expect(issues).toEqual([
    expect.objectContaining({ check_name: 'blast-radius/prod-replace', severity: 'blocker', location: { path: 'plan.json', lines: { begin: 1 } } }),
  ]);
});

it('passes the job on a safe plan and uploads a report without blockers', () => {
  const result = runJob('fixtures/terraform/staging-delete/plan.json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const issues = JSON.parse(readFileSync(join(result.workspace, 'gl-code-quality-report.json'), 'utf8')) as { severity: string }[];
  expect(issues.map((issue) => issue.severity)).not.toContain('blocker');
});

it('fails the job without a report when the plan cannot be read', () => {
  const result = runJob('fixtures/terraform/prod-replace/README.md');
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/plan\.json/);
  expect(existsSync(join(result.workspace, 'gl-code-quality-report.json'))).toBe(false);
});
