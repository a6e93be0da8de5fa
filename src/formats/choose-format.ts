// Picks the format that reads an input: the one named, else the first in the table whose detect() claims its head.
import { InputError } from '../errors.js';
import { startsWithUtf16Bom } from '../inputs/input-bytes.js';
import { FALLBACK_FORMAT, INPUT_FORMATS, type InputFormatId } from './index.js';
import type { InputFormat, InputHead } from './input-format.js';

/** How much of an input detection looks at: every format shows itself within it. */
export const DETECTION_BYTES = 64 * 1024;

/** The head decoded as text for detection, without its byte-order mark: leniently, since a reader decodes the whole input strictly. */
export function inputHead(chunks: Buffer[]): InputHead {
  const first: Buffer[] = [];
  for (let i = 0, total = 0; i < chunks.length && total < DETECTION_BYTES; total += chunks[i].length, i++) first.push(chunks[i]);
  const bytes = Buffer.concat(first).subarray(0, DETECTION_BYTES);
  if (!startsWithUtf16Bom(bytes)) return { bytes, text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
  const even = bytes.subarray(2, bytes.length - (bytes.length % 2));
  const text = bytes[0] === 0xff ? even.toString('utf16le') : Buffer.from(even).swap16().toString('utf16le');
  return { bytes, text };
}

/** The format that reads an input: the one given, else the first that detects it, else the fallback. */
export function chooseFormat(head: InputHead, name: string, given: InputFormatId | undefined): InputFormat {
  if (given !== undefined) return INPUT_FORMATS[given];
  const formats: InputFormat[] = Object.values(INPUT_FORMATS);
  const detected = formats.find((format) => format.detect(head));
  if (detected) return detected;
  for (const format of formats) {
    const sentence = format.undetectedSentence?.(head, name);
    if (sentence !== undefined) throw new InputError(sentence);
  }
  return FALLBACK_FORMAT;
}
