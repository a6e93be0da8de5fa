// Judges a database client's invocation (psql, mysql, sqlcmd, mongosh, redis-cli, cqlsh …): destructive statements
// (DROP, TRUNCATE, DELETE or UPDATE without WHERE, FLUSHALL, dropDatabase …) against a production host, database or
// URL variable are refused; against one nothing names, blast-radius cannot tell; elsewhere they pass. Statements it
// cannot read (a pipe, a computed word) sent to production cannot be told either.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readSmallFile } from '../files/read-small-file.js';
import { judgeEvidence, type Evidence } from './cli/evidence.js';
import { readDatabaseCommand, type DatabaseTarget } from './database/read-database-command.js';
import type { ToolContext, ToolReader } from './destructive.js';

/** Larger files are not read (the reader says so): statements that big are no agent's one-off command. */
const MAX_FILE_BYTES = 1024 * 1024;

function fileReader(cwd: string): (path: string) => string | undefined {
  return (path) => {
    try {
      const full = resolve(cwd, path);
      if (statSync(full).size > MAX_FILE_BYTES) return 'x'.repeat(MAX_FILE_BYTES + 1);
      // The one small-file reader opens without blocking: a FIFO named as the statements file cannot hang the hook.
      const file = readSmallFile(full, MAX_FILE_BYTES);
      return file.status === 'read' ? file.text : undefined;
    } catch {
      return undefined;
    }
  };
}

const evidenceOf = (target: DatabaseTarget): Evidence => ({
  what: target.what === 'url variable' ? 'variable' : target.what,
  value: target.value,
  where: target.where,
});

const named = (targets: DatabaseTarget[]): string => (targets.length > 0 ? ` (${targets.map((target) => `${target.what} ${target.value}`).join(', ')})` : '');

const INSTEAD = 'Make the change through a reviewed migration, or ask the user to run it; to look first, run a SELECT or count of what it would remove.';

export const databaseVerdict: ToolReader = (words, context?: ToolContext) => {
  const read = readDatabaseCommand(words, {
    env: context?.env ?? {},
    readFile: fileReader(context?.cwd ?? process.cwd()),
    ...(context?.stdin === undefined ? {} : { stdin: context.stdin }),
    wordIsComputed: (index) => context?.computed?.[index] ?? false,
  });
  if (read === undefined || (read.destructive.length === 0 && read.unread === undefined)) return undefined;
  const verdict = judgeEvidence(read.targets.map(evidenceOf), [], context?.config);
  const client = `\`${read.client}\`${named(read.targets)}`;
  if (read.destructive.length === 0) {
    // Unread statements are no reason to stop a command outside production: most psql sessions read a file or a pipe.
    if (verdict.kind !== 'protected') return undefined;
    return {
      why: `${client} runs statements blast-radius cannot read against ${verdict.environment}, because ${verdict.reason}: ${read.unread as string}`,
      instead: INSTEAD,
      cannotTell: true,
    };
  }
  const statements = `runs ${read.destructive.join(', ')}`;
  if (verdict.kind !== 'protected' && context?.configError !== undefined) {
    return {
      why: `${client} ${statements}, and blast-radius cannot tell where, because its configuration cannot be read: ${context.configError}`,
      instead: 'Fix the configuration file, or ask the user to run it.',
      cannotTell: true,
    };
  }
  if (verdict.kind === 'unprotected') return undefined;
  if (verdict.kind === 'unknown')
    return {
      why: `${client} ${statements}, and blast-radius cannot tell whether that database is production: ${verdict.reason}.`,
      instead: INSTEAD,
      cannotTell: true,
    };
  return {
    why: `${client} ${statements} in ${verdict.environment}, because ${verdict.reason}; what it removes comes back only from a backup.`,
    instead: INSTEAD,
  };
};
