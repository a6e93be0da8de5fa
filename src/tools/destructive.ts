// What the shared reading of a tool's words says about one invocation that can destroy something: why, and whether
// `blast-radius guard` can check it first or only a person may run it. Hook, guard and shims all act on it.

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
}

/** Reads the words of one invocation (the program's name first, without its directory); undefined when it destroys nothing. */
export type ToolReader = (words: readonly string[]) => Destructive | undefined;

/** The sentence used when the words cannot be read exactly: an option the table does not know hides where values end. */
export function uncertain(command: string, options: readonly string[]): Destructive {
  return {
    why: `${command} is given ${options.length === 1 ? 'an option' : 'options'} blast-radius does not know (${options.join(' ')}), so it cannot tell whether it is a dry run or what it would destroy.`,
  };
}
