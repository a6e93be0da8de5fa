// Finds a tool on PATH as the shims do: the first executable file of that name outside the shim directory.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

function sameFile(a: string, b: string): boolean {
  try {
    const [left, right] = [statSync(a), statSync(b)];
    return left.dev === right.dev && left.ino === right.ino;
  } catch {
    return false;
  }
}

/** An executable regular file (a directory or a file without the execute bit is no program to run). */
export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function findRealTool(tool: string, path: string | undefined, shimDirectory: string): string | undefined {
  for (const entry of (path ?? '').split(delimiter)) {
    const directory = resolve(entry === '' ? '.' : entry);
    if (sameFile(directory, shimDirectory)) continue;
    const candidate = join(directory, tool);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}
