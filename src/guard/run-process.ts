// Runs a program for the guard: with the terminal's standard streams (plan, apply, the real kubectl or helm command),
// with its output and errors captured together in one file (a preview the check reads), or with its output alone in a
// file and its errors on the terminal (a JSON document the check reads); returns its exit code.
import { spawn, type StdioOptions } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { InputError } from '../errors.js';

function run(binary: string, args: string[], stdio: StdioOptions, env: NodeJS.ProcessEnv, cwd?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio, cwd, env });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new InputError(
          error.code === 'ENOENT' ? `${binary} was not found: install it, or name its path.` : `${binary} could not be started: ${error.message}.`,
        ),
      ),
    );
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/**
 * Standard output goes to stderr for `guard`, so that the report is all a caller reads on stdout; a shim keeps the
 * tool's own output on stdout, where its caller expects it.
 */
export function runProcess(binary: string, args: string[], output: 'stdout' | 'stderr' = 'stderr'): Promise<number> {
  return run(binary, args, ['inherit', output === 'stdout' ? 'inherit' : process.stderr, 'inherit'], { ...process.env, TF_IN_AUTOMATION: '1' });
}

/** Output and errors written to `outputFile` (mode 0600) in the order the program prints them, as `2>&1` would. */
export async function runCapturing(binary: string, args: string[], outputFile: string, env: NodeJS.ProcessEnv): Promise<number> {
  const output = openSync(outputFile, 'w', 0o600);
  try {
    return await run(binary, args, ['ignore', output, output], env);
  } finally {
    closeSync(output);
  }
}

/** Standard output written to `outputFile` (mode 0600, appended to), standard errors to this process's standard error. */
export async function runToFile(binary: string, args: string[], outputFile: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const output = openSync(outputFile, 'a', 0o600);
  try {
    return await run(binary, args, ['ignore', output, process.stderr], env);
  } finally {
    closeSync(output);
  }
}
