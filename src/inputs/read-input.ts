// Reads one input (a file path, or `-` for standard input) into bytes, failing with a sentence that names it.
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';

export const STDIN = '-';

/** The name reports use for an input: the path as given, or `<stdin>`. */
export function displayName(path: string): string {
  return path === STDIN ? '<stdin>' : path;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function readInputBytes(path: string): Promise<Buffer> {
  if (path === STDIN) return readStdin();
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: no such file.`);
    if (code === 'EISDIR') throw new InputError(`${path} is a directory, not a plan file.`);
    if (code === 'EACCES') throw new InputError(`${path} cannot be read: permission denied.`);
    throw new InputError(`${path} cannot be read: ${code ?? 'unknown error'}.`);
  }
}
