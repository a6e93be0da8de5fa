// Runs `blast-radius check` from this package's own bin (the same checkout as the action) in a child process: the
// github annotations go straight to the log, standard error is shown and kept for the error message.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** bin/blast-radius.cjs, two levels above this file both as src/github/*.ts and as dist/github/*.js. */
const BIN = fileURLToPath(new URL('../../bin/blast-radius.cjs', import.meta.url));

export interface CheckRun {
  /** The CLI's exit code; 2 when it was killed or could not start. */
  code: number;
  stderr: string;
}

export function runCheck(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CheckRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'check', ...args], { env, stdio: ['ignore', 'inherit', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      process.stderr.write(chunk);
    });
    child.on('error', (error) => resolve({ code: 2, stderr: `blast-radius: could not start: ${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 2, stderr: Buffer.concat(chunks).toString('utf8') }));
  });
}
