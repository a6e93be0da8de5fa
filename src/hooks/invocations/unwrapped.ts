// What one simple command really runs, once the commands that run other commands are seen through.
import { isComputed } from '../shell/template.js';

export type Unwrapped =
  /** The words of a command, each with its template (shell/template.ts). */
  | { kind: 'words'; words: string[]; templates: string[] }
  /** A script a shell parses again (`sh -c`, `eval`, `ssh host …`), with the positional parameters it is given. */
  | { kind: 'script'; script: string; positional?: string[]; sameShell?: boolean }
  /** A shell (or `source`) running a script file, with the positional parameters it is given. */
  | { kind: 'file'; path: string; computed: boolean; positional?: string[] }
  /** A shell reading its script from standard input (a pipe, `< file`, a here-document). */
  | { kind: 'stdin' }
  /** Code of another language (`python3 -c`, `node -e`, `awk 'BEGIN{…}'`); `stdin` when it reads it from there. */
  | { kind: 'code'; program: string; code: string; computed: boolean }
  | { kind: 'code'; program: string; stdin: true };

/** The positional parameters `$0 $1 …` when every word is known, else undefined. */
export function knownPositional(words: readonly string[], templates: readonly string[]): string[] | undefined {
  return templates.some(isComputed) ? undefined : [...words];
}
