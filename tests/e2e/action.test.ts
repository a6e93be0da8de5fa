// The GitHub Action's script, run as action.yml runs it, against a local stand-in for the GitHub API: one comment is
// created and then updated (pages followed), outputs and the job summary are written, fail-on decides the exit code,
// a push posts nothing, and the token never appears in anything the step writes.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { load } from 'js-yaml';
import { ROOT } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';
import { startFakeGitHub, type FakeComment, type FakeGitHub } from '../github/fake-github.js';
import { runAction, type ActionRun, type ActionRunOptions } from '../github/run-action.js';

const TOKEN = 'ghs_FAKE0token0for0the0action0tests0ZZ';
const MARKER = '<!-- blast-radius -->';
const BLOCKED_PLAN = 'fixtures/terraform/prod-replace/plan.json';
const WARNING_PLAN = 'fixtures/terraform/staging-delete/plan.json';
const PULL_REQUEST = { number: 7, baseRef: 'main' };
const LIST = '/repos/octo/infra/issues/7/comments';

const humans = (): FakeComment[] => [
  { id: 1, body: 'Looks good to me.', user: { login: 'alice', type: 'User' } },
  { id: 2, body: `${MARKER}\nquoting the bot in a reply`, user: { login: 'mallory', type: 'User' } },
  { id: 3, body: 'Coverage: 93%', user: { login: 'codecov[bot]', type: 'Bot' } },
  { id: 4, body: 'Ship it.', user: { login: 'bob', type: 'User' } },
];

/** Every run of this file, so that the last test can search all of their output for the token. */
const runs: ActionRun[] = [];

async function run(options: ActionRunOptions): Promise<ActionRun> {
  const result = await runAction({ ...options, inputs: { 'github-token': TOKEN, ...options.inputs } });
  runs.push(result);
  return result;
}

function newRequests(server: FakeGitHub, before: number): string[] {
  return server.requests.slice(before).map((request) => `${request.method} ${request.url}`);
}

