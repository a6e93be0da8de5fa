// The fingerprint's SHA-256 gives node:crypto's digest: the standard test vectors, block-boundary lengths, any text.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256Hex } from '../../src/approvals/sha256.js';
import { SEED } from '../properties/fuzz-options.js';

const reference = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

it('gives the FIPS 180-4 test vectors', () => {
  expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
});

it.each([55, 56, 63, 64, 65, 119, 120, 128, 1000])('agrees with node:crypto on %i bytes (padding across block boundaries)', (length) => {
  expect(sha256Hex('x'.repeat(length))).toBe(reference('x'.repeat(length)));
});

it('agrees with node:crypto on any text, multi-byte characters included', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => sha256Hex(text) === reference(text)),
    { seed: SEED, numRuns: 300 },
  );
});
