// Reads a cqlsh invocation: the statements of -e and -f (and of standard input when neither is given), and where it
// connects: the host argument, then CQLSH_HOST, and the keyspace of -k. The user and password are left out.
import { has, lastOf, option, readClientWords, switches, type OptionTable } from './client-options.js';
import { addTarget, envTarget, wordTarget } from './connection-targets.js';
import type { DatabaseCommand, DatabaseTarget, ReadOptions } from './database-command.js';
import { readSqlClient } from './sql-client.js';
import type { StatementSource } from './statement-source.js';

const CQLSH_OPTIONS: OptionTable = {
  ...option(['-e', '--execute'], 'execute', 'value'),
  ...option(['-f', '--file'], 'file', 'value'),
  ...option(['-k', '--keyspace'], 'keyspace', 'value'),
  ...option(['-u', '--username'], 'username', 'value'),
  ...option(['-p', '--password'], 'password', 'value'),
  ...option(['-b', '--secure-connect-bundle'], 'secure-connect-bundle', 'value'),
  ...Object.fromEntries(
    [
      '--browser',
      '--encoding',
      '--cqlshrc',
      '--credentials',
      '--cqlversion',
      '--protocol-version',
      '--connect-timeout',
      '--request-timeout',
      '--consistency-level',
      '--serial-consistency-level',
    ].map((written) => [written, { name: written.slice(2), arity: 'value' as const }]),
  ),
  ...option(['-h', '--help', '-v', '--version'], 'help', 'switch'),
  ...switches(['-C', '--color', '--no-color', '--ssl', '--debug', '--coverage', '-t', '--tty', '--no-file-io', '--insecure-password-without-warning']),
};

export function readCqlsh(words: readonly string[], options: ReadOptions): DatabaseCommand {
  const read = readClientWords(words, CQLSH_OPTIONS);
  const targets: DatabaseTarget[] = [];
  const host = read.operands[0];
  if (host !== undefined) wordTarget(targets, host.word.replace(/:\d+$/, ''), host.at, { what: 'host', where: 'argument', takesUri: false }, options);
  envTarget(targets, options.env, 'CQLSH_HOST', 'host');
  const keyspace = lastOf(read, 'keyspace');
  if (keyspace?.value !== undefined) addTarget(targets, { what: 'keyspace', value: keyspace.value, where: keyspace.written });

  const sources: StatementSource[] = read.options.flatMap((found): StatementSource[] => {
    if (found.value === undefined || found.at === undefined) return [];
    if (found.name === 'execute') return [{ kind: 'word', text: found.value, at: found.at, written: found.written }];
    if (found.name === 'file') return [{ kind: 'file', path: found.value, at: found.at, written: found.written }];
    return [];
  });
  if (sources.length === 0 && !has(read, 'help')) sources.push({ kind: 'stdin' });
  const { destructive, unread } = readSqlClient('cqlsh', sources, 'cql', options);
  return { client: 'cqlsh', destructive, ...(unread === undefined ? {} : { unread }), targets };
}
