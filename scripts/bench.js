// Measures `blast-radius check` on generated inputs against a baseline run in the same session, and prints one table:
// Terraform plans of 100 to 60,000 resource changes (400,000, 2 GB, with --huge; sizes between with --curve) against
// a bare script that only JSON.parses the same file (and the floor of reading every byte once), and a 2,000-object
// `kubectl diff` and a 1,400-object `helm diff` against `node -e 0`. Every command runs BENCH_RUNS times (default 5),
// interleaved with the others of its input, and the table gives the median wall time, the spread (lowest–highest),
// the highest peak RSS, the median CPU time and the ratios of medians to the baseline. Not a test: it prints numbers
// and asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateHelmDiff, generateKubectlDiff } from './bench/generate-kubernetes.js';
import { generatePlan } from './bench/generate-plan.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin/blast-radius.cjs');
const huge = process.argv.includes('--huge');
/** More sizes between, for the curve of time against size. */
const curve = process.argv.includes('--curve');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
/** Reports the peak RSS of a node child when /usr/bin/time is missing. */
const rssReporter = pathToFileURL(join(root, 'scripts/bench/report-max-rss.js')).href;

const FLOOR = `const fs=require('fs');const fd=fs.openSync(process.argv[1],'r');const b=Buffer.allocUnsafe(1<<20);let n,s=0;while((n=fs.readSync(fd,b,0,b.length,null))>0)for(let i=0;i<n;i++)s^=b[i];if(s===-1)console.log(s)`;
const PARSE = `JSON.parse(require('fs').readFileSync(process.argv[1]))`;

const check = (file) => [process.execPath, [bin, 'check', file, '--format', 'json']];
const PARSE_BASELINE = 'JSON.parse (bare script)';
const NODE_BASELINE = '`node -e 0`';

/** The inputs: how each is made, the commands run on it, the baseline its ratios divide by, and the targets. */
const INPUTS = [
  ...[
    [100, '≤ 1.0×'],
    ...(curve ? [[300, '≤ 1.0×']] : []),
    [1_000, '≤ 1.0×'],
    ...(curve ? [[3_000, '']] : []),
    [10_000, '≤ 0.8×'],
    ...(curve ? [[30_000, '']] : []),
    [60_000, '≤ 0.5× (stretch 0.35×)'],
    ...(curve ? [[150_000, '']] : []),
    ...(huge ? [[400_000, 'JSON.parse cannot']] : []),
  ].map(([count, target]) => ({
    label: `plan, ${count.toLocaleString('en')} changes`,
    make: (file) => generatePlan(file, count).size,
    target,
    subjects: (file) => ({
      'blast-radius check': check(file),
      [PARSE_BASELINE]: [process.execPath, ['-e', PARSE, file]],
      'floor (read every byte)': [process.execPath, ['-e', FLOOR, file]],
    }),
    baseline: PARSE_BASELINE,
  })),
  {
    label: 'kubectl diff, 2,000 objects',
    make: (file) => generateKubectlDiff(file, 2_000),
    target: '≤ 0.25 s',
    subjects: (file) => ({ 'blast-radius check': check(file), [NODE_BASELINE]: [process.execPath, ['-e', '0']] }),
    baseline: NODE_BASELINE,
  },
  {
    label: 'helm diff, 1,400 objects',
    make: (file) => generateHelmDiff(file, 1_400),
    target: '≤ 0.25 s',
    subjects: (file) => ({ 'blast-radius check': check(file), [NODE_BASELINE]: [process.execPath, ['-e', '0']] }),
    baseline: NODE_BASELINE,
  },
];

/**
 * One run: wall time in ms, CPU time (user + system) in ms and peak RSS in MB (undefined when they cannot be measured),
 * and whether it succeeded.
 */
function measure([command, args]) {
  const scratch = mkdtempSync(join(tmpdir(), 'blast-radius-bench-time-'));
  try {
    const out = join(scratch, 'time.txt');
    const node = command === process.execPath;
    const [cmd, argv] = hasTime ? [TIME, ['-f', '%U %S %M', '-o', out, command, ...args]] : [command, node ? ['--import', rssReporter, ...args] : args];
    const start = process.hrtime.bigint();
    const result = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', RSS_REPORT: out } });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    let rss;
    let cpu;
    if (existsSync(out)) {
      const fields = readFileSync(out, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
      rss = fields.at(-1) / 1024;
      if (fields.length === 3) cpu = (fields[0] + fields[1]) * 1000;
    }
    // check exits 1 when the input is blocked: that is a result, not a failure, unless it printed something (a crash
    // exits 1 too). /usr/bin/time adds its own line about the exit status.
    const lines = result.stderr
      .toString()
      .trim()
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('Command exited with non-zero status'));
    const ok = result.status === 0 || (args[0] === bin && result.status === 1 && lines.length === 0);
    return { wall, cpu, rss, ok, error: ok ? '' : (lines.find((line) => /Error/.test(line)) ?? lines.at(-1) ?? `exit status ${result.status}`).trim() };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const format = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** The table's rows for one input: every subject run `count` times, interleaved. */
function bench(input, file, size) {
  const subjects = input.subjects(file);
  const samples = Object.fromEntries(Object.keys(subjects).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) for (const [name, subject] of Object.entries(subjects)) samples[name].push(measure(subject));
  const base = samples[input.baseline];
  const baseWall = base.every((s) => s.ok) ? median(base.map((s) => s.wall)) : undefined;
  const baseCpu = base.every((s) => s.ok && s.cpu !== undefined) ? median(base.map((s) => s.cpu)) : undefined;
  return Object.entries(samples).map(([name, runsOf]) => {
    const ok = runsOf.every((s) => s.ok);
    const walls = runsOf.map((s) => s.wall);
    const wall = median(walls);
    const rss = runsOf.every((s) => s.rss !== undefined) ? `${Math.max(...runsOf.map((s) => s.rss)).toFixed(0)} MB` : 'n/a';
    const time = ok ? `${format(wall)} (${format(Math.min(...walls))}–${format(Math.max(...walls))})` : `fails: ${runsOf.find((s) => !s.ok).error}`;
    const ratio = ok && baseWall !== undefined ? `${(wall / baseWall).toFixed(2)}×` : '—';
    const cpus = runsOf.map((s) => s.cpu);
    const cpu = ok && cpus.every((value) => value !== undefined) ? median(cpus) : undefined;
    const cpuRatio = cpu !== undefined && baseCpu !== undefined ? `${format(cpu)}, ${(cpu / baseCpu).toFixed(2)}×` : cpu !== undefined ? format(cpu) : 'n/a';
    const target = name === 'blast-radius check' ? input.target : '';
    return `| ${input.label} | ${(size / 1e6).toFixed(1)} MB | ${name} | ${time} | ${rss} | ${ratio} | ${cpuRatio} | ${target} |`;
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'blast-radius-bench-'));
try {
  console.log(
    `node ${process.version}, ${runs} interleaved runs of each command per input: median wall time (lowest–highest), highest peak RSS, median CPU time (user + system: less moved by other work on the machine)` +
      (hasTime ? '' : ' (of node commands, from resourceUsage())') +
      '; ratios are medians against the baseline of the same input (JSON.parse for plans, `node -e 0` for Kubernetes outputs)',
  );
  console.log('| input | size | command | wall time | peak RSS | wall / baseline | CPU time, / baseline | target |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [at, input] of INPUTS.entries()) {
    const file = join(scratch, `input-${at}`);
    const size = input.make(file);
    for (const row of bench(input, file, size)) console.log(row);
    rmSync(file, { force: true });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
