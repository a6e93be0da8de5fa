// Reads a redis-cli invocation: the command in its words after the options (or each line of standard input when
// there is none), FLUSHALL and FLUSHDB being destructive (a DEL or UNLINK of named keys is not counted); a Lua script
// given to --eval is read for the same calls. Where it connects: -h, -n, and the host and database of -u's URI; the
// password (-a, --pass, the URI's) is left out.
import { lastOf, option, readWholeWords, switches, type OptionTable } from './client-options.js';
import { addTarget, isComputed, wordTarget } from './connection-targets.js';
import type { DatabaseCommand, DatabaseTarget, ReadOptions } from './database-command.js';
import { readStatementFile } from './statement-source.js';

const VALUE_OPTIONS = [
  '-p',
  '-t',
  '-s',
  '-r',
  '-i',
  '-X',
  '-d',
  '-D',
  '--user',
  '--lru-test',
  '--pattern',
  '--count',
  '--quoted-pattern',
  '--intrinsic-latency',
  '--pipe-timeout',
  '--memkeys-samples',
  '--keystats-samples',
  '--cursor',
  '--top',
  '--sni',
  '--cacertdir',
  '--cacert',
  '--cert',
  '--key',
  '--tls-ciphers',
  '--tls-ciphersuites',
];
/** The modes below that take no value. */
const MODE_SWITCHES = [
  '--scan',
  '--bigkeys',
  '--memkeys',
  '--hotkeys',
  '--keystats',
  '--stat',
  '--latency',
  '--latency-history',
  '--latency-dist',
  '--replica',
  '--slave',
];
/** Help and version, which run nothing either. */
const ABOUT = ['--help', '-v', '--version'];
/** Modes that send no command of the caller's: scans, statistics, latency tests, replication and backups. */
const MODES = [
  ...MODE_SWITCHES,
  '--rdb',
  '--functions-rdb',
  '--lru-test',
  '--intrinsic-latency',
  '--memkeys-samples',
  '--keystats-samples',
  '--cluster',
  ...ABOUT,
];

const REDIS_OPTIONS: OptionTable = {
  ...option(['-h'], 'host', 'value'),
  ...option(['-n'], 'db', 'value'),
  ...option(['-u'], 'uri', 'value'),
  ...option(['-a', '--pass'], 'password', 'value'),
  ...option(['--eval'], 'eval', 'value'),
  ...option(['--rdb', '--functions-rdb', '--cluster'], 'mode', 'value'),
  ...Object.fromEntries(VALUE_OPTIONS.map((written) => [written, { name: written, arity: 'value' as const }])),
  ...switches([
    '-x',
    '-c',
    '-e',
    '-2',
    '-3',
    '-4',
    '-6',
    '--raw',
    '--no-raw',
    '--csv',
    '--json',
    '--quoted-json',
    '--quoted-input',
    '--no-auth-warning',
    '--askpass',
    '--pipe',
    '--ldb',
    '--ldb-sync-mode',
    '--verbose',
    '--mono',
    '--tls',
    '--insecure',
    ...MODE_SWITCHES,
    ...ABOUT,
  ]),
};

const FLUSHES = new Set(['FLUSHALL', 'FLUSHDB']);

/** FLUSHALL or FLUSHDB as the first word of a line of commands (or of the protocol --pipe sends). */
function flushesIn(lines: string): string[] {
  const found = lines.split('\n').map(
    (line) =>
      line
        .trim()
        .split(/\s+/)[0]
        ?.replace(/^["']|["']$/g, '')
        .toUpperCase() ?? '',
  );
  return [...new Set(found.filter((word) => FLUSHES.has(word)))];
}

/** `redis.call('FLUSHALL')` and `redis.pcall("flushdb")` in a Lua script. */
function flushesInLua(script: string): string[] {
  const found = [...script.matchAll(/redis\s*\.\s*p?call\s*\(\s*["'](flushall|flushdb)["']/gi)].map((match) => match[1].toUpperCase());
  return [...new Set(found)];
}

export function readRedisCli(words: readonly string[], options: ReadOptions): DatabaseCommand {
  const read = readWholeWords(words, REDIS_OPTIONS);
  const targets: DatabaseTarget[] = [];
  const uri = lastOf(read, 'uri');
  if (uri?.value !== undefined) wordTarget(targets, uri.value, uri.at as number, { what: 'url variable', where: uri.written, takesUri: true }, options);
  const host = lastOf(read, 'host');
  if (host?.value !== undefined) wordTarget(targets, host.value, host.at as number, { what: 'host', where: host.written, takesUri: false }, options);
  const db = lastOf(read, 'db');
  if (db?.value !== undefined) addTarget(targets, { what: 'database', value: db.value, where: db.written });

  const result: DatabaseCommand = { client: 'redis-cli', destructive: [], targets };
  const command = read.operands[0];
  const script = lastOf(read, 'eval');
  if (script?.value !== undefined) {
    const text = isComputed(script.value, script.at as number, options)
      ? { unread: 'redis-cli --eval runs a Lua script whose name the shell computes, so blast-radius cannot read it.' }
      : readStatementFile('redis-cli', script.value, options);
    if ('text' in text) result.destructive.push(...flushesInLua(text.text));
    else result.unread = text.unread;
  } else if (command !== undefined) {
    if (isComputed(command.word, command.at, options))
      result.unread = 'The command given to redis-cli is computed by the shell, so blast-radius cannot read it.';
    else if (FLUSHES.has(command.word.toUpperCase())) result.destructive.push(command.word.toUpperCase());
  } else if (!read.options.some((found) => MODES.includes(found.written))) {
    if (options.stdin !== undefined) result.destructive.push(...flushesIn(options.stdin));
    else result.unread = 'redis-cli reads its commands from standard input, which blast-radius did not see.';
  }
  return result;
}
