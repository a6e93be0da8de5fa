// Checks the chunks of a streamed input as they pass: refuses NUL bytes (binary data) and invalid UTF-8, skips a
// UTF-8 byte-order mark, and cuts chunks on character boundaries so that no character is split between two.
import { isUtf8 } from 'node:buffer';
import { InputError } from '../errors.js';
import type { ByteSource } from './json-scanner.js';

/** How many bytes at the end of the chunk begin a character that continues in the next chunk. */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/** Wraps a source; `onRead(bytes)` hears how many bytes have passed (for a progress bar). */
export function checkedChunks(source: ByteSource, name: string, onRead?: (bytes: number) => void): ByteSource {
  let carry: Buffer | undefined;
  let first = true;
  let total = 0;
  return {
    read: () => {
      for (;;) {
        const raw = source.read();
        if (raw === null) {
          if (carry !== undefined) throw new InputError(`${name} is not valid UTF-8 text: it is damaged or in an encoding blast-radius does not read.`);
          return null;
        }
        total += raw.length;
        onRead?.(total);
        let chunk = carry === undefined ? raw : Buffer.concat([carry, raw]);
        carry = undefined;
        if (first && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
        first = false;
        if (chunk.includes(0)) throw new InputError(`${name} is binary data, not text: expected the output of \`terraform show -json\`.`);
        const tail = incompleteTail(chunk);
        if (tail > 0) {
          carry = Buffer.from(chunk.subarray(chunk.length - tail));
          chunk = chunk.subarray(0, chunk.length - tail);
        }
        if (!isUtf8(chunk)) throw new InputError(`${name} is not valid UTF-8 text: it is damaged or in an encoding blast-radius does not read.`);
        if (chunk.length > 0) return chunk;
      }
    },
  };
}
