// Runs one of this package's CommonJS bundles through V8's code cache, kept per user, so that every run after the
// first skips parsing and compiling it: Node 20 has no module compile cache, and this one also keeps the functions
// a run compiled, not only the top level (measured: `check` of a small plan 1.45x `node -e 0` without, 1.24x with).
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The build writes this line first in every bundle: the SHA-256 of the rest of its text. */
const CONTENT_HASH_LINE = /^\/\/ sha256:([0-9a-f]{64})\n/;

export type CacheState =
  /** V8 took the cached code: nothing was compiled but what this run needed beyond the first run. */
  | 'used'
  /** No cache yet for this bundle, this V8 and this architecture: `save` writes one. */
  | 'missing'
  /** V8 refused the cached code (its flags differ, or the file is damaged): `save` writes a new one. */
  | 'rejected'
  /** The cache directory or file may be written by someone else (not ours, or writable by group or others). */
  | 'unsafe'
  /** Caching is off (no directory), or the bundle carries no content hash to key it by. */
  | 'off';

export interface LoadedBundle {
  exports: Record<string, unknown>;
  state: CacheState;
  /**
   * Writes the code compiled so far to the cache, once: call it before V8's flags change (BEFORE_V8_FLAGS_CHANGE), and
   * at exit, when the run's functions are compiled too.
   */
  save?: () => void;
}

/** Cached code is run as ours: only a file and directory that no other user can have written are trusted. */
function writableByOthers(stats: { uid: number; mode: number }): boolean {
  if (typeof process.getuid !== 'function') return false;
  return stats.uid !== process.getuid() || (stats.mode & 0o022) !== 0;
}

function readCache(path: string): Buffer | 'missing' | 'unsafe' {
  let descriptor: number;
  try {
    if (writableByOthers(statSync(dirname(path)))) return 'unsafe';
    descriptor = openSync(path, 'r');
  } catch {
    return 'missing';
  }
  try {
    return writableByOthers(fstatSync(descriptor)) ? 'unsafe' : readFileSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/** Writes atomically (a concurrent run reads the old file or the new one), then drops this bundle's older caches. */
function writeCache(path: string, bundleName: string, data: Buffer): void {
  const directory = dirname(path);
  const temporary = `${path}.${process.pid}.tmp`;
  let written = false;
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    if (writableByOthers(statSync(directory))) return;
    writeFileSync(temporary, data, { mode: 0o600, flag: 'wx' });
    written = true;
    renameSync(temporary, path);
    written = false;
    for (const name of readdirSync(directory)) {
      const older = name.startsWith(`${bundleName}-`) && /^[0-9a-f]{16}-v8-/.test(name.slice(bundleName.length + 1));
      if (older && name.endsWith('.cache') && name !== basename(path)) rmSync(join(directory, name), { force: true });
    }
  } catch {
    // The cache only saves time: a read-only or full disk leaves the run exactly as it was.
    if (written) rmSync(temporary, { force: true });
  }
}

/** Loads `file` (a CommonJS bundle) as require would, with its compiled code from `cacheDirectory` when there is one. */
export function loadBundle(file: string, cacheDirectory: string | undefined): LoadedBundle {
  const source = readFileSync(file, 'utf8');
  const hash = CONTENT_HASH_LINE.exec(source)?.[1];
  const bundleName = basename(file, '.cjs');
  const cacheFile =
    cacheDirectory && hash ? join(cacheDirectory, `${bundleName}-${hash.slice(0, 16)}-v8-${process.versions.v8}-${process.arch}.cache`) : undefined;
  const cached = cacheFile ? readCache(cacheFile) : undefined;
  const cachedData = Buffer.isBuffer(cached) ? cached : undefined;
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapper, { filename: file, cachedData });

  let state: CacheState = 'off';
  if (cached === 'unsafe') state = 'unsafe';
  else if (cachedData) state = script.cachedDataRejected ? 'rejected' : 'used';
  else if (cacheFile) state = 'missing';

  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  // V8 keys cached code by its flags too: code saved after a run changed them (a streamed plan bounds the heap) would
  // be refused by the next run, so such a run saves just before the change (v8-flags.ts), and only then.
  let saved = false;
  const save =
    cacheFile && (state === 'missing' || state === 'rejected')
      ? () => {
          if (saved) return;
          saved = true;
          writeCache(cacheFile, bundleName, script.createCachedData());
        }
      : undefined;
  return { exports: module.exports, state, save };
}
