// Whether the guard shims are in force in a shell: for each shimmed tool, is the first one on PATH the shim, or does
// a real one stand before it? `doctor` says so.
import { delimiter, join, resolve } from 'node:path';
import { isExecutableFile } from './find-real-tool.js';
import { SHIMMED_TOOLS } from './shimmed-tools.js';
import { shimDirectory } from '../state-paths.js';

export interface ShimStatus {
  directory: string;
  /** The shim directory is on PATH. */
  onPath: boolean;
  /** Tools whose first match on PATH is the shim. */
  active: string[];
  /** Tools found on PATH before the shim directory: these runs bypass them. */
  bypassed: { tool: string; path: string }[];
}

export function shimStatus(env: NodeJS.ProcessEnv, home: string): ShimStatus {
  const directory = shimDirectory(env, home);
  const entries = (env.PATH ?? '').split(delimiter).map((entry) => resolve(entry === '' ? '.' : entry));
  const status: ShimStatus = { directory, onPath: entries.includes(directory), active: [], bypassed: [] };
  const before = entries.slice(0, Math.max(0, entries.indexOf(directory)));
  for (const tool of Object.keys(SHIMMED_TOOLS)) {
    const early = before.find((entry) => isExecutableFile(join(entry, tool)));
    if (early !== undefined) status.bypassed.push({ tool, path: join(early, tool) });
    else if (status.onPath && isExecutableFile(join(directory, tool))) status.active.push(tool);
  }
  return status;
}
