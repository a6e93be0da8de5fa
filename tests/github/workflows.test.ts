// The project's own workflows: CI runs .ci/run on every supported Node.js major, and a v* tag publishes to npm with
// provenance only after the same checks pass.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { ROOT } from '../helpers/run-cli.js';

interface Job {
  needs?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix: { node: number[] } };
  steps: { uses?: string; run?: string; with?: Record<string, unknown> }[];
}
interface Workflow {
  on: { push?: { tags?: string[]; branches?: string[] }; pull_request?: unknown };
  jobs: Record<string, Job>;
}

const workflow = (name: string): Workflow => load(readFileSync(join(ROOT, '.github/workflows', name), 'utf8')) as Workflow;
const runs = (job: Job): string[] => job.steps.flatMap((step) => (step.run === undefined ? [] : [step.run]));

it('ci runs .ci/run on Node.js 20, 22 and 24, for pull requests and pushes to main', () => {
  const ci = workflow('ci.yml');
  expect(ci.on.push?.branches).toEqual(['main']);
  expect(ci.on).toHaveProperty('pull_request');
  const [job] = Object.values(ci.jobs);
  expect(job.strategy?.matrix.node).toEqual([20, 22, 24]);
  expect(job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe('${{ matrix.node }}');
  expect(runs(job)).toContain('bash .ci/run');
});

describe('release', () => {
  const release = workflow('release.yml');

  it('runs on v* tags only', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
  });

  it('publishes with provenance, after the tests, with an id token', () => {
    const { publish, test } = release.jobs;
    expect(runs(test)).toContain('bash .ci/run');
    expect(publish.needs).toBe('test');
    expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(runs(publish).filter((run) => run.startsWith('npm publish'))).toEqual(['npm publish --provenance --access public']);
  });
});
