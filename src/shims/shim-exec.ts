// The slow path of a shim (`blast-radius shim-exec <tool> <real tool> [arguments…]`): reads the exact argv with the
// tool's own grammar (a database client's piped statements too, read first and handed on), runs what destroys
// nothing at once, sends what guard can check through guard (preview, check, run exactly what was checked), and
// leaves the rest to a person: refused in an agent session, asked at a terminal, refused without one.
import { errorLine } from '../cli/error-line.js';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { agentSession } from '../agents/agent-session.js';
import { EXIT_BLOCKED, UsageError } from '../errors.js';
import { askYes, atTerminal, confirmApply } from '../guard/confirm-apply.js';
import { runGuard } from '../guard/run-guard.js';
import { explain } from '../hooks/decision.js';
import { CLI_NAMES } from '../hooks/prefilter.js';
import { redactCredentials } from '../redact-credentials.js';
import { shellQuote } from '../shell-quote.js';
import { refusalFor } from '../hooks/invocations/tool-refusal.js';
import { loadReporter } from '../reporters/index.js';
import { findRealTool } from './find-real-tool.js';
import { SHIMMED_TOOLS } from './shimmed-tools.js';
import { loadToolConfig } from '../tools/cli/load-tool-config.js';
import { GUARD_PROGRAM_OF, readTool } from '../tools/tool-readers.js';
import { DATABASE_CLIENTS, readDatabaseCommand } from '../tools/database/read-database-command.js';
import { approvalsPath, shimDirectory } from '../state-paths.js';

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15, SIGPIPE: 13 };

/**
 * Runs the real tool with this process's streams (or `input` on its standard input, when the shim read it first) and
 * returns its exit code (128 + the signal that ended it).
 */
function runReal(real: string, args: string[], input?: Buffer): Promise<number> {
  // Ctrl-C reaches the tool too (one process group): the tool decides what an interrupt means, not this process.
  const ignore = (): void => {};
  process.on('SIGINT', ignore);
  return new Promise<number>((resolve, reject) => {
    const child = spawn(real, args, { stdio: [input === undefined ? 'inherit' : 'pipe', 'inherit', 'inherit'] });
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
    child.on('error', (error) => reject(new UsageError(`${real} could not be started: ${error.message}.`)));
    child.on('close', (code, signal) => resolve(code ?? 128 + (SIGNALS[signal ?? ''] ?? 1)));
  }).finally(() => process.off('SIGINT', ignore));
}

/**
 * A database client that reads its statements from standard input, where that is a pipe or a file (not a person at
 * a terminal): the shim reads them first, judges them, and hands the same bytes to the client.
 */
function readsStatementsFromPipe(words: string[], env: NodeJS.ProcessEnv): boolean {
  if (!DATABASE_CLIENTS.includes(words[0]) || process.stdin.isTTY === true) return false;
  return readDatabaseCommand(words, { env })?.unread?.includes('standard input') === true;
}

export async function shimExec(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [tool = '', real, ...rest] = args;
  if (!Object.hasOwn(SHIMMED_TOOLS, tool) || real === undefined)
    throw new UsageError('shim-exec is run by the blast-radius shims: `shim-exec <tool> <path of the real tool> [arguments…]`.');
  const words = [tool, ...rest];
  const input = readsStatementsFromPipe(words, env) ? readFileSync(0) : undefined;
  // The team's configuration judges where cloud, container and database CLI commands go.
  const config = CLI_NAMES.includes(tool) ? await loadToolConfig(process.cwd()) : {};
  const destructive = readTool(words, { env, home: homedir(), ...config, ...(input === undefined ? {} : { stdin: input.toString('utf8') }) });
  if (destructive === undefined) return runReal(real, rest, input);
  const session = agentSession(env);
  const text = redactCredentials(words.map(shellQuote).join(' '));
  if (destructive.guardChecks !== undefined) {
    const other = Object.hasOwn(GUARD_PROGRAM_OF, tool) ? GUARD_PROGRAM_OF[tool] : undefined;
    const program = other === undefined ? real : findRealTool(other, env.PATH, shimDirectory(env, homedir()));
    if (program === undefined) throw new UsageError(`${other ?? tool} is not on PATH after the blast-radius shims, so \`${text}\` cannot be checked.`);
    const reporter = await loadReporter(session ? 'agent' : 'text');
    const outcome = await runGuard([program, ...rest], {
      printReport: (report) => process.stderr.write(reporter(report)),
      checkOptions: { approvalsFile: approvalsPath(env), approveArgs: ['--', tool, ...rest] },
      toolOutput: 'stdout',
      ...(session || !atTerminal() ? {} : { confirmApply }),
    });
    if (outcome.toolExitCode === undefined) process.stderr.write(`${errorLine(outcome.summary)}\n`);
    return outcome.toolExitCode ?? outcome.exitCode;
  }
  const refusal = refusalFor(destructive, words, text);
  if (session) {
    process.stderr.write(`${explain({ verdict: refusal.cannotTell ? 'cannot-tell' : 'deny', refusals: [refusal] })}\n`);
    return EXIT_BLOCKED;
  }
  if (atTerminal() && (await askYes(`blast-radius: ${refusal.why} blast-radius cannot check it first.\nRun \`${text}\` anyway? Only 'yes' will be accepted: `)))
    return runReal(real, rest);
  process.stderr.write(`blast-radius: refused \`${text}\`: ${refusal.why} Only a person at a terminal may run it.\n`);
  return EXIT_BLOCKED;
}
