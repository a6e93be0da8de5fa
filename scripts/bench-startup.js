// Measures start-up: median wall time of `blast-radius check` on a small plan and of the agent hook against
// `node -e 0`, in the same run; the hook both as node runs it and as the agent runs the command `hook install` writes
// (through `sh -c`, its shell pre-filter first, blast-radius found on PATH). The compile cache is kept in a directory of this run's, filled by one warm-up run of
// each command (as any run after the first finds it); one row measures `check` with the cache off, a first run.
// Not a test: it prints numbers and ratios, and asserts nothing about time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 21);
const plan = join(root, 'fixtures/terraform/prod-replace/plan.json');

const bin = join(root, 'bin/blast-radius.cjs');
const hookPayload = (command) => JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });

// The starter configuration `blast-radius init` writes, as most projects have one.
const configDirectory = mkdtempSync(join(tmpdir(), 'blast-radius-bench-config-'));
spawnSync(process.execPath, [bin, 'init'], { cwd: configDirectory, stdio: 'ignore' });
const config = join(configDirectory, '.blast-radius.yml');

// The installed hook command, as `hook install claude-code` writes it, with this blast-radius and this node on PATH.
const hookDirectory = mkdtempSync(join(tmpdir(), 'blast-radius-bench-hook-'));
mkdirSync(join(hookDirectory, 'bin'));
symlinkSync(bin, join(hookDirectory, 'bin', 'blast-radius'));
symlinkSync(process.execPath, join(hookDirectory, 'bin', 'node'));
spawnSync(process.execPath, [bin, 'hook', 'install', 'claude-code'], { cwd: hookDirectory, stdio: 'ignore' });
const installedHook = JSON.parse(readFileSync(join(hookDirectory, '.claude', 'settings.json'), 'utf8')).hooks.PreToolUse[0].hooks[0].command;
const onPath = { PATH: `${join(hookDirectory, 'bin')}:${process.env.PATH}` };

const subjects = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'hook pass-through (git status)': [process.execPath, [bin, 'hook', 'claude-code'], hookPayload('git status')],
  'hook inspection (terraform plan)': [process.execPath, [bin, 'hook', 'claude-code'], hookPayload('cd infra && terraform plan')],
  'hook refusal (terraform destroy)': [process.execPath, [bin, 'hook', 'claude-code'], hookPayload('terraform destroy -auto-approve')],
  'installed hook, sh -c (ls -la)': ['sh', ['-c', installedHook], hookPayload('ls -la'), onPath],
  'installed hook, sh -c (terraform plan)': ['sh', ['-c', installedHook], hookPayload('cd infra && terraform plan'), onPath],
  'installed hook, sh -c (terraform destroy)': ['sh', ['-c', installedHook], hookPayload('terraform destroy -auto-approve'), onPath],
  'check (small plan, text)': [process.execPath, [bin, 'check', plan]],
  'check (small plan, json)': [process.execPath, [bin, 'check', plan, '--format', 'json']],
  'check (small plan, starter config)': [process.execPath, [bin, 'check', plan, '--config', config]],
  'check (small plan, text), no cache': [process.execPath, [bin, 'check', plan], '', { BLAST_RADIUS_COMPILE_CACHE: '0' }],
};
const cacheDirectory = mkdtempSync(join(tmpdir(), 'blast-radius-bench-cache-'));

function timeOnce([command, args, input = '', env = {}]) {
  const start = process.hrtime.bigint();
  spawnSync(command, args, {
    input,
    stdio: ['pipe', 'ignore', 'ignore'],
    env: { ...process.env, NO_COLOR: '1', BLAST_RADIUS_COMPILE_CACHE: cacheDirectory, ...env },
  });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

for (const subject of Object.values(subjects)) timeOnce(subject);
const samples = Object.fromEntries(Object.keys(subjects).map((name) => [name, []]));
for (let i = 0; i < runs; i++) {
  // Interleave the subjects so that machine load affects them alike.
  for (const [name, subject] of Object.entries(subjects)) samples[name].push(timeOnce(subject));
}
const baseline = median(samples['node -e 0']);
console.log(`node ${process.version}, ${runs} runs each, interleaved; median wall time`);
for (const [name, values] of Object.entries(samples)) {
  const m = median(values);
  console.log(`${name.padEnd(42)} ${m.toFixed(1).padStart(7)} ms  ${(m / baseline).toFixed(2)}x`);
}
for (const directory of [cacheDirectory, configDirectory, hookDirectory]) rmSync(directory, { recursive: true, force: true });
