// Reads an input (a file, standard input, or bytes already in memory) a chunk at a time, synchronously, so that a
// plan of any size passes through a fixed amount of memory.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { ByteSource } from './json-scanner.js';

/** The size of each read: large enough that a read costs little next to scanning it. */
export const CHUNK_SIZE = 1 << 20;

export interface InputSource extends ByteSource {
  /** The size in bytes when known in advance (a regular file). Each chunk read is valid until the next read. */
  readonly size: number | undefined;
  close(): void;
}

/** Waits a little while a non-blocking standard input has nothing yet. */
function pause(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

/** Reads into one buffer, reused: a chunk is valid until the next read. */
function chunkReader(fd: number): () => Buffer | null {
  const chunk = Buffer.allocUnsafe(CHUNK_SIZE);
  return () => readChunk(fd, chunk);
}

function readChunk(fd: number, chunk: Buffer): Buffer | null {
  for (;;) {
    try {
      const count = readSync(fd, chunk, 0, CHUNK_SIZE, null);
      return count === 0 ? null : chunk.subarray(0, count);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') pause(5);
      else if (code === 'EOF') return null;
      else throw error;
    }
  }
}

function openFailure(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(`${path}: no such file.`);
  if (code === 'EISDIR') return new InputError(`${path} is a directory, not a plan file.`);
  if (code === 'EACCES') return new InputError(`${path} cannot be read: permission denied.`);
  return new InputError(`${path} cannot be read: ${code ?? 'unknown error'}.`);
}

/** Opens a file, or standard input for `-`; a missing file or a directory is an InputError naming it. */
export function openInputSource(path: string): InputSource {
  if (path === '-') return { size: undefined, read: chunkReader(0), close: () => undefined };
  let fd: number;
  try {
    fd = openSync(path, 'r');
    const stats = fstatSync(fd);
    if (stats.isDirectory()) {
      closeSync(fd);
      throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    }
    const read = chunkReader(fd);
    return {
      size: stats.isFile() ? stats.size : undefined,
      read: () => {
        try {
          return read();
        } catch (error) {
          throw openFailure(path, error);
        }
      },
      close: () => closeSync(fd),
    };
  } catch (error) {
    throw openFailure(path, error);
  }
}

/** The chunks already read (handed out once each, then let go), then the rest of the source. */
export function prependChunks(chunks: Buffer[], rest: ByteSource): ByteSource {
  return { read: () => chunks.shift() ?? rest.read() };
}
