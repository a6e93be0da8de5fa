// Reads a sqlcmd invocation: the statements of -Q or -q and of the -i files (and of standard input when none is
// given), and where it connects: -S (without its protocol and port), -d, then SQLCMDSERVER and SQLCMDDBNAME. The
// login and the password (-U, -P) are left out.
import { has, lastOf, option, readClientWords, switches, type OptionTable } from './client-options.js';
import { envTarget, wordTarget } from './connection-targets.js';
import type { DatabaseCommand, DatabaseTarget, ReadOptions } from './database-command.js';
import { readSqlClient } from './sql-client.js';
import type { StatementSource } from './statement-source.js';

const SQLCMD_OPTIONS: OptionTable = {
  ...option(['-Q'], 'query-and-exit', 'value'),
  ...option(['-q'], 'query', 'value'),
  ...option(['-i'], 'input-file', 'value'),
  ...option(['-S'], 'server', 'value'),
  ...option(['-d'], 'database', 'value'),
  ...Object.fromEntries(
    ['-a', '-c', '-f', '-h', '-H', '-K', '-l', '-m', '-o', '-P', '-s', '-t', '-U', '-v', '-V', '-w', '-y', '-Y', '-z', '-Z', '-F'].map((written) => [
      written,
      { name: written, arity: 'value' as const },
    ]),
  ),
  ...Object.fromEntries(['-k', '-L', '-p', '-r', '-X', '-N'].map((written) => [written, { name: written, arity: 'attached' as const }])),
  ...option(['-?'], 'help', 'switch'),
  ...switches(['-A', '-b', '-C', '-e', '-E', '-G', '-I', '-j', '-M', '-R', '-u', '-W', '-x']),
};

/** `tcp:host\instance,1433` → `host\instance`. */
function serverName(server: string): string {
  return server.replace(/^(tcp|np|lpc|admin):/i, '').replace(/,\d+$/, '');
}

export function readSqlcmd(words: readonly string[], options: ReadOptions): DatabaseCommand {
  const read = readClientWords(words, SQLCMD_OPTIONS);
  const targets: DatabaseTarget[] = [];
  const server = lastOf(read, 'server');
  if (server?.value !== undefined)
    wordTarget(targets, serverName(server.value), server.at as number, { what: 'host', where: server.written, takesUri: false }, options);
  const database = lastOf(read, 'database');
  if (database?.value !== undefined)
    wordTarget(targets, database.value, database.at as number, { what: 'database', where: database.written, takesUri: false }, options);
  envTarget(targets, options.env, 'SQLCMDSERVER', 'host');
  envTarget(targets, options.env, 'SQLCMDDBNAME', 'database');
  for (const target of targets) if (target.where === 'SQLCMDSERVER') target.value = serverName(target.value);

  const sources: StatementSource[] = read.options.flatMap((found): StatementSource[] => {
    if (found.value === undefined || found.at === undefined) return [];
    if (found.name === 'query' || found.name === 'query-and-exit') return [{ kind: 'word', text: found.value, at: found.at, written: found.written }];
    if (found.name === 'input-file')
      return found.value.split(',').map((path) => ({ kind: 'file', path: path.trim(), at: found.at as number, written: found.written }));
    return [];
  });
  // -q runs its query and then reads more from standard input.
  if ((sources.length === 0 || (has(read, 'query') && options.stdin !== undefined)) && !has(read, 'help')) sources.push({ kind: 'stdin' });
  const { destructive, unread } = readSqlClient('sqlcmd', sources, 'tsql', options);
  return { client: 'sqlcmd', destructive, ...(unread === undefined ? {} : { unread }), targets };
}
