// The SHA-256 of a file: what the guard compares between checking a plan file and applying it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function fileDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
