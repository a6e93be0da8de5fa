// The young-generation bound: once V8's new space reaches two 8 MB semi-spaces it grows no further in the process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/run-cli.js';

/** A child process that keeps a third of 3 million small objects (V8 grows its new space to the maximum on this). */
function newSpaceAfterKeeping(bounded: boolean): number {
  const module = pathToFileURL(join(ROOT, 'dist/inputs/young-generation.js')).href;
  const script = `
    const v8 = await import('node:v8');
    const { youngGenerationBound } = await import(${JSON.stringify(module)});
    const bound = ${bounded} ? youngGenerationBound() : () => {};
    const kept = [];
    for (let i = 0; i < 3e6; i++) {
      const made = { a: i, b: 'x' + i, c: [i] };
      if (i % 3 === 0) kept.push(made);
      if (i % 1000 === 0) bound();
    }
    console.log(v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return Number(result.stdout.trim());
}

it('keeps the new space at two 8 MB semi-spaces where V8 would grow it further', () => {
  const MB = 1024 * 1024;
  expect(newSpaceAfterKeeping(false)).toBeGreaterThan(16 * MB);
  expect(newSpaceAfterKeeping(true)).toBe(16 * MB);
});
