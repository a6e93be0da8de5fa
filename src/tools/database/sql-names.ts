// Reads the identifiers a destructive statement names: `schema.table`, `"Quoted"`, `` `db`.`t` ``, `[dbo].[t]`, psql's
// `:variable`, and comma-separated lists of them. Only identifiers: a literal is never taken for a name.
import { isSymbol, isWord } from './sql-statements.js';
import type { SqlToken } from './sql-tokens.js';

const MAX_NAME = 128;

export interface ReadName {
  name?: string;
  /** Index of the first token after the name. */
  next: number;
}

/** The qualified name starting at `at`, parts joined with `.`. */
export function readName(tokens: readonly SqlToken[], at: number): ReadName {
  const parts: string[] = [];
  let next = at;
  while (next < tokens.length) {
    const token = tokens[next];
    if (token.kind !== 'word' && token.kind !== 'name') break;
    parts.push(token.text.slice(0, MAX_NAME));
    next++;
    if (!isSymbol(tokens[next], '.')) break;
    next++;
  }
  return parts.length === 0 ? { next } : { name: parts.join('.'), next };
}

/** Skips the words given, in order, where they appear (`IF EXISTS`, `ONLY`). */
export function skipWords(tokens: readonly SqlToken[], at: number, ...sequences: string[][]): number {
  let next = at;
  for (const sequence of sequences) {
    if (sequence.every((upper, offset) => isWord(tokens[next + offset], upper))) next += sequence.length;
  }
  return next;
}

/** `a, b.c, "d" *`: names separated by commas (psql's `*` after a name is skipped). */
export function readNameList(tokens: readonly SqlToken[], at: number): { names: string[]; next: number } {
  const names: string[] = [];
  let next = at;
  for (;;) {
    const read = readName(tokens, skipWords(tokens, next, ['ONLY']));
    if (read.name === undefined) break;
    names.push(read.name);
    next = isSymbol(tokens[read.next], '*') ? read.next + 1 : read.next;
    if (!isSymbol(tokens[next], ',')) break;
    next++;
  }
  return { names, next };
}
