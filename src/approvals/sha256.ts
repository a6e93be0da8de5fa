// SHA-256 of a text's UTF-8 bytes, as hexadecimal: the hash of the fingerprint and of the GitLab report's identities.
// node:crypto costs half a millisecond to load from the CommonJS bundles (the 6–8 ms that once led to a hand-written
// SHA-256 here were the ES module loader's) and hashes the megabytes of a large plan's fingerprint far faster.
import { createHash } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
