// The directory a project-scope hook install writes to: the root of the git repository holding the working directory
// (the nearest directory with a `.git` directory or file, as in a worktree), or the working directory outside one.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function projectRoot(start: string): string {
  for (let directory = resolve(start); ; directory = dirname(directory)) {
    if (existsSync(join(directory, '.git'))) return directory;
    if (dirname(directory) === directory) return resolve(start);
  }
}
