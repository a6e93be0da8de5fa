// Reads a small local file (a credentials file, a kubeconfig, a statements file) as text, or says in one sentence why it cannot.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

/** Files larger than this are refused, not read: no credentials or statements file blast-radius reads comes near it. */
export const MAX_SMALL_FILE_BYTES = 1024 * 1024;

export type SmallFileText = { status: 'read'; text: string } | { status: 'missing' } | { status: 'unreadable'; problem: string };

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Opens without blocking (a FIFO would otherwise hang), refuses anything that is not a regular file or is over
 * the limit, and decodes UTF-8 without its BOM. Error sentences name the problem, never the file's content.
 */
export function readSmallFile(path: string, limit = MAX_SMALL_FILE_BYTES): SmallFileText {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'missing' };
    if (code === 'EACCES' || code === 'EPERM') return { status: 'unreadable', problem: 'it cannot be opened (permission denied)' };
    if (code === 'EISDIR') return { status: 'unreadable', problem: 'it is a directory, not a file' };
    return { status: 'unreadable', problem: `it cannot be opened (${code ?? 'unknown error'})` };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { status: 'unreadable', problem: 'it is a directory, not a file' };
    if (!stat.isFile()) return { status: 'unreadable', problem: 'it is not a regular file' };
    if (stat.size > limit) return { status: 'unreadable', problem: `it is larger than ${limit / 1024 / 1024} MB, so it was not read` };
    const text = readFileSync(fd, 'utf8');
    return { status: 'read', text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch (error) {
    return { status: 'unreadable', problem: `it cannot be read (${errorCode(error) ?? 'unknown error'})` };
  } finally {
    closeSync(fd);
  }
}
