// What every property shares: a fixed seed and a bounded number of cases under `npm test`; `npm run fuzz` sets
// FUZZ_SEED (a random one, printed), FUZZ_RUNS (how many times the usual number of cases) and, to replay one
// failure exactly, FUZZ_PATH (the path fast-check prints beside the seed).
import type { Parameters } from 'fast-check';

export const SEED = process.env.FUZZ_SEED === undefined ? 20261125 : Number(process.env.FUZZ_SEED);
const FACTOR = process.env.FUZZ_RUNS === undefined ? 1 : Math.max(1, Number(process.env.FUZZ_RUNS));

/** fast-check parameters for a property that runs `numRuns` cases in `npm test`. */
export function fuzzOptions<T>(numRuns: number, examples: T[] = []): Parameters<T> {
  const options: Parameters<T> = { seed: SEED, numRuns: Math.round(numRuns * FACTOR), examples };
  if (process.env.FUZZ_PATH !== undefined) options.path = process.env.FUZZ_PATH;
  return options;
}

/** A jest timeout for a property that takes up to `ms` in `npm test`, scaled with its number of cases. */
export function fuzzTimeout(ms: number): number {
  return Math.round(ms * FACTOR);
}
