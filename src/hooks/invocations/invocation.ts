// What a classifier says about one command invocation: a change to infrastructure that must go through the guard.
import { shellQuote } from '../../shell-quote.js';
import type { ToolContext } from '../../tools/destructive.js';
import type { Scope } from '../shell/words.js';

/** One simple command as the shell would run it: its words with quotes removed, and the source text. */
export interface SimpleCommand {
  words: string[];
  /** Each word with its parts only known at run time marked (shell/template.ts). */
  templates: string[];
  /** True for each word the shell computes at run time (`$T`, `$(…)`, a glob): its value cannot be known here. */
  expanded: boolean[];
  text: string;
  /** What a here-document or here-string feeds it on standard input (`bash <<EOF … EOF`). */
  stdin?: string;
  /** The file `< file` feeds it on standard input. */
  stdinFile?: string;
  /** Files its output redirections write (`> f`, `>> f`, `&> f`), each as a word. */
  writes?: { text: string; expanded: boolean; append?: boolean }[];
  /** For a command reading a pipe: the pipeline's text before it, its commands, and the one right before it. */
  pipedFrom?: { text: string; commands: SimpleCommand[]; producer?: SimpleCommand };
  /** The variables and positional parameters known where it runs. */
  scope: Scope;
  /** Literal assignments before its name (`AWS_PROFILE=prod aws …`): the environment its program gets. */
  environment?: Record<string, string>;
}

export interface Refusal {
  /** The invocation as written, quoted back to the agent. */
  command: string;
  /** Why it is refused: one sentence. */
  why: string;
  /** The exact command to run instead (or what to do), one sentence. */
  instead: string;
  /** Set when blast-radius cannot tell what runs (a program or verb computed at run time, code it cannot read). */
  cannotTell?: true;
}

/** Classifies the words of one invocation of a tool (wrappers already removed); undefined means it may run. */
export type InvocationClassifier = (words: string[], command: string, context?: ToolContext) => Refusal | undefined;

export function guarded(words: string[]): string {
  return `blast-radius guard -- ${words.map(shellQuote).join(' ')}`;
}
