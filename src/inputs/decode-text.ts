// Turns input bytes into text: honours UTF-8 and UTF-16 byte-order marks, refuses empty and binary input.
import { InputError } from '../errors.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function decodeUtf16BigEndian(bytes: Buffer): string {
  const swapped = Buffer.from(bytes.subarray(2));
  swapped.swap16();
  return swapped.toString('utf16le');
}

/**
 * Decodes an input to a string. PowerShell's `>` writes UTF-16 with a byte-order mark, so that is read as well;
 * anything else holding NUL bytes is binary and refused.
 */
export function decodeText(bytes: Buffer, name: string): string {
  if (bytes.length === 0 || bytes.toString('latin1').trim() === '') {
    throw new InputError(`${name} is empty: expected the output of \`terraform show -json\`.`);
  }
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) {
    if (bytes.length % 2 !== 0) throw new InputError(`${name} is UTF-16 text with an odd number of bytes: it is truncated.`);
    text = bytes.subarray(2).toString('utf16le');
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    if (bytes.length % 2 !== 0) throw new InputError(`${name} is UTF-16 text with an odd number of bytes: it is truncated.`);
    text = decodeUtf16BigEndian(bytes);
  } else {
    const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
    if (body.includes(0)) throw new InputError(`${name} is binary data, not text: expected the output of \`terraform show -json\`.`);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      throw new InputError(`${name} is not valid UTF-8 text: it is damaged or in an encoding blast-radius does not read.`);
    }
  }
  if (text.includes('\u0000')) throw new InputError(`${name} contains NUL characters: it is not a plan in JSON.`);
  return text;
}
