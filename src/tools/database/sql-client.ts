// Reads what an SQL client runs: the text of each source, the destructive statements in it, and the files it includes
// (read the same way, a few levels deep); the first thing that could not be read becomes the `unread` sentence.
import type { ReadOptions } from './database-command.js';
import { destructiveSql } from './destructive-sql.js';
import { readSources, readStatementFile, type StatementSource } from './statement-source.js';
import type { SqlDialect } from './sql-tokens.js';

/** How deep included files are followed. */
const MAX_INCLUDES = 3;

export interface SqlReading {
  destructive: string[];
  unread?: string;
}

export function readSqlClient(client: string, sources: readonly StatementSource[], dialect: SqlDialect, options: ReadOptions): SqlReading {
  const { texts, unread } = readSources(client, sources, options);
  const reading: SqlReading = { destructive: [], ...(unread === undefined ? {} : { unread }) };
  const read = (text: string, depth: number): void => {
    const found = destructiveSql(text, dialect);
    for (const description of found.destructive) if (!reading.destructive.includes(description)) reading.destructive.push(description);
    for (const path of found.includes) {
      const included =
        depth < MAX_INCLUDES ? readStatementFile(client, path, options) : { unread: `${client} includes files nested too deep for blast-radius to follow.` };
      if ('text' in included) read(included.text, depth + 1);
      else reading.unread ??= included.unread;
    }
  };
  for (const text of texts) read(text, 0);
  return reading;
}
