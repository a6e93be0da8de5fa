// The GitHub Action's check step: runs blast-radius on the plans, writes the job summary and the step outputs,
// creates or updates the pull-request comment, and returns the step's exit code under fail-on.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { EXIT_ERROR, isUserError } from '../errors.js';
import { workflowCommand } from '../reporters/workflow-command.js';
import { hasTerraformFiles } from '../terraform-source/has-terraform-files.js';
import { readActionInputs, type ActionInputs } from './action-inputs.js';
import { baseRevision, gitIn } from './base-revision.js';
import { errorComment, fitComment } from './comment-body.js';
import { gitHubApi } from './github-api.js';
import { pullRequestOf, type PullRequest } from './pull-request.js';
import { appendSummary, setOutputs } from './runner-files.js';
import { runCheck, type CheckRun } from './run-check.js';
import { stepExitCode, type Outcome } from './step-exit-code.js';
import { upsertComment } from './upsert-comment.js';
import { uploadSarif } from './upload-sarif.js';

interface ReportFiles {
  markdown: string;
  json: string;
  sarif: string;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function annotate(level: 'error' | 'warning' | 'notice', message: string): void {
  say(workflowCommand(level, { title: 'blast-radius' }, message));
}

/** The CLI and git get the job's environment without the action's inputs: the token stays in this process. */
function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('INPUT_')));
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: run } = env;
  return server && repository && run ? `${server}/${repository}/actions/runs/${run}` : undefined;
}

/** `--tf-base`: as given; or, on a pull request, its base branch when a plan sits beside its .tf files. */
function tfBaseArgs(inputs: ActionInputs, pullRequest: PullRequest | undefined, env: NodeJS.ProcessEnv): string[] {
  if (inputs.tfBase.mode === 'off') return [];
  if (inputs.tfBase.mode === 'given') return [`--tf-base=${inputs.tfBase.revision}`];
  const branch = pullRequest?.baseRef ?? env.GITHUB_BASE_REF;
  if (pullRequest === undefined || !branch) return [];
  const sources = inputs.plans
    .filter((plan) => plan !== '-')
    .map((plan) => dirname(resolve(plan)))
    .find(hasTerraformFiles);
  if (sources === undefined) {
    say(`blast-radius: no .tf files beside the plan, so prevent_destroy on ${branch} is not compared (tf-base).`);
    return [];
  }
  const base = baseRevision(branch, gitIn(sources, childEnv(env)));
  if ('problem' in base) {
    annotate('warning', `prevent_destroy on the base branch is not compared: ${base.problem}. Set tf-base, or check out with fetch-depth: 0.`);
    return [];
  }
  return [`--tf-base=${base.revision}`];
}

function checkArgs(inputs: ActionInputs, files: ReportFiles, tfBase: string[]): string[] {
  return [
    '--format=github',
    `--format=markdown=${files.markdown}`,
    `--format=json=${files.json}`,
    `--format=sarif=${files.sarif}`,
    ...inputs.formats.map((format) => `--format=${format}`),
    ...(inputs.config === undefined ? [] : [`--config=${inputs.config}`]),
    ...tfBase,
    // CI never honours approvals: they are a person's word on their own machine (docs/approvals.md).
    '--no-approvals',
    '--',
    ...inputs.plans,
  ];
}

function errorMessage(run: CheckRun): string {
  const lines = run.stderr
    .split('\n')
    .map((line) => line.replace(/^blast-radius: /, '').trimEnd())
    .filter(Boolean);
  return lines.join('\n') || `blast-radius check exited with code ${run.code} and said nothing.`;
}

/** The verdict and counts from the JSON report; anything but a report that agrees with the exit code is an error. */
function readOutcome(run: CheckRun, files: ReportFiles): Outcome {
  if (run.code !== 0 && run.code !== 1) return { verdict: 'error', message: errorMessage(run) };
  let report: { verdict?: unknown; summary?: { errors?: unknown; warnings?: unknown } };
  try {
    report = JSON.parse(readFileSync(files.json, 'utf8')) as typeof report;
  } catch {
    return { verdict: 'error', message: `blast-radius check exited with code ${run.code} but wrote no readable JSON report.` };
  }
  const { verdict, summary } = report;
  const expected = run.code === 0 ? 'pass' : 'block';
  if (verdict !== expected || typeof summary?.errors !== 'number' || typeof summary.warnings !== 'number') {
    return { verdict: 'error', message: `blast-radius check exited with code ${run.code} but its JSON report says "${String(verdict)}".` };
  }
  return { verdict: expected, errors: summary.errors, warnings: summary.warnings };
}

function redact(text: string, token: string): string {
  return token === '' ? text : text.split(token).join('***');
}

