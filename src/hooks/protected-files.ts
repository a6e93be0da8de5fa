// The files an agent may not write: the approvals store (where approvals live), any blast-radius configuration
// file (where exceptions live), the compile cache and the guard shims (code blast-radius runs). Paths are judged as the shell would
// expand them, failing closed when they cannot be.
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { CONFIG_NAMES } from '../config/find-config.js';
import { STORE_VARIABLE, approvalsPath, compileCacheDirectory, dataDirectory } from '../state-paths.js';

/** What the hook knows of the agent's surroundings: its environment, home and working directory. */
export interface HookContext {
  env: NodeJS.ProcessEnv;
  home: string;
  cwd: string;
}

/** `~`, `$HOME`, `${HOME}`, `$XDG_CONFIG_HOME` … replaced by their values; undefined when another expansion remains. */
function expandPath(word: string, context: HookContext): string | undefined {
  const expanded = word
    .replace(/^~(?=\/|$)/, context.home)
    .replace(/\$\{?(HOME|XDG_CONFIG_HOME|XDG_CACHE_HOME|XDG_DATA_HOME|BLAST_RADIUS_APPROVALS|BLAST_RADIUS_COMPILE_CACHE|PWD)\}?/g, (_match, name: string) =>
      name === 'HOME' ? context.home : name === 'PWD' ? context.cwd : (context.env[name] ?? ''),
    );
  return /[$`*?[]/.test(expanded) ? undefined : resolve(context.cwd, expanded);
}

/** The path with the links of its existing part followed: a link to the store's directory is the store's directory. */
function throughLinks(path: string): string {
  let existing = path;
  const rest: string[] = [];
  while (!existsSync(existing) && dirname(existing) !== existing) {
    rest.unshift(basename(existing));
    existing = dirname(existing);
  }
  try {
    return join(realpathSync(existing), ...rest);
  } catch {
    return path;
  }
}

/** What the path is, when it is protected: `the approvals store`, `a blast-radius configuration file`. */
export function protectedFile(word: string, computed: boolean, context: HookContext): string | undefined {
  const path = computed ? undefined : expandPath(word, context);
  if (path === undefined) {
    // Only known at run time: refused when its text names what it could be.
    return /blast-radius|approvals\.json/.test(word) ? 'a blast-radius file (named at run time)' : undefined;
  }
  const linked = throughLinks(path);
  return protectedPath(path, context) ?? (linked === path ? undefined : protectedPath(linked, context));
}

function protectedPath(path: string, context: HookContext): string | undefined {
  if (CONFIG_NAMES.includes(basename(path))) return 'a blast-radius configuration file';
  const store = approvalsPath(context.env, context.home);
  const storeDirectory = dirname(store);
  if (path === store || path === storeDirectory || path.startsWith(`${storeDirectory}${sep}`)) return 'the approvals store';
  if (path.includes(`${sep}blast-radius${sep}approvals`)) return 'an approvals store';
  // The cache holds compiled code that the next run of blast-radius runs as its own.
  const cache = compileCacheDirectory({ ...context.env, HOME: context.home }, process.platform);
  // The default …/blast-radius/compile-cache is guarded from its blast-radius folder (moving that moves the cache).
  const cacheRoot = cache !== undefined && cache.endsWith(`${sep}blast-radius${sep}compile-cache`) ? dirname(cache) : cache;
  const inCache = cacheRoot !== undefined && (path === cacheRoot || path.startsWith(`${cacheRoot}${sep}`));
  if (inCache || path.includes(`${sep}blast-radius${sep}compile-cache`)) return 'the compile cache of blast-radius';
  // The shims are code every guarded command runs, and their PATH line decides whether they run at all.
  const data = dataDirectory(context.env, context.home);
  if (path === data || path.startsWith(`${data}${sep}`) || path.includes(`${sep}blast-radius${sep}shims`)) return 'the guard shims of blast-radius';
  return undefined;
}

/** True when the command names a custom store path, which the cheap pre-filter would not notice. */
export function mentionsStore(command: string, context: HookContext): boolean {
  const named = context.env[STORE_VARIABLE];
  return named !== undefined && named !== '' && isAbsolute(named) && command.includes(basename(named));
}
