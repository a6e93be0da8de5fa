// Hands JSON to the scanner a chunk at a time, and says what the scanner makes of all of it.
import { InputError } from '../../src/errors.js';
import { checkedChunks } from '../../src/inputs/checked-chunks.js';
import { JsonScanner, type ByteSource } from '../../src/inputs/json-scanner.js';

/**
 * The text in chunks of `size` bytes (1 puts a boundary between every two bytes), each a fresh copy; cut as the CLI
 * cuts them (between characters, through checkedChunks) unless `raw`, which may split a character.
 */
export function chunked(text: string | Buffer, size: number, { raw = false } = {}): ByteSource {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  let offset = 0;
  const source: ByteSource = {
    read: () => {
      if (offset >= bytes.length) return null;
      const chunk = Buffer.from(bytes.subarray(offset, offset + size));
      offset += size;
      return chunk;
    },
  };
  return raw ? source : checkedChunks(source, 'plan.json');
}

/** The scanner's refusal of every document of the text (read in chunks, as `chunked`), or undefined when it reads them all. */
export function scannerVerdict(text: string | Buffer, size: number, options: { raw?: boolean } = {}): string | undefined {
  try {
    const scanner = new JsonScanner(chunked(text, size, options), 'plan.json');
    while (scanner.hasDocument()) scanner.skipValue();
    scanner.refuseDuplicateKey();
    return undefined;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.message;
  }
}
