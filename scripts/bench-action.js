// Time to verdict of the GitHub Action (npm run bench:action): the committed bundle, copied alone into a temporary
// folder as a runner checks out an action, run with node on a pull_request event against a local stand-in for the
// GitHub API that takes the comment, for the blocked example plan. Prints the median of RUNS runs and its ratio to
// `node -e 0` measured in the same run.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 9);
const PLAN = join(ROOT, 'fixtures/terraform/prod-replace/plan.json');

/** The comment's three requests: who am I (403, as for the workflow's token), the comments (none), the new one. */
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const [status, body] =
      request.url === '/user'
        ? [403, { message: 'Resource not accessible by integration' }]
        : request.method === 'POST'
          ? [201, { id: 1, html_url: 'https://github.example/c/1' }]
          : [200, []];
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const apiUrl = `http://127.0.0.1:${server.address().port}`;

const scratch = mkdtempSync(join(tmpdir(), 'blast-radius-bench-action-'));
cpSync(join(ROOT, 'dist-action'), join(scratch, 'action', 'dist-action'), { recursive: true });
const event = join(scratch, 'event.json');
writeFileSync(event, JSON.stringify({ action: 'synchronize', pull_request: { number: 7, base: { ref: 'main' } } }));

async function runOnce(args) {
  const runnerTemp = join(scratch, `temp-${Math.random().toString(36).slice(2)}`);
  mkdirSync(runnerTemp);
  const env = {
    PATH: process.env.PATH,
    HOME: scratch,
    RUNNER_TEMP: runnerTemp,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_OUTPUT: join(runnerTemp, 'output'),
    GITHUB_STEP_SUMMARY: join(runnerTemp, 'summary'),
    GITHUB_REPOSITORY: 'octo/infra',
    GITHUB_API_URL: apiUrl,
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/pull/7/merge',
    INPUT_PLAN: PLAN,
    'INPUT_GITHUB-TOKEN': 'ghs_bench',
  };
  // Spawned, not spawnSync: the stand-in API answers from this process's event loop while the action runs.
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: scratch, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status, stdout }));
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
try {
  const baseline = [];
  const action = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push((await runOnce(['-e', '0'])).ms);
    const run = await runOnce([join(scratch, 'action', 'dist-action', 'index.cjs')]);
    if (run.status !== 1 || !run.stdout.includes('created the pull request comment'))
      throw new Error(`the action did not block and comment: exit ${run.status}\n${run.stdout}`);
    action.push(run.ms);
  }
  const [b, a] = [median(baseline), median(action)];
  console.log(`node -e 0: median ${b.toFixed(0)} ms of ${RUNS}`);
  console.log(
    `action (blocked plan, comment posted): median ${a.toFixed(0)} ms of ${RUNS}, ${(a / b).toFixed(1)}x node -e 0; runs ${action.map((ms) => ms.toFixed(0)).join(' ')} ms`,
  );
} finally {
  server.close();
  rmSync(scratch, { recursive: true, force: true });
}
