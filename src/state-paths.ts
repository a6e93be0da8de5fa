// Where blast-radius keeps its own state: the approvals store, the compiled-code cache, the data directory holding
// the guard shims. One home for these paths, so that the hook that guards them and the code that uses them agree.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** The variable that names the approvals store instead of its default place. */
export const STORE_VARIABLE = 'BLAST_RADIUS_APPROVALS';

/**
 * `$BLAST_RADIUS_APPROVALS`, else `$XDG_CONFIG_HOME/blast-radius/approvals.json`, else
 * `~/.config/blast-radius/approvals.json`: outside any repository an agent edits.
 */
export function approvalsPath(env: NodeJS.ProcessEnv, home: string = homedir()): string {
  const named = env[STORE_VARIABLE];
  if (named) return named;
  const config = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, 'blast-radius', 'approvals.json');
}

/**
 * Where compiled code is kept: BLAST_RADIUS_COMPILE_CACHE (a directory, or 0 for none), else the user's cache
 * directory (XDG_CACHE_HOME or ~/.cache, ~/Library/Caches on macOS, LOCALAPPDATA on Windows). None when
 * NODE_DISABLE_COMPILE_CACHE is set, as for Node's own compile cache, or when there is no home directory.
 */
export function compileCacheDirectory(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const chosen = env.BLAST_RADIUS_COMPILE_CACHE;
  if (chosen !== undefined && chosen !== '') return chosen === '0' ? undefined : chosen;
  if (platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'blast-radius', 'compile-cache') : undefined;
  if (!env.HOME) return undefined;
  if (platform === 'darwin') return join(env.HOME, 'Library', 'Caches', 'blast-radius', 'compile-cache');
  return join(env.XDG_CACHE_HOME || join(env.HOME, '.cache'), 'blast-radius', 'compile-cache');
}

/** `$XDG_DATA_HOME/blast-radius`, else `~/.local/share/blast-radius` (`~/Library/Application Support/blast-radius` on macOS). */
export function dataDirectory(env: NodeJS.ProcessEnv, home: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'blast-radius');
  const data = env.XDG_DATA_HOME && isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : join(home, '.local', 'share');
  return join(data, 'blast-radius');
}

export function shimDirectory(env: NodeJS.ProcessEnv, home: string, platform: NodeJS.Platform = process.platform): string {
  return join(dataDirectory(env, home, platform), 'shims');
}
