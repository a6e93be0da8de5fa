// The approvals store: a JSON file outside the repository (under the user's configuration directory by default),
// read only when a report blocks, and written atomically with mode 0600 by `blast-radius approve`.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { ConfigError } from '../errors.js';
import { FINGERPRINT_PATTERN } from './fingerprint-format.js';

/** Names the store file instead of the default; the agent hooks refuse commands that set it. */
export const STORE_VARIABLE = 'BLAST_RADIUS_APPROVALS';

export interface Approval {
  fingerprint: string;
  /** The OS user who confirmed it. */
  user: string;
  /** git user.email where the approval was made, when set. */
  email?: string;
  reason: string;
  /** The protected environments the approved change destroys in, as the person typed one of them. */
  environments: string[];
  /** ISO 8601 times. */
  approvedAt: string;
  expires: string;
}

/**
 * `$BLAST_RADIUS_APPROVALS`, else `$XDG_CONFIG_HOME/blast-radius/approvals.json`, else
 * `~/.config/blast-radius/approvals.json`: outside any repository an agent edits.
 */
export function approvalsPath(env: NodeJS.ProcessEnv, home: string = homedir()): string {
  const named = env[STORE_VARIABLE];
  if (named) return named;
  const config = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, 'blast-radius', 'approvals.json');
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function toApproval(entry: unknown): Approval | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { fingerprint, user, email, reason, environments, approvedAt, expires } = entry as Record<string, unknown>;
  if (!isString(fingerprint) || !FINGERPRINT_PATTERN.test(fingerprint) || !isString(user) || !isString(reason)) return undefined;
  if (!isString(approvedAt) || !isString(expires) || Number.isNaN(Date.parse(approvedAt)) || Number.isNaN(Date.parse(expires))) return undefined;
  if (!Array.isArray(environments) || !environments.every(isString)) return undefined;
  if (email !== undefined && !isString(email)) return undefined;
  return { fingerprint, user, ...(email !== undefined ? { email } : {}), reason, environments, approvedAt, expires };
}

/** Every approval in the store; none when the file does not exist. A damaged or shared-writable file is a ConfigError. */
export function readApprovals(path: string): Approval[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ConfigError(`The approvals store ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o022) !== 0) {
    throw new ConfigError(`The approvals store ${path} is writable by other users: run \`chmod 600 ${path}\`, or remove it.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError(`The approvals store ${path} is not valid JSON: remove it (approvals are made again with blast-radius approve).`);
  }
  const list = (parsed as { version?: unknown; approvals?: unknown } | null)?.approvals;
  const approvals = Array.isArray(list) && (parsed as { version?: unknown }).version === 1 ? list.map(toApproval) : [undefined];
  if (approvals.some((a) => a === undefined)) {
    throw new ConfigError(`The approvals store ${path} does not hold approvals in the format blast-radius writes: remove it.`);
  }
  return approvals as Approval[];
}

/** Writes the store whole: a private temporary file beside it, flushed, then renamed over it (mode 0600, directory 0700). */
export function writeApprovals(path: string, approvals: readonly Approval[]): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  const descriptor = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(descriptor, `${JSON.stringify({ version: 1, approvals }, null, 2)}\n`);
    fsyncSync(descriptor);
  } catch (error) {
    closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(descriptor);
  renameSync(temporary, path);
}
