// Runs the shell steps of a CI example (GitLab CI, Atlantis) as its runner would: `sh -c` in a working directory, with
// the built CLI on PATH as `blast-radius` and any stand-in tools the test writes beside it.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './run-cli.js';

export interface StepResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A directory for PATH holding `blast-radius` (the built CLI) and the stand-ins given, each a shell script body. */
export function toolDirectory(parent: string, standIns: Record<string, string> = {}): string {
  const directory = join(parent, 'bin');
  mkdirSync(directory, { recursive: true });
  const scripts = { 'blast-radius': `exec "${process.execPath}" "${BIN}" "$@"`, ...standIns };
  for (const [name, body] of Object.entries(scripts)) {
    const path = join(directory, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
  }
  return directory;
}

/** Runs one command as `sh -c` does, the way Atlantis runs a `run` step (its default shell and arguments). */
export function runStep(command: string, options: { cwd: string; tools: string; env?: NodeJS.ProcessEnv; shellArgs?: string[] }): StepResult {
  const result = spawnSync('sh', [...(options.shellArgs ?? ['-c']), command], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env, PATH: `${options.tools}:${process.env.PATH ?? ''}` },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the steps one after another in one shell that stops at the first failure, as a GitLab `script:` does. */
export function runSteps(steps: string[], options: { cwd: string; tools: string; env?: NodeJS.ProcessEnv }): StepResult {
  return runStep(steps.join('\n'), { ...options, shellArgs: ['-e', '-c'] });
}
