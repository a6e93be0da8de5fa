// The approvals store: a JSON file outside the repository (under the user's configuration directory by default),
// read only when a report blocks, and written atomically with mode 0600 by `blast-radius approve`.
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../errors.js';
import { FINGERPRINT_PATTERN } from './fingerprint-format.js';

/** Names the store file instead of the default; the agent hooks refuse commands that set it. */

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

/**
 * Approvals are a person's word: only a store file and directory that are the user's own (or root's), no link, and
 * writable by nobody else are read. Anything else is refused with a sentence saying what to do.
 */
function requireOwnStore(path: string): void {
  if (process.platform === 'win32') return;
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  for (const [what, target] of [
    ['approvals store', path],
    ['directory of the approvals store', dirname(path)],
  ] as const) {
    const stats = lstatSync(target);
    if (stats.isSymbolicLink())
      throw new ConfigError(
        `The ${what} ${target} is a symbolic link: blast-radius reads approvals only from a real file in a real directory; remove the link.`,
      );
    if (stats.uid !== uid && stats.uid !== 0)
      throw new ConfigError(`The ${what} ${target} belongs to another user: blast-radius honours only your own approvals; remove it.`);
    if ((stats.mode & 0o022) !== 0)
      throw new ConfigError(
        `The ${what} ${target} is writable by other users: run \`chmod ${what === 'approvals store' ? '600' : '700'} ${target}\`, or remove it.`,
      );
  }
}

/** Removes the approvals of a fingerprint once a guarded run has used one: an approval is for one run, not a standing permission. */
export function useApproval(path: string, fingerprint: string): void {
  const approvals = readApprovals(path);
  if (approvals.some((approval) => approval.fingerprint === fingerprint))
    writeApprovals(
      path,
      approvals.filter((approval) => approval.fingerprint !== fingerprint),
    );
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
  requireOwnStore(path);
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
