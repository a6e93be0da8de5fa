// Finds the configuration file: .blast-radius.yml, .yaml or .json in the working directory or the nearest parent.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_NAMES = ['.blast-radius.yml', '.blast-radius.yaml', '.blast-radius.json'];

export function findConfig(start: string = process.cwd()): string | undefined {
  let directory = resolve(start);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(directory, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}
