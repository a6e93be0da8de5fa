// Where blast-radius keeps its data (the guard shims and their PATH line): the user's data directory. Kept apart from
// the code that writes the shims, so that the hook, which only guards these paths, loads nothing more.
import { isAbsolute, join } from 'node:path';

/** `$XDG_DATA_HOME/blast-radius`, else `~/.local/share/blast-radius` (`~/Library/Application Support/blast-radius` on macOS). */
export function dataDirectory(env: NodeJS.ProcessEnv, home: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'blast-radius');
  const data = env.XDG_DATA_HOME && isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : join(home, '.local', 'share');
  return join(data, 'blast-radius');
}

export function shimDirectory(env: NodeJS.ProcessEnv, home: string, platform: NodeJS.Platform = process.platform): string {
  return join(dataDirectory(env, home, platform), 'shims');
}
