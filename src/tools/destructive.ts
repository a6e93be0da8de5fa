// What the shared reading of a tool's words says about one invocation that can destroy something: why, and whether
// `blast-radius guard` can check it first or only a person may run it. Hook, guard and shims all act on it.
import type { CompiledConfig } from '../config/compiled-config.js';

export interface Destructive {
  /** Why the invocation can destroy something: one sentence, starting with the command (`kubectl delete removes …`). */
  why: string;
  /**
   * How `blast-radius guard -- <words>` checks it (`it checks the server dry run of the delete`), when guard can;
   * absent when only a person may run it.
   */
  guardChecks?: string;
  /** Words of a dry run or diff that shows what it would do, for a person to read first. */
  preview?: string[];
  /** What to do instead, when it is neither guard nor a dry run (`make the change through the infrastructure code`). */
  instead?: string;
  /** Set when it may destroy something protected but blast-radius cannot tell (an environment nothing names). */
  cannotTell?: true;
}

/** What a reader may consult besides the words: the environment and home it runs in, what the shell feeds it. */
export interface ToolContext {
  env: NodeJS.ProcessEnv;
  home: string;
  /** What a here-document or here-string feeds it on standard input, when the hook saw one. */
  stdin?: string;
  /** For each word, whether the shell computes it at run time (`"$PROD_DATABASE_URL"`). */
  computed?: readonly boolean[];
  /** Where relative file names (`psql -f migrate.sql`) are read from; the process's own directory when absent. */
  cwd?: string;
  /** The team's configuration, whose rules decide environments first (`.blast-radius.yml`); the defaults when absent. */
  config?: CompiledConfig;
  /** Why the configuration could not be read: nothing may then pass as outside production. */
  configError?: string;
}

/**
 * Reads the words of one invocation (the program's name first, without its directory); undefined when it destroys
 * nothing. Readers of cloud and database CLIs need the context to tell where the command goes; without it they judge
 * only the words.
 */
export type ToolReader = (words: readonly string[], context?: ToolContext) => Destructive | undefined;

/** The sentence used when the words cannot be read exactly: an option the table does not know hides where values end. */
export function uncertain(command: string, options: readonly string[]): Destructive {
  return {
    why: `${command} is given ${options.length === 1 ? 'an option' : 'options'} blast-radius does not know (${options.join(' ')}), so it cannot tell whether it is a dry run or what it would destroy.`,
  };
}
