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
  /** yargs command string: `check <files..>`. */
  usage: string;
  describe: string;
  /** The command's positional arguments, if it takes any (always a list, required unless `optional`). */
  positional?: { name: string; describe: string; optional?: boolean };
  options: Record<string, OptionSpec>;
  examples: [command: string, meaning: string][];
  /** Runs the command and returns its exit code. */
  run: (args: Args) => number | Promise<number>;
}

/** Options every command accepts. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  debug: { type: 'boolean', describe: 'Print stack traces of errors.' },
};
