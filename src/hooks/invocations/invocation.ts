// What a classifier says about one command invocation: a change to infrastructure that must go through the guard.

/** One simple command as the shell would run it: its words with quotes removed, and the source text. */
export interface SimpleCommand {
  words: string[];
  /** True for each word the shell expands at run time (`$T`, `$(…)`): its value cannot be known here. */
  expanded: boolean[];
  text: string;
  /** The script a here-document or here-string feeds it on standard input (`bash <<EOF … EOF`). */
  stdin?: string;
  /** Files its output redirections write (`> f`, `>> f`, `&> f`), each as a word. */
  writes?: { text: string; expanded: boolean }[];
}

export interface Refusal {
  /** The invocation as written, quoted back to the agent. */
  command: string;
  /** Why it is refused: one sentence. */
  why: string;
  /** The exact command to run instead (or what to do), one sentence. */
  instead: string;
}

/** Classifies the words of one invocation of a tool (wrappers already removed); undefined means it may run. */
export type InvocationClassifier = (words: string[], command: string) => Refusal | undefined;

export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function guarded(words: string[]): string {
  return `blast-radius guard -- ${words.map(shellQuote).join(' ')}`;
}
