// Decoding input bytes: BOMs and UTF-16 are read; empty, binary and invalid UTF-8 input is refused.
import { decodeText } from '../../src/inputs/decode-text.js';
import { isZipArchive } from '../../src/inputs/is-zip-archive.js';

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from('{"é": 1}', 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"é": 1}', 'utf8')])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"é": 1}', 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('{"é": 1}', 'utf16le').swap16()])],
  ])('reads %s', (_name, bytes) => {
    expect(decodeText(bytes, 'f')).toBe('{"é": 1}');
  });

  it.each([
    ['empty', Buffer.alloc(0), /is empty/],
    ['blank', Buffer.from(' \r\n '), /is empty/],
    ['binary', Buffer.from([0x01, 0x00, 0x02]), /binary data/],
    ['invalid UTF-8', Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), /not valid UTF-8/],
    ['UTF-16 holding NUL', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{\u0000}', 'utf16le')]), /NUL/],
  ])('refuses %s input', (_name, bytes, message) => {
    expect(() => decodeText(bytes, 'f')).toThrow(message);
  });
});

describe('isZipArchive', () => {
  it('recognizes the zip signature of binary plans', () => {
    expect(isZipArchive(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe(true);
    expect(isZipArchive(Buffer.from('PK'))).toBe(false);
    expect(isZipArchive(Buffer.from('{"format_version"'))).toBe(false);
  });
});
