// Measures what the guard shims add to a tool's run: median wall time of each command called directly and through
// its shim (the POSIX sh fast path for reads, node for the rest), interleaved in the same run, with the difference in
// milliseconds and the ratio to the direct call. Not a test: it prints numbers and asserts nothing about time.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 51);
const bin = join(root, 'bin/blast-radius.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'blast-radius-bench-shims-'));

// A stand-in that does nothing, so that the shim's own cost is all that differs; and the real tools where installed.
const standIns = join(scratch, 'stand-ins');
spawnSync('mkdir', ['-p', standIns]);
writeFileSync(join(standIns, 'kubectl'), '#!/bin/sh\nexit 0\n');
chmodSync(join(standIns, 'kubectl'), 0o755);
const data = join(scratch, 'data');
spawnSync(process.execPath, [bin, 'shims', 'env'], { env: { ...process.env, XDG_DATA_HOME: data }, stdio: 'ignore' });
const shims = join(data, 'blast-radius/shims');
const which = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();

const pairs = [['stand-in kubectl get pods (fast path)', join(standIns, 'kubectl'), ['get', 'pods'], standIns]];
const kubectl = which('kubectl');
if (kubectl) pairs.push(['kubectl version --client (fast path)', kubectl, ['version', '--client'], dirname(kubectl)]);
const terraform = which('terraform');
if (terraform) pairs.push(['terraform version (fast path)', terraform, ['version'], dirname(terraform)]);
pairs.push(['stand-in kubectl delete --dry-run=server (node)', join(standIns, 'kubectl'), ['delete', 'pod', 'x', '--dry-run=server'], standIns]);

const subjects = {};
for (const [name, real, args, directory] of pairs) {
  const tool = real.slice(real.lastIndexOf('/') + 1);
  const env = { ...process.env, PATH: `${shims}:${directory}:/usr/bin:/bin`, BLAST_RADIUS_COMPILE_CACHE: join(scratch, 'cache') };
  subjects[`${name}: direct`] = [real, args, env];
  subjects[`${name}: shim`] = [join(shims, tool), args, env];
}

function timeOnce([command, args, env]) {
  const start = process.hrtime.bigint();
  spawnSync(command, args, { stdio: 'ignore', env });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

for (const subject of Object.values(subjects)) timeOnce(subject);
const samples = Object.fromEntries(Object.keys(subjects).map((name) => [name, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, subject] of Object.entries(subjects)) samples[name].push(timeOnce(subject));
}
console.log(`node ${process.version}, ${runs} runs each, interleaved; median wall time`);
for (const [name] of pairs) {
  const direct = median(samples[`${name}: direct`]);
  const shim = median(samples[`${name}: shim`]);
  console.log(
    `${name.padEnd(48)} direct ${direct.toFixed(1).padStart(6)} ms  shim ${shim.toFixed(1).padStart(6)} ms  ${shim >= direct ? '+' : ''}${(shim - direct).toFixed(1)} ms  ${(shim / direct).toFixed(2)}x`,
  );
}
rmSync(scratch, { recursive: true, force: true });
