// The fingerprint's SHA-256: the FIPS 180-4 test vectors, and a text's UTF-8 bytes (not its UTF-16 units) are hashed.
import { sha256Hex } from '../../src/approvals/sha256.js';

it('gives the FIPS 180-4 test vectors', () => {
  expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
});

it('hashes the UTF-8 bytes of the text', () => {
  // `printf '\xc3\xa9' | sha256sum`: the two bytes of "é" in UTF-8, not its one UTF-16 unit (E9).
  expect(sha256Hex('é')).toBe('4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
});
