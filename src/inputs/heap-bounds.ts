// Keeps V8's heap small while a large input streams: it collects sooner and grows in small steps (V8's
// --optimize-for-size), and its young generation stays at two 8 MB semi-spaces instead of the 16 MB V8 grows them to.
import { getHeapSpaceStatistics } from 'node:v8';
import { changeV8Flags } from '../cli/v8-flags.js';

/** Two semi-spaces of 8 MB: the size past which the new space stops growing. */
const YOUNG_BOUND = 2 * 8 * 1024 * 1024;

/**
 * Call once a large input starts to stream; call what it returns as the input is read (cheap: it stops checking
 * once its bound is set). Both settings stay for the rest of the process (a library user streaming a large plan gets
 * them too); inputs under 4 MiB never set them.
 *
 * The old generation: V8 lets it grow to a multiple of what survived its last full collection before collecting
 * again, so on a 2 GB plan 20–40 MB of garbage waited at the end of the read, and whether a collection fell just
 * before the report moved the peak by 25 MB. `--optimize-for-size` makes V8 favour memory (small growth steps,
 * earlier collections), and V8 reads it at every such decision. Measured on the 2 GB plan: peak RSS 102–104 MB
 * instead of 121–135 MB, wall time about 10% longer there and unchanged at 60k changes (docs/performance.md).
 *
 * The young generation: V8 doubles the new space each time as much as it holds has survived since it last grew, so a
 * long read that keeps tens of thousands of changes ends with two 16 MB semi-spaces though a few megabytes are alive
 * in them at any moment. Its maximum is fixed at start-up (`--max-semi-space-size`), but the growth factor is read at
 * each growth: once the new space has reached the bound, a factor of 1 keeps it there.
 */
export function boundHeap(): () => void {
  changeV8Flags('--optimize-for-size');
  let bounded = false;
  return () => {
    if (bounded) return;
    const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    if (newSpace === undefined || newSpace.space_size < YOUNG_BOUND) return;
    changeV8Flags('--semi-space-growth-factor=1');
    bounded = true;
  };
}
