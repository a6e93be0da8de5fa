// Says why a configuration file cannot be trusted: owned by another user (not root), or writable by its group or all.
import type { Stats } from 'node:fs';

/** The problem as the end of a sentence that starts with the file's path, or undefined when the file is trusted. */
export function configFileProblem(stats: Pick<Stats, 'uid' | 'mode'>, uid: number): string | undefined {
  if (stats.uid !== uid && stats.uid !== 0) {
    return `is owned by another user (uid ${stats.uid}), who could change what it protects: a configuration must belong to you or root`;
  }
  if ((stats.mode & 0o022) !== 0) {
    const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
    return `is writable by ${(stats.mode & 0o002) !== 0 ? 'everyone' : 'its group'} (mode ${mode}), who could change what it protects: run chmod go-w on it`;
  }
  return undefined;
}
