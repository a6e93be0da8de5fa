// Runs `blast-radius check` with the CLI bundled beside the action (dist-action/cli.cjs, the same commit as the action)
// in a child process: the github annotations go straight to the log, standard error is shown and kept for the error
// message.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The CLI's bundle, beside the action's own bundle (dist-action/index.cjs) that this file is built into. */
const CLI = fileURLToPath(new URL('./cli.cjs', import.meta.url));

export interface CheckRun {
  /** The CLI's exit code; 2 when it was killed or could not start. */
  code: number;
  stderr: string;
}

export function runCheck(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CheckRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'check', ...args], { env, stdio: ['ignore', 'inherit', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      process.stderr.write(chunk);
    });
    child.on('error', (error) => resolve({ code: 2, stderr: `blast-radius: could not start: ${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 2, stderr: Buffer.concat(chunks).toString('utf8') }));
  });
}