describe('on a pull request, with the workflow token', () => {
  let server: FakeGitHub;
  beforeAll(async () => {
    server = await startFakeGitHub({ token: TOKEN, repository: 'octo/infra', pullRequest: 7, comments: humans(), pageSize: 2 });
  });
  afterAll(() => server.close());
  const onPullRequest = (inputs: Record<string, string>): Promise<ActionRun> => run({ inputs, pullRequest: PULL_REQUEST, apiUrl: server.url });

  it('creates one comment after reading every page, and fails the step on a blocked plan', async () => {
    const result = await onPullRequest({ plan: BLOCKED_PLAN });
    expect(result.code).toBe(1);
    expect(newRequests(server, 0)).toEqual(['GET /user', `GET ${LIST}?per_page=100`, `GET ${LIST}?per_page=100&page=2`, `POST ${LIST}`]);
    const ours = server.comments.filter((comment) => comment.user.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0].body).toMatch(/^<!-- blast-radius -->\n### ⛔ Blocked/);
    expect(result.stdout).toContain('created the pull request comment https://github.example/octo/infra/pull/7#issuecomment-');
  });

  it('prints the annotations and writes the outputs and the job summary', () => {
    const [result] = runs.slice(-1);
    expect(result.stdout).toMatch(/^::error title=prod-replace%3A terraform_data\.prod_db,file=fixtures\/terraform\/prod-replace\/plan\.json::/m);
    expect(result.outputs).toMatchObject({ verdict: 'block', errors: '1', warnings: '0' });
    expect(result.summary).toMatch(/^written by an earlier step\n<!-- blast-radius -->\n### ⛔ Blocked/);
    expect(JSON.parse(result.sarif!).runs[0].results[0]).toMatchObject({ ruleId: 'prod-replace', level: 'error' });
  });

  it('tells how to proceed in CI in the comment of a blocked plan: a reviewed exception or the protected environment, never approve', () => {
    const [ours] = server.comments.filter((comment) => comment.user.login === 'github-actions[bot]');
    expect(ours.body).toContain('This check honours no local approval (CI)');
    expect(ours.body).toContain('`exceptions:` entry in .blast-radius.yml reviewed in this pull request');
    expect(ours.body).toContain('the protected environment whose reviewers approve deployments');
    expect(ours.body).not.toMatch(/blast-radius approve/);
  });

  it('uploads the SARIF log to code scanning with sarif: true, for the merge commit of the pull request', async () => {
    const before = server.requests.length;
    const result = await onPullRequest({ plan: BLOCKED_PLAN, comment: 'false', sarif: 'true' });
    expect(result.code).toBe(1);
    expect(newRequests(server, before)).toEqual(['POST /repos/octo/infra/code-scanning/sarifs']);
    expect(server.requests.at(-1)!.body).toMatchObject({
      commit_sha: '0123456789abcdef0123456789abcdef01234567',
      ref: 'refs/pull/7/merge',
      tool_name: 'blast-radius',
    });
    expect(server.sarifs.at(-1)).toBe(result.sarif);
    expect(result.stdout).toContain('blast-radius: uploaded the SARIF log to code scanning (sarif-1).');
  });

  it('writes every output action.yml declares, and no other', () => {
    const declared = Object.keys((load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { outputs: object }).outputs);
    expect(Object.keys(runs.at(-1)!.outputs).sort()).toEqual(declared.sort());
  });

  it('updates the same comment on the next push (PATCH, same id), found on the last page', async () => {
    const before = server.requests.length;
    const id = server.comments.find((comment) => comment.user.login === 'github-actions[bot]')!.id;
    const result = await onPullRequest({ plan: WARNING_PLAN });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ verdict: 'pass', errors: '0', warnings: '2' });
    expect(newRequests(server, before)).toEqual([
      'GET /user',
      `GET ${LIST}?per_page=100`,
      `GET ${LIST}?per_page=100&page=2`,
      `GET ${LIST}?per_page=100&page=3`,
      `PATCH /repos/octo/infra/issues/comments/${id}`,
    ]);
    expect(server.comments).toHaveLength(5);
    expect(server.comments.find((comment) => comment.id === id)!.body).toMatch(/^<!-- blast-radius -->\n### ✅ Passed/);
  });

  it('never edits a comment someone else wrote, even one that starts with the marker', () => {
    expect(server.comments.slice(0, 4)).toEqual(humans());
  });

  it('replaces the comment with the error when the plan cannot be read, and fails with exit 2', async () => {
    const before = server.requests.length;
    const result = await onPullRequest({ plan: 'missing/plan.json' });
    expect(result.code).toBe(2);
    expect(result.outputs).toMatchObject({ verdict: 'error', errors: '', warnings: '', 'sarif-file': '' });
    expect(result.stdout).toMatch(/^::error title=blast-radius::missing\/plan\.json: /m);
    expect(newRequests(server, before).filter((request) => !request.startsWith('GET'))).toEqual([
      expect.stringMatching(/^PATCH \/repos\/octo\/infra\/issues\/comments\/\d+$/),
    ]);
    const ours = server.comments.filter((comment) => comment.user.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0].body).toMatch(/^<!-- blast-radius -->\n### ⚠️ Not checked/);
    expect(ours[0].body).toContain('missing/plan.json');
    expect(result.summary).toContain('### ⚠️ Not checked');
  });

  it('posts nothing with comment: false', async () => {
    const before = server.requests.length;
    const result = await onPullRequest({ plan: BLOCKED_PLAN, comment: 'false' });
    expect(result.code).toBe(1);
    expect(newRequests(server, before)).toEqual([]);
  });

  it.each([
    ['block', BLOCKED_PLAN, 1],
    ['block', WARNING_PLAN, 0],
    ['warning', WARNING_PLAN, 1],
    ['warning', 'fixtures/terraform/update-in-place-prod/plan.json', 0],
    ['never', BLOCKED_PLAN, 0],
    ['never', 'missing/plan.json', 2],
  ])('fail-on: %s, %s: exit %i', async (failOn, plan, code) => {
    const result = await onPullRequest({ plan, 'fail-on': failOn, comment: 'false' });
    expect(result.code).toBe(code);
  });

  it('refuses a bad input before anything runs (exit 2), saying which', async () => {
    const before = server.requests.length;
    const result = await onPullRequest({ plan: BLOCKED_PLAN, 'fail-on': 'sometimes' });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('::error title=blast-radius::Input fail-on must be one of block, warning, never, not "sometimes".');
    expect(result.outputs.verdict).toBe('error');
    expect(newRequests(server, before)).toEqual([]);
  });

  it('sent the token with every request', () => {
    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.requests.every((request) => request.authorized)).toBe(true);
    expect(JSON.stringify(server.requests.map((request) => request.body))).not.toContain(TOKEN);
  });
});

