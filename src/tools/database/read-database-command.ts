// Reads the words of a database client's invocation (psql, mysql, mariadb, sqlcmd, mongosh, mongo, redis-cli, cqlsh):
// the destructive statements it would run, where it connects, and what it runs that could not be read. Pure: files
// and standard input come only through the options.
import { readCqlsh } from './cqlsh.js';
import type { DatabaseCommand, ReadOptions } from './database-command.js';
import { readMongosh } from './mongosh.js';
import { readMysql } from './mysql.js';
import { readPsql } from './psql.js';
import { readRedisCli } from './redis-cli.js';
import { readSqlcmd } from './sqlcmd.js';

export type { DatabaseCommand, DatabaseTarget, ReadOptions } from './database-command.js';

const READERS: Record<string, (words: readonly string[], options: ReadOptions) => DatabaseCommand> = {
  psql: readPsql,
  mysql: readMysql,
  mariadb: readMysql,
  sqlcmd: readSqlcmd,
  mongosh: readMongosh,
  mongo: readMongosh,
  'redis-cli': readRedisCli,
  cqlsh: readCqlsh,
};

/** The programs read as database clients. */
export const DATABASE_CLIENTS = Object.keys(READERS);

/** words[0] is the program's name without its directory; undefined for a program that is not a database client. */
export function readDatabaseCommand(words: readonly string[], options: ReadOptions): DatabaseCommand | undefined {
  const program = words[0] ?? '';
  const read = Object.hasOwn(READERS, program) ? READERS[program] : undefined;
  return read?.(words, options);
}
