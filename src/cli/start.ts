// Start of the blast-radius command, bundled to dist/start.cjs for bin/blast-radius.cjs: sends agent hook calls to
// their lean bundle (it runs before every shell command an agent issues), runs the CLI's bundle otherwise, both
// through the compile cache, and never lets a crash exit 0 or 1: a failure is exit 2, which every agent reads as
// "block".
import module from 'node:module';
import { join } from 'node:path';
import { isAgentName } from '../agents/names.js';
import { loadBundle } from './compile-cache.js';
import { BEFORE_V8_FLAGS_CHANGE } from './v8-flags.js';
import { compileCacheDirectory } from '../state-paths.js';

const EXIT_ERROR = 2;

type Entry = (argument: never) => Promise<number>;

function crash(error: unknown): void {
  process.stderr.write(`blast-radius: internal error: ${(error as Error)?.message ?? error}\n`);
  process.exit(EXIT_ERROR);
}

/** `distDirectory` holds the bundles: bin/main.cjs (the CLI) and hook/hook-main.cjs. */
export function start(distDirectory: string): void {
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  const cacheDirectory = compileCacheDirectory(process.env, process.platform);
  // Node 22.1+ caches what its own loaders compile (the dependencies); Node 20 has no such cache.
  const nodeCache = module as { enableCompileCache?: (directory: string) => unknown };
  if (cacheDirectory) nodeCache.enableCompileCache?.(join(cacheDirectory, 'node'));

  const args = process.argv.slice(2);
  const isHook = args.length === 2 && args[0] === 'hook' && isAgentName(args[1]);
  const bundle = loadBundle(join(distDirectory, isHook ? 'hook/hook-main.cjs' : 'bin/main.cjs'), cacheDirectory);
  if (bundle.save) {
    process.once(BEFORE_V8_FLAGS_CHANGE, bundle.save);
    process.once('exit', bundle.save);
  }
  const [entry, argument] = isHook ? [bundle.exports.hookMain, args[1]] : [bundle.exports.main, args];
  (entry as Entry)(argument as never).then((code) => {
    process.exitCode = code;
  }, crash);
}
