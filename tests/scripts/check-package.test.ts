// The installed package (scripts/check-package.js packs this checkout and installs the tarball into a clean prefix):
// no install scripts, at most 40 MB, and a command that works. Its dependencies come from the npm cache; where neither
// the cache nor the registry has them, the script exits 3 and these tests are reported as skipped.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

/** check-package.js's exit code for "the dependencies could not be fetched": a skip, not a pass. */
const EXIT_SKIPPED = 3;
const run = spawnSync(process.execPath, [join(ROOT, 'scripts/check-package.js'), '--json'], { cwd: ROOT, encoding: 'utf8' });
const reachable = run.status !== EXIT_SKIPPED;
if (!reachable) console.warn(`Skipped: ${run.stdout.trim()}`);

(reachable ? describe : describe.skip)('npm install -g of the packed tarball (skipped when its dependencies cannot be fetched)', () => {
  const measured = reachable && run.status !== 2 ? JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') : {};

  it('installs, runs the example, and passes every check of the script', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('runs no install script in any installed package', () => {
    expect(measured.withScripts).toEqual([]);
  });

  it('weighs at most 40 MB installed, without @kubernetes/client-node and tree-sitter-bash', () => {
    expect(measured.installedBytes).toBeLessThanOrEqual(40_000_000);
  });
});
