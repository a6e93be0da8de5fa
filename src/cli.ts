// Maps the command line onto the library: one table of commands, each imported only when it is the one being run.
import type { Argv, CommandModule } from 'yargs';
import { takeExitCode } from './commands/exit-code.js';
import { EXIT_ERROR, UsageError, isUserError } from './errors.js';
import { VERSION } from './version.js';

interface CommandEntry {
  describe: string;
  // Each command types its own arguments; the table only needs to hand the module to yargs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  load: () => Promise<{ default: CommandModule<object, any> }>;
}

/** Every command, by name. Only the named one is imported, so `check` never loads what other commands need. */
const COMMANDS: Record<string, CommandEntry> = {
  check: { describe: 'Check Terraform plans and fail when they destroy protected resources.', load: () => import('./commands/check.js') },
};

const EPILOGUE = 'Exit codes: 0 pass, 1 blocked (a protected resource would be destroyed), 2 usage or input error.';

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
  process.stderr.write(`blast-radius: ${message}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return EXIT_ERROR;
}

async function buildParser(argv: string[]): Promise<Argv> {
  const { default: yargs } = await import('yargs');
  const parser = yargs(argv)
    .scriptName('blast-radius')
    .usage('$0 <command> [options]')
    .version(VERSION)
    .option('debug', { type: 'boolean', describe: 'Print stack traces of errors.', global: true })
    .demandCommand(1, 'Name a command.')
    .strict()
    .exitProcess(false)
    .epilogue(EPILOGUE)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  for (const [name, entry] of Object.entries(COMMANDS)) {
    if (argv[0] === name) parser.command((await entry.load()).default);
    else parser.command(name, entry.describe);
  }
  return parser;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const parser = await buildParser(argv);
    await parser.parseAsync();
    return takeExitCode();
  } catch (error) {
    return reportError(error, argv);
  }
}
