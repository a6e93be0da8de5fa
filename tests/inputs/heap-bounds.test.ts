// The heap bounds of a streaming read: V8's old generation grows in small steps while objects that live a while
// are made and dropped, and its new space grows no further than two 8 MB semi-spaces.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/run-cli.js';

const MB = 1024 * 1024;

/**
 * A child process that makes millions of small objects, keeps one in `keepEvery` for good and, when `recent` is
 * set, holds the last 100,000 for a while (they survive into the old generation, then die, as a read's do).
 * Returns the largest old space and the final new space.
 */
function heapWhileKeeping(bounded: boolean, keepEvery: number, recent: boolean): { peakOld: number; newSpace: number } {
  const module = pathToFileURL(join(ROOT, 'dist/inputs/heap-bounds.js')).href;
  const script = `
    const v8 = await import('node:v8');
    const { boundHeap } = await import(${JSON.stringify(module)});
    const bound = ${bounded} ? boundHeap() : () => {};
    const space = (name) => v8.getHeapSpaceStatistics().find((s) => s.space_name === name).space_size;
    const kept = [];
    const ring = new Array(${recent ? 100_000 : 1});
    let peakOld = 0;
    for (let i = 0; i < 3e6; i++) {
      const made = { a: i, b: 'x' + i, c: [i] };
      ring[i % ring.length] = made;
      if (i % ${keepEvery} === 0) kept.push(made);
      if (i % 1000 === 0) {
        bound();
        peakOld = Math.max(peakOld, space('old_space'));
      }
    }
    console.log(JSON.stringify({ peakOld, newSpace: space('new_space'), kept: kept.length }));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

it('collects the old generation sooner, so that far less garbage waits in it', () => {
  const unbounded = heapWhileKeeping(false, 50, true);
  const bounded = heapWhileKeeping(true, 50, true);
  expect(bounded.peakOld).toBeLessThan(0.75 * unbounded.peakOld);
});

it('keeps the new space at two 8 MB semi-spaces where V8 would grow it further', () => {
  expect(heapWhileKeeping(false, 3, false).newSpace).toBeGreaterThan(16 * MB);
  expect(heapWhileKeeping(true, 3, false).newSpace).toBeLessThanOrEqual(16 * MB);
});
