// SHA-256 digests of what the guard checked: a plan file, or the manifests, charts and values files a kubectl or helm
// command reads, compared between the check and the real command.
import { createHash, type Hash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function fileDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Adds a path to the hash: a file's bytes, a directory's entries in name order, a link's target; absence too. */
function addPath(hash: Hash, path: string, name: string): void {
  const link = lstatSync(path, { throwIfNoEntry: false });
  if (link === undefined) {
    hash.update(`missing ${name}\0`);
    return;
  }
  if (link.isSymbolicLink()) hash.update(`link ${name} ${readlinkSync(path)}\0`);
  const stats = link.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : link;
  if (stats?.isFile()) {
    hash.update(`file ${name}\0`).update(readFileSync(path)).update('\0');
  } else if (stats?.isDirectory() && !link.isSymbolicLink()) {
    hash.update(`directory ${name}\0`);
    for (const entry of readdirSync(path).sort()) addPath(hash, join(path, entry), `${name}/${entry}`);
  }
}

/** One digest of every file under the given paths (directories walked whole; linked directories by their target's name). */
export function pathsDigest(paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) addPath(hash, path, path);
  return hash.digest('hex');
}
