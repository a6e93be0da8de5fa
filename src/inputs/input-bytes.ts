// One input's bytes as a format's reader receives them: the head already read (to detect the format), the rest to
// read whole or to stream, and a second read from the start where the input allows one.
import { InputError } from '../errors.js';
import type { ByteSource } from './json-scanner.js';

export interface InputBytes {
  /** The path as given (`-` for standard input). */
  path: string;
  /** The name reports use (`<stdin>` for standard input). */
  name: string;
  /** The report index the input's first analysis gets (a stream of plans gives several). */
  firstIndex: number;
  /** The chunks read so far, from the start; `ended` when they are the whole input. */
  head: Buffer[];
  ended: boolean;
  /** The size in bytes when known in advance (a regular file). */
  size: number | undefined;
  /** Inputs up to this size are parsed whole; larger ones are streamed. */
  inMemoryLimit: number;
  /** Whether `open` may be called twice (a file can be opened again; standard input cannot). */
  rereadable: boolean;
  /** The bytes from the start: the first call goes on from the head, a later one reads the input again. */
  open(): ByteSource;
}

/** Reads (copies of) chunks until there are more than `limit` bytes or the input ends. */
export function readHead(source: ByteSource, limit: number): { chunks: Buffer[]; ended: boolean } {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= limit) {
    const chunk = source.read();
    if (chunk === null) return { chunks, ended: true };
    chunks.push(Buffer.from(chunk));
    total += chunk.length;
  }
  return { chunks, ended: false };
}

/** The chunks read, then the rest of the source, as one buffer; more than `limit` bytes is an InputError naming the input. */
export function readRest(chunks: Buffer[], source: ByteSource, limit = Infinity, name = ''): Buffer {
  let total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  for (let chunk = source.read(); chunk !== null; chunk = source.read()) {
    total += chunk.length;
    if (total > limit)
      throw new InputError(
        `${name} is larger than ${limit / 1024 / 1024} MiB, which no input read whole comes near (only a JSON plan is streamed): it is refused.`,
      );
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** The whole input, at most `limit` bytes: the head and what follows it. */
export function wholeInput(input: InputBytes, limit = Infinity): Buffer {
  return readRest([], input.open(), limit, input.name);
}

/** Whether bytes start with a UTF-16 byte-order mark (PowerShell's `>`). */
export const startsWithUtf16Bom = (bytes: Buffer): boolean =>
  bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