async function writeComment(inputs: ActionInputs, pullRequest: PullRequest | undefined, env: NodeJS.ProcessEnv, body: string): Promise<void> {
  if (!inputs.comment) return;
  if (pullRequest === undefined) {
    say('blast-radius: not a pull request event, so no comment.');
    return;
  }
  if (inputs.token === '' || !env.GITHUB_REPOSITORY) {
    annotate('warning', 'The pull request comment was not written: github-token or GITHUB_REPOSITORY is empty.');
    return;
  }
  try {
    const api = gitHubApi(env.GITHUB_API_URL || 'https://api.github.com', inputs.token);
    const result = await upsertComment(api, env.GITHUB_REPOSITORY, pullRequest.number, body);
    say(`blast-radius: ${result.action} the pull request comment ${result.url ?? `#${result.id}`}.`);
  } catch (error) {
    const reason = redact(String((error as Error).message ?? error), inputs.token);
    annotate(
      'warning',
      `The pull request comment was not written: ${reason} The job needs permissions: pull-requests: write (a pull request from a fork gets a read-only token).`,
    );
  }
}

/** `sarif: true`: the log goes to code scanning; false when it could not, which fails the step as a failed upload step did. */
async function sendSarif(inputs: ActionInputs, env: NodeJS.ProcessEnv, sarifFile: string): Promise<boolean> {
  const { GITHUB_REPOSITORY: repository, GITHUB_SHA: commitSha, GITHUB_REF: ref } = env;
  if (inputs.token === '' || !repository || !commitSha || !ref) {
    annotate('error', 'The SARIF log was not uploaded: github-token, GITHUB_REPOSITORY, GITHUB_SHA or GITHUB_REF is empty.');
    return false;
  }
  try {
    const api = gitHubApi(env.GITHUB_API_URL || 'https://api.github.com', inputs.token);
    const id = await uploadSarif(api, { repository, commitSha, ref, sarif: readFileSync(sarifFile, 'utf8') });
    say(`blast-radius: uploaded the SARIF log to code scanning (${id}).`);
    return true;
  } catch (error) {
    const reason = redact(String((error as Error).message ?? error), inputs.token);
    annotate('error', `The SARIF log was not uploaded: ${reason} The job needs permissions: security-events: write.`);
    return false;
  }
}

/** Input errors: nothing ran, the step fails with exit 2 and says why in the log, the summary and the outputs. */
function refuse(env: NodeJS.ProcessEnv, message: string): number {
  annotate('error', message);
  setOutputs(env.GITHUB_OUTPUT, { verdict: 'error', errors: '', warnings: '', 'sarif-file': '', 'report-file': '' });
  appendSummary(env.GITHUB_STEP_SUMMARY, errorComment(message, runUrl(env)));
  return stepExitCode({ verdict: 'error', message }, 'never');
}

function explainExit(outcome: Outcome, code: number): void {
  if (outcome.verdict === 'block' && code === 0) annotate('notice', 'The plan is blocked, and fail-on: never lets the step pass.');
  if (outcome.verdict === 'pass' && code !== 0) say(`blast-radius: the step fails: ${outcome.warnings} warning(s) and fail-on: warning.`);
}

export async function actionMain(env: NodeJS.ProcessEnv): Promise<number> {
  let inputs: ActionInputs;
  try {
    inputs = readActionInputs(env);
  } catch (error) {
    if (isUserError(error)) return refuse(env, error.message);
    throw error;
  }
  let pullRequest: PullRequest | undefined;
  try {
    pullRequest = pullRequestOf(env.GITHUB_EVENT_PATH);
  } catch (error) {
    annotate('warning', `The event payload (GITHUB_EVENT_PATH) cannot be read, so no pull request is known: ${(error as Error).message}`);
  }

  const directory = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'blast-radius-'));
  const files: ReportFiles = { markdown: join(directory, 'summary.md'), json: join(directory, 'report.json'), sarif: join(directory, 'results.sarif') };
  const run = await runCheck(checkArgs(inputs, files, tfBaseArgs(inputs, pullRequest, env)), childEnv(env));
  const outcome = readOutcome(run, files);
  const url = runUrl(env);

  if (outcome.verdict === 'error') annotate('error', outcome.message);
  setOutputs(env.GITHUB_OUTPUT, {
    verdict: outcome.verdict,
    errors: outcome.verdict === 'error' ? '' : String(outcome.errors),
    warnings: outcome.verdict === 'error' ? '' : String(outcome.warnings),
    'sarif-file': outcome.verdict !== 'error' && existsSync(files.sarif) ? files.sarif : '',
    'report-file': outcome.verdict !== 'error' && existsSync(files.json) ? files.json : '',
  });
  const markdown = outcome.verdict === 'error' ? errorComment(outcome.message, url) : readFileSync(files.markdown, 'utf8');
  appendSummary(env.GITHUB_STEP_SUMMARY, markdown);
  await writeComment(inputs, pullRequest, env, fitComment(markdown, url));

  const uploaded = !inputs.sarif || outcome.verdict === 'error' || (await sendSarif(inputs, env, files.sarif));
  const code = stepExitCode(outcome, inputs.failOn);
  explainExit(outcome, code);
  return uploaded ? code : EXIT_ERROR;
}
