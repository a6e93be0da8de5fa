// Where a client connects, from its words and environment: a host or database word as written, a URI (its hosts and
// database only), a word the shell computes from a variable (the variable's name, and the URI it holds when the
// environment has it), and the environment variables the client falls back on.
import { isConnectionUri, readConnectionUri } from './connection-uri.js';
import type { DatabaseTarget, ReadOptions } from './database-command.js';

/** A value with any `user:password@` in it cut off: whatever precedes the last `@` (`jdbc:…//u:pw@h/db` → `h/db`). */
function withoutCredentials(value: string): string {
  return value.slice(value.lastIndexOf('@') + 1);
}

/** Adds a target, with no credentials in its value, unless the same one is already there. */
export function addTarget(targets: DatabaseTarget[], target: DatabaseTarget): void {
  const value = withoutCredentials(target.value);
  if (value === '') return;
  if (!targets.some((known) => known.what === target.what && known.value === value && known.where === target.where)) targets.push({ ...target, value });
}

/** The name of the variable a word expands (`$PROD_DATABASE_URL`, `${PROD_DATABASE_URL}`); undefined for any other word. */
export function variableName(word: string): string | undefined {
  return /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(word)?.[1];
}

/** A value that is only a name: no `=` or `@` (a connection string or credentials), no spaces. */
function isPlainName(value: string): boolean {
  return /^[^\s=@]+$/.test(value);
}

/** Whether the shell computes the word: the caller says so, or it starts with `$`. */
export function isComputed(word: string, at: number, options: ReadOptions): boolean {
  return word.startsWith('$') || options.wordIsComputed?.(at) === true;
}

/** The hosts and database of a URI, each marked with where the URI came from. */
export function uriTargets(targets: DatabaseTarget[], uri: string, where: { host: string; database: string }): void {
  const parts = readConnectionUri(uri);
  if (parts === undefined) return;
  for (const host of parts.hosts) addTarget(targets, { what: 'host', value: host, where: where.host });
  if (parts.database !== undefined) addTarget(targets, { what: 'database', value: parts.database, where: where.database });
}

/** Where a word sits: what it names, the option or argument it is given to, and whether that place takes a URI. */
export interface WordPlace {
  what: DatabaseTarget['what'];
  where: string;
  takesUri: boolean;
}

/**
 * A word that names where to connect. A URI: its hosts and database. Computed from a variable: where a URI is taken,
 * the variable's name as a URL variable (with the hosts and database of the URI when the environment holds one);
 * elsewhere the value the environment holds, or the variable as written when it holds none. Otherwise the word itself.
 */
export function wordTarget(targets: DatabaseTarget[], word: string, at: number, place: WordPlace, options: ReadOptions): void {
  const { what, where, takesUri } = place;
  if (isComputed(word, at, options)) {
    const name = variableName(word);
    if (name === undefined) return;
    const value = options.env[name];
    if (value !== undefined && isConnectionUri(value)) {
      addTarget(targets, { what: 'url variable', value: name, where });
      uriTargets(targets, value, { host: `$${name}`, database: `$${name}` });
    } else if (value !== undefined && isPlainName(value)) addTarget(targets, { what, value, where: `$${name}` });
    else if (takesUri) addTarget(targets, { what: 'url variable', value: name, where });
    else addTarget(targets, { what, value: `$${name}`, where });
    return;
  }
  if (takesUri && isConnectionUri(word)) uriTargets(targets, word, { host: 'URI host', database: 'URI database' });
  else addTarget(targets, { what, value: word, where });
}

/** An environment variable the client reads when nothing on its command line says the same thing. */
export function envTarget(targets: DatabaseTarget[], env: NodeJS.ProcessEnv, name: string, what: DatabaseTarget['what']): void {
  const value = env[name];
  if (value === undefined || value === '' || targets.some((known) => known.what === what)) return;
  if (isConnectionUri(value)) uriTargets(targets, value, { host: name, database: name });
  else for (const each of value.split(',')) addTarget(targets, { what, value: each, where: name });
}
