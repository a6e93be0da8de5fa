// Reads a mongosh or mongo invocation: the scripts of --eval, --file and the .js arguments (and of standard input
// when none is given), and where it connects: the address argument (a URI, `host:port/db` or a database name) and
// --host (a host list, `replicaSet/host,…`, or a URI). The user and password are left out.
import { has, lastOf, option, readClientWords, switches, type OptionTable } from './client-options.js';
import { addTarget, isComputed, wordTarget } from './connection-targets.js';
import { isConnectionUri } from './connection-uri.js';
import type { DatabaseCommand, DatabaseTarget, ReadOptions } from './database-command.js';
import { destructiveMongo } from './mongo-script.js';
import { readSources, type StatementSource } from './statement-source.js';

const VALUE_OPTIONS = [
  '--port',
  '--authenticationDatabase',
  '--authenticationMechanism',
  '--tlsCAFile',
  '--tlsCertificateKeyFile',
  '--tlsCertificateKeyFilePassword',
  '--tlsCertificateSelector',
  '--tlsCRLFile',
  '--tlsDisabledProtocols',
  '--sslCAFile',
  '--sslPEMKeyFile',
  '--sslPEMKeyPassword',
  '--awsAccessKeyId',
  '--awsSecretAccessKey',
  '--awsSessionToken',
  '--awsIamSessionToken',
  '--gssapiServiceName',
  '--gssapiHostName',
  '--sspiHostnameCanonicalization',
  '--sspiRealmOverride',
  '--apiVersion',
  '--keyVaultNamespace',
  '--kmsURL',
  '--csfleLibraryPath',
  '--cryptSharedLibPath',
  '--oidcFlows',
  '--oidcRedirectUri',
  '--browser',
];

const MONGO_OPTIONS: OptionTable = {
  ...option(['--eval'], 'eval', 'value'),
  ...option(['-f', '--file'], 'file', 'value'),
  ...option(['--host'], 'host', 'value'),
  ...option(['-u', '--username'], 'username', 'value'),
  ...option(['-p', '--password'], 'password', 'value'),
  ...option(['--json', '--retryWrites', '--deepInspect'], 'attached', 'attached'),
  ...option(['-h', '--help', '--version', '--build-info'], 'help', 'switch'),
  ...Object.fromEntries(VALUE_OPTIONS.map((written) => [written, { name: written.slice(2), arity: 'value' as const }])),
  ...switches([
    '--shell',
    '--nodb',
    '--norc',
    '--quiet',
    '--verbose',
    '--tls',
    '--ssl',
    '--tlsAllowInvalidHostnames',
    '--tlsAllowInvalidCertificates',
    '--tlsUseSystemCA',
    '--apiStrict',
    '--apiDeprecationErrors',
    '--ipv6',
    '--oidcTrustedEndpoint',
    '--oidcIdTokenAsAccessToken',
    '--oidcNoNonce',
    '--exposeAsyncRewriter',
  ]),
};

/** `rs0/db1:27017,db2:27017`, or a URI. */
function hostOption(targets: DatabaseTarget[], value: string, at: number, written: string, options: ReadOptions): void {
  if (isComputed(value, at, options) || isConnectionUri(value)) {
    wordTarget(targets, value, at, { what: 'host', where: written, takesUri: true }, options);
    return;
  }
  const list = value.slice(value.indexOf('/') + 1);
  for (const host of list.split(',')) if (host !== '') addTarget(targets, { what: 'host', value: host.replace(/:\d+$/, ''), where: written });
}

/** The address argument: a URI, `host[:port]/database`, or a database name. */
function address(targets: DatabaseTarget[], word: string, at: number, options: ReadOptions): void {
  if (isComputed(word, at, options) || isConnectionUri(word)) {
    wordTarget(targets, word, at, { what: 'database', where: 'argument', takesUri: true }, options);
    return;
  }
  const slash = word.indexOf('/');
  if (slash >= 0) {
    addTarget(targets, { what: 'host', value: word.slice(0, slash).replace(/:\d+$/, ''), where: 'argument' });
    addTarget(targets, { what: 'database', value: word.slice(slash + 1), where: 'argument' });
  } else if (/^[^:]+:\d+$/.test(word) || /^\d+\.\d+\.\d+\.\d+$/.test(word))
    addTarget(targets, { what: 'host', value: word.replace(/:\d+$/, ''), where: 'argument' });
  else addTarget(targets, { what: 'database', value: word, where: 'argument' });
}

export function readMongosh(words: readonly string[], options: ReadOptions): DatabaseCommand {
  const client = words[0];
  const read = readClientWords(words, MONGO_OPTIONS);
  const targets: DatabaseTarget[] = [];
  const host = lastOf(read, 'host');
  if (host?.value !== undefined) hostOption(targets, host.value, host.at as number, host.written, options);
  const [first, ...rest] = read.operands;
  const files = first !== undefined && /\.js$/i.test(first.word) ? read.operands : rest;
  if (first !== undefined && files[0] !== first) address(targets, first.word, first.at, options);

  const sources: StatementSource[] = [
    ...read.options.flatMap((found): StatementSource[] => {
      if (found.value === undefined || found.at === undefined) return [];
      if (found.name === 'eval') return [{ kind: 'word', text: found.value, at: found.at, written: found.written }];
      if (found.name === 'file') return [{ kind: 'file', path: found.value, at: found.at, written: found.written }];
      return [];
    }),
    ...files.map((file): StatementSource => ({ kind: 'file', path: file.word, at: file.at, written: 'argument' })),
  ];
  if (sources.length === 0 && !has(read, 'help')) sources.push({ kind: 'stdin' });
  const { texts, unread } = readSources(client, sources, options);
  const destructive = [...new Set(texts.flatMap(destructiveMongo))];
  return { client, destructive, ...(unread === undefined ? {} : { unread }), targets };
}
