// What reading a database client's words yields: the client, the destructive statements it would run, where it
// connects, and what could not be read; plus what the caller tells the reader about the words and their inputs.

export interface DatabaseTarget {
  what: 'host' | 'database' | 'service' | 'url variable' | 'keyspace';
  /** A host, database, service or keyspace name, or the name of a variable that holds a URL; never a password. */
  value: string;
  /** Where it was read: the option as written (`-h`), an environment variable (`PGHOST`), `URI host`, `$PROD_DATABASE_URL` … */
  where: string;
}

export interface DatabaseCommand {
  /** `psql`, `mysql`, `mariadb`, `sqlcmd`, `mongosh`, `mongo`, `redis-cli`, `cqlsh`. */
  client: string;
  /** Short descriptions of the destructive statements found (`DROP TABLE orders`): statement kind and identifiers, never values. */
  destructive: string[];
  /** One sentence, when statements come from somewhere not read (a pipe, a missing or large file, a computed word). */
  unread?: string;
  targets: DatabaseTarget[];
}

export interface ReadOptions {
  env: NodeJS.ProcessEnv;
  /** What the command reads on standard input, when the caller saw it (a here-doc). */
  stdin?: string;
  /** A file's text; undefined when it does not exist or cannot be read. */
  readFile?: (path: string) => string | undefined;
  /** Whether the shell computes the word at this index of the words (a variable, a command substitution). */
  wordIsComputed?: (index: number) => boolean;
}
