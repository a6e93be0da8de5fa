// Runs a program with the terminal's standard streams, for the guard's plan and apply steps, and returns its exit code.
import { spawn } from 'node:child_process';
import { InputError } from '../errors.js';

export function runProcess(binary: string, args: string[], cwd?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['inherit', process.stderr, 'inherit'], cwd, env: { ...process.env, TF_IN_AUTOMATION: '1' } });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(new InputError(error.code === 'ENOENT' ? `${binary} was not found: install it, or name its path.` : `${binary} could not be started: ${error.message}.`)),
    );
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
