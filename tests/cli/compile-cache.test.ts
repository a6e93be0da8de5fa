// The compile cache: where it lives, that a second load uses what the first saved, and that damaged, foreign or
// stale cached code is never run. Each load runs in a process of its own (the built dist/cli/compile-cache.js), as
// the CLI does: within one process V8 answers a second compile of the same text from memory, not from the cache.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';
import { compileCacheDirectory } from '../../src/state-paths.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());
let counter = 0;

/** A bundle as scripts/bundle.js writes it: the SHA-256 of the text on the first line. */
function bundle(body: string, name = 'main'): string {
  const directory = join(scratch.path, `bundle-${counter++}`);
  mkdirSync(directory);
  const file = join(directory, `${name}.cjs`);
  writeFileSync(file, `// sha256:${createHash('sha256').update(body).digest('hex')}\n${body}`);
  return file;
}

const BUILT = pathToFileURL(join(ROOT, 'dist', 'cli', 'compile-cache.js')).href;

/** loadBundle in a new process, saving at its end as the CLI does: the state it saw and what the bundle exported. */
function loadBundle(file: string, directory: string | undefined): { state: string; saved: boolean; exports: Record<string, unknown> } {
  const script = `import { loadBundle } from ${JSON.stringify(BUILT)};
    const loaded = loadBundle(process.argv[1], process.argv[2] || undefined);
    loaded.save?.();
    console.log(JSON.stringify({ state: loaded.state, saved: loaded.save !== undefined, exports: loaded.exports }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, file, directory ?? ''], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout);
}

function cacheDirectory(): string {
  return join(scratch.path, `cache-${counter++}`);
}

const BODY = 'function twice(n) { return 2 * n; }\nmodule.exports = { answer: twice(21), file: __filename };\n';

describe('compileCacheDirectory', () => {
  it('follows BLAST_RADIUS_COMPILE_CACHE, and 0 turns caching off', () => {
    expect(compileCacheDirectory({ BLAST_RADIUS_COMPILE_CACHE: '/c', HOME: '/h' }, 'linux')).toBe('/c');
    expect(compileCacheDirectory({ BLAST_RADIUS_COMPILE_CACHE: '0', HOME: '/h' }, 'linux')).toBeUndefined();
  });

  it('is off when Node is told to keep no compile cache', () => {
    expect(compileCacheDirectory({ NODE_DISABLE_COMPILE_CACHE: '1', BLAST_RADIUS_COMPILE_CACHE: '/c' }, 'linux')).toBeUndefined();
  });

  it("is the platform's cache directory otherwise", () => {
    expect(compileCacheDirectory({ HOME: '/h' }, 'linux')).toBe('/h/.cache/blast-radius/compile-cache');
    expect(compileCacheDirectory({ HOME: '/h', XDG_CACHE_HOME: '/x' }, 'linux')).toBe('/x/blast-radius/compile-cache');
    expect(compileCacheDirectory({ HOME: '/h' }, 'darwin')).toBe('/h/Library/Caches/blast-radius/compile-cache');
    expect(compileCacheDirectory({ LOCALAPPDATA: 'C:\\L' }, 'win32')).toContain('blast-radius');
    expect(compileCacheDirectory({}, 'linux')).toBeUndefined();
  });
});

describe('loadBundle', () => {
  it('runs the bundle as require would, and a second load uses the code the first saved', () => {
    const file = bundle(BODY);
    const directory = cacheDirectory();
    const first = loadBundle(file, directory);
    expect(first.exports).toEqual({ answer: 42, file });
    expect(first).toMatchObject({ state: 'missing', saved: true });
    const [cached] = readdirSync(directory);
    expect(cached).toMatch(/^main-[0-9a-f]{16}-v8-.+\.cache$/);
    expect(statSync(join(directory, cached)).mode & 0o777).toBe(0o600);
    expect(statSync(directory).mode & 0o777).toBe(0o700);

    const second = loadBundle(file, directory);
    expect(second).toMatchObject({ state: 'used', saved: false });
    expect(second.exports).toEqual({ answer: 42, file });
  });

  it('compiles afresh when V8 refuses damaged cached code, and saves good code again', () => {
    const file = bundle(BODY);
    const directory = cacheDirectory();
    loadBundle(file, directory);
    const [cached] = readdirSync(directory);
    writeFileSync(join(directory, cached), Buffer.alloc(4096, 7), { mode: 0o600 });
    const damaged = loadBundle(file, directory);
    expect(damaged.state).toBe('rejected');
    expect(damaged.exports).toEqual({ answer: 42, file });
    expect(loadBundle(file, directory).state).toBe('used');
  });

  it('keys the cache by content: a changed bundle compiles afresh and replaces only its own older cache', () => {
    const directory = cacheDirectory();
    loadBundle(bundle(BODY, 'hook-main'), directory);
    loadBundle(bundle(BODY), directory);
    const changed = loadBundle(bundle(BODY.replace('21', '20')), directory);
    expect(changed.state).toBe('missing');
    expect(changed.exports.answer).toBe(40);
    const names = readdirSync(directory);
    expect(names.filter((name) => name.startsWith('main-'))).toHaveLength(1);
    expect(names.filter((name) => name.startsWith('hook-main-'))).toHaveLength(1);
  });

  const posix = typeof process.getuid === 'function' ? it : it.skip;
  posix('never runs cached code that others could have written, and never writes there', () => {
    const file = bundle(BODY);
    const directory = cacheDirectory();
    loadBundle(file, directory);
    const [cached] = readdirSync(directory);
    chmodSync(join(directory, cached), 0o666);
    expect(loadBundle(file, directory)).toMatchObject({ state: 'unsafe', saved: false, exports: { answer: 42 } });

    chmodSync(join(directory, cached), 0o600);
    chmodSync(directory, 0o777);
    expect(loadBundle(file, directory).state).toBe('unsafe');
  });

  it('is off for a bundle without its content hash, or without a directory', () => {
    const unhashed = join(scratch.path, 'unhashed.cjs');
    writeFileSync(unhashed, BODY);
    const directory = cacheDirectory();
    expect(loadBundle(unhashed, directory)).toMatchObject({ state: 'off', saved: false, exports: { answer: 42 } });
    expect(loadBundle(bundle(BODY), undefined)).toMatchObject({ state: 'off', saved: false });
    expect(existsSync(directory)).toBe(false);
  });

  it('leaves the run as it was when the cache cannot be written', () => {
    const blocked = scratch.write(`not-a-directory-${counter++}`, 'a file where the cache directory would be');
    expect(loadBundle(bundle(BODY), join(blocked, 'cache'))).toMatchObject({ state: 'missing', saved: true, exports: { answer: 42 } });
  });
});
