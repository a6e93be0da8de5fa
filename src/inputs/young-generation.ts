// Keeps V8's young generation at 8 MB semi-spaces while a large input streams, instead of the 16 MB V8 grows them to.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Two semi-spaces of 8 MB: the size past which the new space stops growing. */
const BOUND = 2 * 8 * 1024 * 1024;

/**
 * V8 doubles the new space each time as much as it holds has survived since it last grew, so a long read that keeps
 * tens of thousands of changes always ends with two 16 MB semi-spaces (32 MB of RSS) though the objects alive in
 * them at any moment are a few megabytes. Its maximum is fixed at start-up (`--max-semi-space-size`), but the
 * growth factor is read at each growth: once the new space has reached the bound, a factor of 1 keeps it there for
 * the rest of the process. Measured on a 2 GB plan: peak RSS 116–122 MB instead of 137–144 MB, CPU time within the
 * run-to-run noise (docs/performance.md). Returns the check to call as the input is read (cheap; it stops checking
 * once the bound is set).
 */
export function youngGenerationBound(): () => void {
  let bounded = false;
  return () => {
    if (bounded) return;
    const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    if (newSpace === undefined || newSpace.space_size < BOUND) return;
    setFlagsFromString('--semi-space-growth-factor=1');
    bounded = true;
  };
}
