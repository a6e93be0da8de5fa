// How a command describes itself once, for both the fast argument parser and yargs' help.

export interface OptionSpec {
  type: 'string' | 'boolean';
  alias?: string;
  describe: string;
  default?: string | boolean;
  choices?: readonly string[];
  /** Repeatable: every value given reaches the command (so it takes `string | string[]`: the default stays as written). */
  multiple?: boolean;
}

export interface CommandSpec<Args> {
  /** yargs command string, with readable names for the positional arguments: `check [files..]`, `explain <plan> <address>`. */
  usage: string;
  describe: string;
  /**
   * The command's positional arguments, if it takes any: the command gets them as one list under `name` (required
   * unless `optional`). `parts` describes each name the usage shows; without it the usage shows one, `describe`.
   */
  positional?: { name: string; describe: string; optional?: boolean; parts?: Record<string, string> };
  /** What the command's exit codes mean, for its help (default: those of `check`). */
  exitCodes?: string;
  options: Record<string, OptionSpec>;
  examples: [command: string, meaning: string][];
  /** Runs the command and returns its exit code. */
  run: (args: Args) => number | Promise<number>;
}

/** The positional names a usage string shows, in order: `explain <plan> <address>` gives plan and address. */
export function positionalNames(usage: string): string[] {
  return [...usage.matchAll(/[<[]([\w-]+)(?:\.\.)?[>\]]/g)].map((match) => match[1]);
}

/** Options every command accepts. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  debug: { type: 'boolean', describe: 'Print stack traces of errors.' },
};
