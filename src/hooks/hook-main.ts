// Lean entry point of `blast-radius hook <agent>`: runs before every shell command an agent issues, so it imports
// nothing but the hook itself (no yargs, no YAML, no Kubernetes client) and answers in the agent's protocol.
import { readFileSync } from 'node:fs';
import { AGENTS } from '../agents/index.js';
import { isAgentName } from '../agents/names.js';
import { runHook } from './run-hook.js';

/**
 * Reads the payload with one synchronous read of descriptor 0: several milliseconds cheaper than setting up the
 * process.stdin stream, which matters before every shell command. A non-blocking descriptor (EAGAIN) falls back
 * to the stream.
 */
async function readStdin(): Promise<string> {
  try {
    return readFileSync(0, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Returns the exit code; `agent` was checked by the caller with isAgentName. */
export async function hookMain(agent: string): Promise<number> {
  if (!isAgentName(agent)) throw new Error(`unknown agent ${agent}`);
  const answer = await runHook(AGENTS[agent], await readStdin());
  if (answer.stdout) process.stdout.write(answer.stdout);
  if (answer.stderr) process.stderr.write(answer.stderr);
  return answer.exitCode;
}
