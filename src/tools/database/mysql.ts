// Reads a mysql or mariadb invocation: the statements of -e (or of standard input when it is not given), and where
// it connects: -h, -D, the database argument, then MYSQL_HOST. The user and the password (-u, -p) are left out.
import { has, lastOf, option, readClientWords, switches, type OptionTable } from './client-options.js';
import { envTarget, wordTarget } from './connection-targets.js';
import type { DatabaseCommand, DatabaseTarget, ReadOptions } from './database-command.js';
import { readSqlClient } from './sql-client.js';
import type { StatementSource } from './statement-source.js';

const VALUE_OPTIONS = [
  'default-character-set',
  'delimiter',
  'tee',
  'init-command',
  'connect-timeout',
  'max-allowed-packet',
  'net-buffer-length',
  'select-limit',
  'max-join-size',
  'protocol',
  'plugin-dir',
  'default-auth',
  'bind-address',
  'character-sets-dir',
  'defaults-file',
  'defaults-extra-file',
  'defaults-group-suffix',
  'login-path',
  'ssl-ca',
  'ssl-capath',
  'ssl-cert',
  'ssl-cipher',
  'ssl-key',
  'ssl-crl',
  'ssl-crlpath',
  'ssl-mode',
  'tls-version',
  'tls-ciphersuites',
  'server-public-key-path',
  'compression-algorithms',
  'zstd-compression-level',
  'load-data-local-dir',
  'histignore',
  'prompt',
];

const MYSQL_OPTIONS: OptionTable = {
  ...option(['-e', '--execute'], 'execute', 'value'),
  ...option(['-h', '--host'], 'host', 'value'),
  ...option(['-D', '--database'], 'database', 'value'),
  ...option(['-P', '--port'], 'port', 'value'),
  ...option(['-S', '--socket'], 'socket', 'value'),
  ...option(['-u', '--user'], 'user', 'value'),
  ...option(['-p', '--password'], 'password', 'attached'),
  ...option(['-#', '--debug'], 'debug', 'attached'),
  ...option(['--pager', '--local-infile', '--ssl'], 'attached', 'attached'),
  ...option(['-V', '--version'], 'version', 'switch'),
  ...option(['-?', '-I', '--help'], 'help', 'switch'),
  ...Object.fromEntries(VALUE_OPTIONS.map((name) => [`--${name}`, { name, arity: 'value' as const }])),
  ...switches([
    '-A',
    '-B',
    '-b',
    '-c',
    '-C',
    '-E',
    '-f',
    '-G',
    '-H',
    '-i',
    '-j',
    '-L',
    '-n',
    '-N',
    '-o',
    '-q',
    '-r',
    '-s',
    '-t',
    '-T',
    '-U',
    '-v',
    '-w',
    '-X',
    '--batch',
    '--force',
    '--silent',
    '--table',
    '--vertical',
    '--xml',
    '--html',
    '--raw',
    '--quick',
    '--verbose',
    '--safe-updates',
    '--i-am-a-dummy',
    '--no-auto-rehash',
    '--auto-rehash',
    '--one-database',
    '--skip-column-names',
    '--unbuffered',
    '--line-numbers',
    '--comments',
    '--binary-mode',
    '--show-warnings',
    '--sigint-ignore',
    '--wait',
    '--reconnect',
    '--no-beep',
    '--ignore-spaces',
    '--named-commands',
    '--column-names',
    '--column-type-info',
    '--compress',
    '--no-defaults',
    '--print-defaults',
    '--syslog',
    '--binary-as-hex',
  ]),
};

export function readMysql(words: readonly string[], options: ReadOptions): DatabaseCommand {
  const client = words[0];
  const read = readClientWords(words, MYSQL_OPTIONS);
  const targets: DatabaseTarget[] = [];
  const host = lastOf(read, 'host');
  if (host?.value !== undefined) wordTarget(targets, host.value, host.at as number, { what: 'host', where: host.written, takesUri: false }, options);
  envTarget(targets, options.env, 'MYSQL_HOST', 'host');
  const database = lastOf(read, 'database');
  const positional = read.operands[0];
  if (database?.value !== undefined)
    wordTarget(targets, database.value, database.at as number, { what: 'database', where: database.written, takesUri: false }, options);
  else if (positional !== undefined) wordTarget(targets, positional.word, positional.at, { what: 'database', where: 'argument', takesUri: false }, options);

  const sources: StatementSource[] = read.options.flatMap((found): StatementSource[] =>
    found.name === 'execute' && found.value !== undefined && found.at !== undefined
      ? [{ kind: 'word', text: found.value, at: found.at, written: found.written }]
      : [],
  );
  if (sources.length === 0 && !has(read, 'version') && !has(read, 'help')) sources.push({ kind: 'stdin' });
  const { destructive, unread } = readSqlClient(client, sources, 'mysql', options);
  return { client, destructive, ...(unread === undefined ? {} : { unread }), targets };
}
