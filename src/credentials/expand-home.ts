// Expands a leading `~` in a path taken from an environment variable, as the AWS and Google tools do.
import { join } from 'node:path';

export function expandHome(path: string, home: string): string {
  if (path === '~') return home;
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(home, path.slice(2));
  return path;
}
