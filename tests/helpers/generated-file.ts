// A committed generated file is what its script generates now: the test fails with the command that brings it up to date.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './run-cli.js';

/** Runs `scripts/<script> --stdout` and compares its output with `generated` (a path from the project's root). */
export function expectUpToDate(script: string, generated: string, command: string): void {
  const generator = spawnSync(process.execPath, [join(ROOT, 'scripts', script), '--stdout'], { encoding: 'utf8' });
  expect(generator.stderr).toBe('');
  expect(generator.status).toBe(0);
  const stale = generator.stdout !== readFileSync(join(ROOT, generated), 'utf8');
  expect(stale ? `${generated} is out of date with its source: run \`${command}\` and commit it.` : 'up to date').toBe('up to date');
}
