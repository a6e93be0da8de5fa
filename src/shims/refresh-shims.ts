// Creates or refreshes the shims for the running blast-radius and writes the file holding their PATH line (which a
// profile, BASH_ENV or an agent's environment file can read); returns that line.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathLine, writeShims } from './shim-directory.js';
import type { ShimPrograms } from './shim-script.js';
import { dataDirectory, shimDirectory } from '../state-paths.js';

/** The programs the shims call back: this node, running this blast-radius (bin/blast-radius.cjs). */
function runningPrograms(): ShimPrograms {
  return { node: process.execPath, blastRadius: resolve(process.argv[1]) };
}

export function refreshShims(env: NodeJS.ProcessEnv, home: string, programs: ShimPrograms = runningPrograms()): string {
  const line = pathLine(writeShims(shimDirectory(env, home), programs));
  writeFileSync(join(dataDirectory(env, home), 'shims.sh'), `${line}\n`, { mode: 0o644 });
  return line;
}