describe('with a token code scanning refuses', () => {
  it('fails the step (exit 2) when the SARIF log cannot be uploaded, saying what the job needs', async () => {
    const server = await startFakeGitHub({ token: TOKEN, repository: 'octo/infra', pullRequest: 7 });
    try {
      const result = await run({
        inputs: { plan: WARNING_PLAN, comment: 'false', sarif: 'true', 'github-token': 'ghs_not0the0right0token' },
        pullRequest: PULL_REQUEST,
        apiUrl: server.url,
      });
      expect(result.code).toBe(2);
      expect(result.outputs.verdict).toBe('pass');
      expect(result.stdout).toContain(
        '::error title=blast-radius::The SARIF log was not uploaded: POST /repos/octo/infra/code-scanning/sarifs: 401 Bad credentials. The job needs permissions: security-events: write.',
      );
    } finally {
      await server.close();
    }
  });
});

describe('a binary plan (terraform plan -out), read with the terraform on the PATH of the runner', () => {
  const BINARY_PLAN = 'fixtures/terraform/prod-replace/plan.tfplan';
  const hasTerraform = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;

  (hasTerraform ? it : it.skip)('is checked like its JSON (skipped where terraform is not installed)', async () => {
    const result = await run({ inputs: { plan: BINARY_PLAN, comment: 'false' } });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ verdict: 'block', errors: '1' });
    expect(result.stdout).toContain('::error title=prod-replace%3A terraform_data.prod_db,file=fixtures/terraform/prod-replace/plan.tfplan::');
  });

  it('is an error (exit 2) naming terraform when no terraform is on PATH', async () => {
    const result = await run({ inputs: { plan: BINARY_PLAN, comment: 'false' }, path: dirname(process.execPath) });
    expect(result.code).toBe(2);
    expect(result.outputs.verdict).toBe('error');
    expect(result.stdout).toMatch(/^::error title=blast-radius::.*terraform/m);
  });
});

