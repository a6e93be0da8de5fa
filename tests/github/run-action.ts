// Runs the action's committed bundle (dist-action/) the way the runner runs action.yml's `main`: copied alone into a
// temporary folder (no node_modules anywhere above it), with a fake GITHUB_* environment, a temporary event payload,
// output and summary files; nothing is inherited from a real Actions job.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

import { inputVariable } from '../../src/github/action-inputs.js';

export const ACTION_BUNDLE = join(ROOT, 'dist-action');
const TIMEOUT_MS = 60_000;

export interface ActionRunOptions {
  /** INPUT_* values, by input name (`fail-on`, `github-token` …). */
  inputs: Record<string, string>;
  /** The pull request the event is about; none for a push. */
  pullRequest?: { number: number; baseRef: string };
  apiUrl?: string;
  repository?: string;
  /** PATH (default: this process's, where terraform is when installed). */
  path?: string;
  /** The working directory (default: the repository root, where the fixtures are). */
  cwd?: string;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The step outputs the runner would read from $GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** Exactly what the script wrote to $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY. */
  outputFile: string;
  summary: string;
  /** The SARIF log the sarif-file output names, read before the temporary directory goes. */
  sarif?: string;
}

/** Reads $GITHUB_OUTPUT as the runner does: `name=value` lines and `name<<DELIMITER` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const scratch = scratchDirectory();
  try {
    const action = join(scratch.path, 'action');
    cpSync(ACTION_BUNDLE, join(action, 'dist-action'), { recursive: true });
    const event = options.pullRequest
      ? { action: 'synchronize', pull_request: { number: options.pullRequest.number, base: { ref: options.pullRequest.baseRef } } }
      : { ref: 'refs/heads/main', commits: [] };
    const eventPath = scratch.write('event.json', JSON.stringify(event));
    const outputPath = scratch.write('output.txt', '');
    const summaryPath = scratch.write('summary.md', 'written by an earlier step\n');
    const env: NodeJS.ProcessEnv = {
      PATH: options.path ?? process.env.PATH,
      ...(process.env.SYSTEMROOT ? { SYSTEMROOT: process.env.SYSTEMROOT } : {}),
      NO_COLOR: '1',
      // git never looks above the scratch directory, so that it cannot find (or fetch into) a repository around it.
      GIT_CEILING_DIRECTORIES: dirname(scratch.path),
      RUNNER_TEMP: scratch.path,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: options.pullRequest ? 'pull_request' : 'push',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_REPOSITORY: options.repository ?? 'octo/infra',
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_RUN_ID: '4242',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_REF: options.pullRequest ? `refs/pull/${options.pullRequest.number}/merge` : 'refs/heads/main',
      ...(options.pullRequest ? { GITHUB_BASE_REF: options.pullRequest.baseRef } : {}),
      ...(options.apiUrl ? { GITHUB_API_URL: options.apiUrl } : {}),
      ...Object.fromEntries(Object.entries(options.inputs).map(([name, value]) => [inputVariable(name), value])),
    };
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(action, 'dist-action', 'index.cjs')], { cwd: options.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
      child.on('error', reject);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({ code: status, stdout: out, stderr: err });
      });
    });
    const outputFile = readFileSync(outputPath, 'utf8');
    const outputs = parseOutputs(outputFile);
    const sarifFile = outputs['sarif-file'];
    return {
      code,
      stdout,
      stderr,
      outputs,
      outputFile,
      summary: readFileSync(summaryPath, 'utf8'),
      ...(sarifFile && existsSync(sarifFile) ? { sarif: readFileSync(sarifFile, 'utf8') } : {}),
    };
  } finally {
    scratch.remove();
  }
}
