// Finds the configuration file: .blast-radius.yml, .yaml or .json in the working directory or a parent, never above
// the repository root (the nearest directory holding `.git`) or the home directory, whichever comes first.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_NAMES = ['.blast-radius.yml', '.blast-radius.yaml', '.blast-radius.json'];

/** The directories searched, nearest first: up to the repository root or home, or only `start` outside both. */
function searchedDirectories(start: string, home: string): string[] {
  const directories: string[] = [];
  let directory = resolve(start);
  for (;;) {
    directories.push(directory);
    if (directory === home || existsSync(join(directory, '.git'))) return directories;
    const parent = dirname(directory);
    if (parent === directory) return directories.slice(0, 1);
    directory = parent;
  }
}

export function findConfig(start: string = process.cwd(), home: string = resolve(homedir())): string | undefined {
  for (const directory of searchedDirectories(start, home)) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(directory, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}