describe('on a push', () => {
  it('checks, writes the outputs and the summary, and posts no comment', async () => {
    const server = await startFakeGitHub({ token: TOKEN, repository: 'octo/infra', pullRequest: 7 });
    try {
      const result = await run({ inputs: { plan: BLOCKED_PLAN }, apiUrl: server.url });
      expect(result.code).toBe(1);
      expect(result.outputs).toMatchObject({ verdict: 'block', errors: '1' });
      expect(result.summary).toContain('### ⛔ Blocked');
      expect(result.stdout).toContain('not a pull request event, so no comment.');
      expect(server.requests).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('with a personal access token', () => {
  it("creates its own comment beside another account's and then updates that one", async () => {
    const otherWorkflow: FakeComment = { id: 50, body: `${MARKER}\nfrom another workflow`, user: { login: 'github-actions[bot]', type: 'Bot' } };
    const server = await startFakeGitHub({
      token: TOKEN,
      repository: 'octo/infra',
      pullRequest: 7,
      comments: [{ ...otherWorkflow }],
      identity: { login: 'ci-user', type: 'User' },
    });
    try {
      await run({ inputs: { plan: BLOCKED_PLAN }, pullRequest: PULL_REQUEST, apiUrl: server.url });
      await run({ inputs: { plan: WARNING_PLAN }, pullRequest: PULL_REQUEST, apiUrl: server.url });
      const writes = server.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.url}`);
      const mine = server.comments.find((comment) => comment.user.login === 'ci-user')!;
      expect(writes).toEqual([`POST ${LIST}`, `PATCH /repos/octo/infra/issues/comments/${mine.id}`]);
      expect(server.comments[0]).toEqual(otherWorkflow);
      expect(mine.body).toContain('### ✅ Passed');
    } finally {
      await server.close();
    }
  });
});

describe('when the API fails', () => {
  it('warns that the comment was not written and keeps the verdict', async () => {
    const server = await startFakeGitHub({ token: TOKEN, repository: 'octo/infra', pullRequest: 7, failListing: 500 });
    try {
      const result = await run({ inputs: { plan: BLOCKED_PLAN }, pullRequest: PULL_REQUEST, apiUrl: server.url });
      expect(result.code).toBe(1);
      expect(result.outputs.verdict).toBe('block');
      expect(result.stdout).toMatch(
        /^::warning title=blast-radius::The pull request comment was not written: GET \/repos\/octo\/infra\/issues\/7\/comments\?per_page=100: 500 Server Error\./m,
      );
      expect(server.requests.map((request) => request.method)).toEqual(['GET', 'GET']);
    } finally {
      await server.close();
    }
  });

  it('warns when the API cannot be reached at all', async () => {
    const server = await startFakeGitHub({ token: TOKEN, repository: 'octo/infra', pullRequest: 7 });
    const url = server.url;
    await server.close();
    const result = await run({ inputs: { plan: BLOCKED_PLAN }, pullRequest: PULL_REQUEST, apiUrl: url });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::warning title=blast-radius::The pull request comment was not written: GET \/user: /m);
  });
});

describe('tf-base on a pull request', () => {
  const sources = scratchDirectory();
  afterAll(() => sources.remove());
  const plan = sources.write('plan.json', readFileSync(join(ROOT, BLOCKED_PLAN)));
  sources.write('main.tf', readFileSync(join(ROOT, 'fixtures/terraform/prod-replace/after/main.tf')));
  const onPullRequest = (inputs: Record<string, string>, cwd?: string): Promise<ActionRun> =>
    run({ inputs: { comment: 'false', ...inputs }, pullRequest: PULL_REQUEST, ...(cwd ? { cwd } : {}) });

  it('is not compared when no .tf file sits beside the plan', async () => {
    const result = await onPullRequest({ plan: BLOCKED_PLAN });
    expect(result.stdout).toContain('no .tf files beside the plan, so prevent_destroy on main is not compared (tf-base).');
  });

  it('is skipped with a warning when the base branch is neither checked out nor fetchable (here: no git repository)', async () => {
    const result = await onPullRequest({ plan }, sources.path);
    expect(result.code).toBe(1);
    expect(result.outputs.verdict).toBe('block');
    expect(result.stdout).toContain(
      '::warning title=blast-radius::prevent_destroy on the base branch is not compared: the base branch main is not in the checkout and could not be fetched from origin. Set tf-base, or check out with fetch-depth: 0.',
    );
  });

  it('is not tried with tf-base: none', async () => {
    const result = await onPullRequest({ plan, 'tf-base': 'none' }, sources.path);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('prevent_destroy');
  });

  it('fails the step (exit 2) when a revision the workflow names cannot be read', async () => {
    const result = await onPullRequest({ plan, 'tf-base': 'origin/release' }, sources.path);
    expect(result.code).toBe(2);
    expect(result.outputs.verdict).toBe('error');
    expect(result.stdout).toMatch(/^::error title=blast-radius::git ls-tree --name-only origin\/release/m);
  });
});

it('never writes the token anywhere: log, errors, outputs, job summary', () => {
  expect(runs.length).toBeGreaterThan(0);
  for (const result of runs) {
    for (const text of [result.stdout, result.stderr, result.outputFile, result.summary, result.sarif ?? '']) {
      expect(text).not.toContain(TOKEN);
    }
  }
});
