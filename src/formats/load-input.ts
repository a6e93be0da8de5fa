// Loads one input path into analyzed inputs: reads its head, picks its format (the one given, else the first in the
// table that detects it) and hands the bytes to that format's reader.
import { openInputSource, prependChunks, type InputSource } from '../inputs/byte-source.js';
import { readHead, type InputBytes } from '../inputs/input-bytes.js';
import type { ByteSource } from '../inputs/json-scanner.js';
import { STDIN, displayName, type AnalyzedInput } from '../model.js';
import { DETECTION_BYTES, chooseFormat, inputHead } from './choose-format.js';
import type { InputFormatId } from './index.js';
import type { ReadOptions } from './input-format.js';

/**
 * Inputs up to this size are parsed whole: JSON.parse is fastest there and the memory it takes is small. Larger
 * ones are streamed (the scanner is faster than JSON.parse on them too, and V8 cannot hold a string over ~512 MB).
 */
export const IN_MEMORY_LIMIT = 4 * 1024 * 1024;

export interface LoadOptions extends ReadOptions {
  /** The input's format; by default each input's is detected from its content. */
  inputFormat?: InputFormatId;
}

/**
 * Reads chunks until the head holds DETECTION_BYTES or the input ends, beyond the `limit` readHead stopped at; the head
 * stays marked as not ended, so that the reader streams what it would have streamed (an input read to its end once
 * reads as ended again).
 */
function extendHead(head: { chunks: Buffer[]; ended: boolean }, source: ByteSource): void {
  let total = head.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  while (!head.ended && total < DETECTION_BYTES) {
    const chunk = source.read();
    if (chunk === null) return;
    head.chunks.push(Buffer.from(chunk));
    total += chunk.length;
  }
}

/**
 * Returns one AnalyzedInput per document in the file: a stream of concatenated plans (terragrunt) gives several,
 * named `file#1`, `file#2` …; `firstIndex` is the index the first one gets in the report.
 */
export async function loadInput(path: string, firstIndex: number, options: LoadOptions = {}): Promise<AnalyzedInput[]> {
  const name = displayName(path);
  const inMemoryLimit = options.inMemoryLimit ?? IN_MEMORY_LIMIT;
  const source = openInputSource(path);
  const opened: InputSource[] = [source];
  try {
    const head = readHead(source, inMemoryLimit);
    extendHead(head, source);
    const format = chooseFormat(inputHead(head.chunks), name, options.inputFormat);
    const input: InputBytes = {
      path,
      name,
      firstIndex,
      head: head.chunks,
      ended: head.ended,
      size: source.size,
      inMemoryLimit,
      rereadable: path !== STDIN,
      /** The first read goes on from the chunks already read; a second one opens the file again. */
      open: () => {
        if (opened.length === 1) {
          opened.push(source);
          return prependChunks(head.chunks.splice(0), source);
        }
        const again = openInputSource(path);
        opened.push(again);
        return again;
      },
    };
    return await format.read(input, options);
  } finally {
    for (const input of new Set(opened)) input.close();
  }
}
