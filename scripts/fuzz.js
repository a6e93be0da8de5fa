// `npm run fuzz`: runs the property tests (tests/properties) longer and with a random seed, printed first.
// FUZZ_RUNS (default 20) multiplies each property's number of cases; FUZZ_SEED replays a seed, and FUZZ_PATH (the
// path fast-check prints beside the seed of a failure) replays exactly the failing case.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const seed = process.env.FUZZ_SEED ?? String(randomInt(2 ** 31 - 1));
const runs = process.env.FUZZ_RUNS ?? '20';
const replay = process.env.FUZZ_PATH === undefined ? '' : ` FUZZ_PATH=${process.env.FUZZ_PATH}`;
console.log(`fuzz: seed ${seed}, ${runs}x the cases of npm test${replay}`);

const jest = spawnSync(process.execPath, ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', 'tests/properties', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs, NODE_NO_WARNINGS: '1' },
});

if (jest.status !== 0) {
  console.log(`\nfuzz: FAILED with seed ${seed}. Each failure above shows its counterexample and { seed, path }.`);
  console.log(`Replay one: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} FUZZ_PATH=<path> npm run fuzz -- -t '<test name>'`);
  process.exit(1);
}
console.log(`fuzz: passed with seed ${seed}`);
