// Reads a psql invocation: the statements of -c and -f (and of standard input when neither is given), and where it
// connects: -h, -d, the database-name argument (a name, a URI or a key=value connection string), then PGHOST,
// PGDATABASE and PGSERVICE. The user (-U, the second argument) and every password are left out.
import { has, lastOf, option, readClientWords, switches, type OptionTable } from './client-options.js';
import { addTarget, envTarget, isComputed, wordTarget } from './connection-targets.js';
import { isConninfo, readConninfo } from './conninfo.js';
import { isConnectionUri } from './connection-uri.js';
import type { DatabaseCommand, DatabaseTarget, ReadOptions } from './database-command.js';
import { readSqlClient } from './sql-client.js';
import type { StatementSource } from './statement-source.js';

const PSQL_OPTIONS: OptionTable = {
  ...option(['-c', '--command'], 'command', 'value'),
  ...option(['-d', '--dbname'], 'dbname', 'value'),
  ...option(['-f', '--file'], 'file', 'value'),
  ...option(['-h', '--host'], 'host', 'value'),
  ...option(['-p', '--port'], 'port', 'value'),
  ...option(['-U', '--username'], 'username', 'value'),
  ...option(['-v', '--set', '--variable'], 'set', 'value'),
  ...option(['-F', '--field-separator'], 'field-separator', 'value'),
  ...option(['-L', '--log-file'], 'log-file', 'value'),
  ...option(['-o', '--output'], 'output', 'value'),
  ...option(['-P', '--pset'], 'pset', 'value'),
  ...option(['-R', '--record-separator'], 'record-separator', 'value'),
  ...option(['-T', '--table-attr'], 'table-attr', 'value'),
  ...option(['-l', '--list'], 'list', 'switch'),
  ...option(['-V', '--version'], 'version', 'switch'),
  ...option(['-?', '--help'], 'help', 'attached'),
  ...switches([
    '-a',
    '--echo-all',
    '-A',
    '--no-align',
    '-b',
    '--echo-errors',
    '-e',
    '--echo-queries',
    '-E',
    '--echo-hidden',
    '-H',
    '--html',
    '-n',
    '--no-readline',
    '-q',
    '--quiet',
    '-s',
    '--single-step',
    '-S',
    '--single-line',
    '-t',
    '--tuples-only',
    '-x',
    '--expanded',
    '-X',
    '--no-psqlrc',
    '-z',
    '--field-separator-zero',
    '-0',
    '--record-separator-zero',
    '-1',
    '--single-transaction',
    '-w',
    '--no-password',
    '-W',
    '--password',
    '--csv',
  ]),
};

/** A database word: a URI or a URL variable, a key=value connection string, or a database name. */
function databaseWord(targets: DatabaseTarget[], word: string, at: number, where: string, options: ReadOptions): void {
  if (!isComputed(word, at, options) && !isConnectionUri(word) && isConninfo(word)) {
    const parts = readConninfo(word);
    for (const host of parts.hosts) addTarget(targets, { what: 'host', value: host, where: 'connection string' });
    if (parts.database !== undefined) addTarget(targets, { what: 'database', value: parts.database, where: 'connection string' });
    if (parts.service !== undefined) addTarget(targets, { what: 'service', value: parts.service, where: 'connection string' });
    return;
  }
  wordTarget(targets, word, at, { what: 'database', where, takesUri: true }, options);
}

export function readPsql(words: readonly string[], options: ReadOptions): DatabaseCommand {
  const read = readClientWords(words, PSQL_OPTIONS);
  const targets: DatabaseTarget[] = [];
  const host = lastOf(read, 'host');
  if (host?.value !== undefined) {
    for (const each of host.value.split(',')) wordTarget(targets, each, host.at as number, { what: 'host', where: host.written, takesUri: false }, options);
  }
  const dbname = lastOf(read, 'dbname');
  if (dbname?.value !== undefined) databaseWord(targets, dbname.value, dbname.at as number, dbname.written, options);
  const positional = read.operands[0];
  if (dbname === undefined && positional !== undefined) databaseWord(targets, positional.word, positional.at, 'argument', options);
  envTarget(targets, options.env, 'PGHOST', 'host');
  envTarget(targets, options.env, 'PGDATABASE', 'database');
  if (!targets.some((target) => target.what === 'host')) envTarget(targets, options.env, 'PGSERVICE', 'service');

  const sources: StatementSource[] = read.options.flatMap((found): StatementSource[] => {
    if (found.value === undefined || found.at === undefined) return [];
    if (found.name === 'command') return [{ kind: 'word', text: found.value, at: found.at, written: found.written }];
    if (found.name === 'file') return [{ kind: 'file', path: found.value, at: found.at, written: found.written }];
    return [];
  });
  const onlyInforms = has(read, 'list') || has(read, 'version') || has(read, 'help');
  if (sources.length === 0 && !onlyInforms) sources.push({ kind: 'stdin' });
  const { destructive, unread } = readSqlClient('psql', sources, 'postgres', options);
  return { client: 'psql', destructive, ...(unread === undefined ? {} : { unread }), targets };
}
