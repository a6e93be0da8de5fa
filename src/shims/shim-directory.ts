// Where the shims live and how they are written: one directory in the user's data directory, owned by the user and
// writable by nobody else (a shim is code every guarded command runs), refreshed atomically file by file.
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from '../errors.js';
import { SHIM_MARKER, shimScript, type ShimPrograms } from './shim-script.js';
import { SHIMMED_TOOLS } from './shimmed-tools.js';

/** The line that puts the shims first on PATH, for `eval` in a shell profile or an agent's environment file. */
export function pathLine(directory: string): string {
  return `export PATH='${directory.replace(/'/g, `'\\''`)}':"$PATH"`;
}

/** Refuses a directory that is a link, not a directory, not the user's own, or writable by group or others. */
function requireOwnDirectory(directory: string): void {
  const stats = lstatSync(directory);
  const mine = typeof process.getuid !== 'function' || stats.uid === process.getuid();
  if (stats.isSymbolicLink() || !stats.isDirectory() || !mine || (stats.mode & 0o022) !== 0) {
    throw new ConfigError(
      `The shim directory ${directory} must be a directory of your own that no one else can write (not a link, not group- or world-writable); remove it and run \`blast-radius shims env\` again.`,
    );
  }
}

/** Creates or refreshes every shim, removes shims of tools no longer guarded, and returns the directory. */
export function writeShims(directory: string, programs: ShimPrograms): string {
  for (const level of [dirname(directory), directory]) {
    mkdirSync(level, { recursive: true, mode: 0o755 });
    requireOwnDirectory(level);
  }
  for (const tool of Object.keys(SHIMMED_TOOLS)) {
    const path = join(directory, tool);
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, shimScript(tool, directory, programs), { mode: 0o755 });
    chmodSync(partial, 0o755);
    renameSync(partial, path);
  }
  for (const name of readdirSync(directory)) {
    if (Object.hasOwn(SHIMMED_TOOLS, name)) continue;
    const path = join(directory, name);
    if (lstatSync(path).isFile() && readFileSync(path, 'utf8').includes(SHIM_MARKER)) rmSync(path);
  }
  return directory;
}
