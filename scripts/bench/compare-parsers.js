// Compares ways to read a whole plan without building it: JSON.parse, this project's scanner (checks every byte,
// builds nothing) and the general streaming parsers on the registry, each emitting every token. Median wall time and
// peak RSS of 3 interleaved runs on a generated 10k-resource plan. The parsers are not dependencies of the project:
// install them in a folder of their own (`npm install --prefix /tmp/parsers stream-json @streamparser/json clarinet`)
// and set PARSERS_DIR=/tmp/parsers, or `npm install --no-save` them here; a missing one is reported as such.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePlan } from './generate-plan.js';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(process.env.PARSERS_DIR ?? join(here, '..', '..'), 'package.json'));
const runs = Number(process.env.BENCH_RUNS ?? 3);
const count = Number(process.env.BENCH_RESOURCES ?? 10_000);
const READERS = ['JSON.parse', 'blast-radius scanner', 'stream-json', '@streamparser/json', 'clarinet'];

function installed(reader) {
  if (!READERS.slice(2).includes(reader)) return true;
  try {
    require.resolve(reader);
    return true;
  } catch {
    return false;
  }
}

/** The version of an installed parser, read from the package.json above its entry point. */
function packageVersion(reader) {
  for (let dir = dirname(require.resolve(reader)); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (manifest.name === reader) return manifest.version;
    } catch {
      // No package.json here: look further up.
    }
  }
  return '';
}

const scratch = mkdtempSync(join(tmpdir(), 'blast-radius-parsers-'));
try {
  const file = join(scratch, 'plan.json');
  const { size } = generatePlan(file, count);
  const samples = Object.fromEntries(READERS.map((reader) => [reader, []]));
  for (let i = 0; i < runs; i++) {
    for (const reader of READERS.filter(installed)) {
      const out = join(scratch, 'time.txt');
      const result = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', out, process.execPath, join(here, 'parse-one.js'), reader, file], { stdio: 'ignore' });
      const [seconds, kilobytes] = readFileSync(out, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
      samples[reader].push({ ok: result.status === 0, seconds, megabytes: kilobytes / 1024 });
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const parse = median(samples['JSON.parse'].map((s) => s.seconds));
  console.log(`node ${process.version}; ${count.toLocaleString('en')} resource changes, ${(size / 1e6).toFixed(0)} MB; median of ${runs}`);
  console.log('| reader | wall time | peak RSS | time / JSON.parse |');
  console.log('| --- | --- | --- | --- |');
  for (const reader of READERS) {
    if (!installed(reader)) {
      console.log(`| ${reader} | not installed | | |`);
      continue;
    }
    const all = samples[reader];
    const seconds = median(all.map((s) => s.seconds));
    const version = READERS.slice(2).includes(reader) ? ` ${packageVersion(reader)}` : '';
    console.log(
      `| ${reader}${version} | ${all.every((s) => s.ok) ? `${seconds.toFixed(2)} s` : 'failed'} | ${Math.max(...all.map((s) => s.megabytes)).toFixed(0)} MB | ${(seconds / parse).toFixed(2)}× |`,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
