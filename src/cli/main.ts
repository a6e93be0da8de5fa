// Maps the command line onto the library: one table of commands, each imported only when it is the one being run.
// Running a command parses its arguments with node:util (cheap at start-up); yargs is loaded only for help and errors
// about the command line as a whole.
import { EXIT_ERROR, UsageError, isUserError } from '../errors.js';
import { VERSION } from '../version.js';
import { EPILOGUE } from './epilogue.js';
import { errorLine } from './error-line.js';
import { fastParse } from './fast-parse.js';
import type { CommandSpec } from '../commands/kit/command-spec.js';
import { GLOBAL_OPTIONS } from '../commands/kit/command-spec.js';

// Each command types its own arguments; the table only hands the spec on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LoadCommand = () => Promise<{ default: CommandSpec<any> }>;

/** Every command, by name: running one imports only that one; help imports them all. */
const COMMANDS: Record<string, LoadCommand> = {
  approve: () => import('../commands/approve.js'),
  check: () => import('../commands/check.js'),
  doctor: () => import('../commands/doctor.js'),
  explain: () => import('../commands/explain.js'),
  guard: () => import('../commands/guard.js'),
  hook: () => import('../commands/hook.js'),
  init: () => import('../commands/init.js'),
  operations: () => import('../commands/operations.js'),
  rules: () => import('../commands/rules.js'),
  serve: () => import('../commands/serve.js'),
  shims: () => import('../commands/shims.js'),
};

/** What the shims run for an invocation that is not read-only: no yargs, the arguments are the tool's, untouched. */
const SHIM_EXEC = 'shim-exec';

const HELP_FLAGS = new Set(['--help', '-h', '--version']);

function wantsJson(argv: string[]): boolean {
  return argv.some((arg, i) => arg === '--format=json' || arg === '-f=json' || ((arg === '--format' || arg === '-f') && argv[i + 1] === 'json'));
}

function reportError(error: unknown, argv: string[]): number {
  const debug = argv.includes('--debug');
  const message = isUserError(error)
    ? error.message
    : `internal error: ${(error as Error)?.message ?? String(error)}${debug ? '' : ' (run with --debug for details)'}`;
  if (wantsJson(argv)) {
    process.stdout.write(`${JSON.stringify({ schemaVersion: 1, verdict: 'error', errors: [{ message }] }, null, 2)}\n`);
  }
  process.stderr.write(`${errorLine(message)}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return EXIT_ERROR;
}

/** Help, version, no command or an unknown one: yargs handles these (and runs a command if one is still named). */
async function runWithYargs(argv: string[]): Promise<number> {
  const [{ default: yargs }, { toYargsCommand }] = await Promise.all([import('yargs'), import('./yargs-command.js')]);
  let code = 0;
  const parser = yargs(argv)
    .scriptName('blast-radius')
    .usage('$0 <command> [options]')
    .version(VERSION)
    .options(GLOBAL_OPTIONS)
    .demandCommand(1, 'Name a command.')
    .recommendCommands()
    .strict()
    .exitProcess(false)
    .epilogue(EPILOGUE)
    .fail((message, error) => {
      throw error ?? new UsageError(`${message} (see blast-radius --help)`);
    });
  const specs = await Promise.all(Object.values(COMMANDS).map(async (load) => (await load()).default));
  for (const spec of specs) parser.command(toYargsCommand(spec, (c) => (code = c)));
  await parser.parseAsync();
  return code;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === SHIM_EXEC) return await (await import('../shims/shim-exec.js')).shimExec(rest);
    const load = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (load && !rest.some((arg) => HELP_FLAGS.has(arg))) {
      const spec = (await load()).default;
      return await spec.run(fastParse(spec, rest));
    }
    return await runWithYargs(argv);
  } catch (error) {
    return reportError(error, argv);
  }
}
