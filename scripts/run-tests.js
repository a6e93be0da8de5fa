// Runs the jest suite and ends with a plain `N passed, N failed, N skipped` line taken from jest's JSON result.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'blast-radius-jest-'));
const resultFile = join(scratch, 'results.json');
const jest = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--json', `--outputFile=${resultFile}`, ...process.argv.slice(2)],
  // The CLI's compiled code is cached in the scratch directory, not in the user's own cache.
  { stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1', BLAST_RADIUS_COMPILE_CACHE: join(scratch, 'compile-cache') } },
);

let results;
try {
  results = JSON.parse(readFileSync(resultFile, 'utf8'));
} catch {
  console.log('0 passed, 1 failed');
  console.error('jest wrote no result file: the suite did not run.');
  process.exit(1);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const skipped = results.numPendingTests + results.numTodoTests;
// A suite that fails to load runs no test, so jest counts no failed test for it: it is counted here as one failure.
const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
console.log(`${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
const ranNothing = results.numTotalTests === 0;
if (ranNothing) console.error('No test ran.');
process.exit(jest.status !== 0 || ranNothing || failed > 0 ? 1 : 0);
