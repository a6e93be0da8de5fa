// Pins a file by its descriptor, for the guarded apply: the file is opened once, its name removed, and every later
// reader (the check's `terraform show`, then `terraform apply`) opens it as `/proc/<pid>/fd/<n>`, which Linux resolves
// to the opened file itself, not to whatever a name now points at. A plan renamed over the old name is never read.
import { closeSync, existsSync, openSync, unlinkSync } from 'node:fs';
import { fileDigest } from './file-digest.js';

export interface PinnedFile {
  /** The path every reader must use. */
  path: string;
  /** The SHA-256 of the pinned bytes now. */
  digest(): string;
  close(): void;
}

/** Where descriptors can be reopened by path; elsewhere (macOS, Windows) the file keeps its name and is hashed by it. */
const DESCRIPTORS = `/proc/${process.pid}/fd`;

export function pinFile(path: string): PinnedFile {
  if (!existsSync(DESCRIPTORS)) return { path, digest: () => fileDigest(path), close: () => {} };
  const descriptor = openSync(path, 'r');
  unlinkSync(path);
  const pinned = `${DESCRIPTORS}/${descriptor}`;
  return { path: pinned, digest: () => fileDigest(pinned), close: () => closeSync(descriptor) };
}
