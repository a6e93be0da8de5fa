// Measures `blast-radius check` on generated plans of 1k, 10k and 60k resource changes (and 2 GB with --huge)
// against JSON.parse of the same file, jq counting deletes, and the floor of reading every byte once: median wall
// time and peak RSS of several interleaved runs, with ratios. Not a test: it prints numbers and asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatePlan } from './bench/generate-plan.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin/blast-radius.cjs');
const huge = process.argv.includes('--huge');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
const hasJq = spawnSync('jq', ['--version'], { stdio: 'ignore' }).status === 0;
/** Reports the peak RSS of a node child when /usr/bin/time is missing. */
const rssReporter = pathToFileURL(join(root, 'scripts/bench/report-max-rss.js')).href;

const FLOOR = `const fs=require('fs');const fd=fs.openSync(process.argv[1],'r');const b=Buffer.allocUnsafe(1<<20);let n,s=0;while((n=fs.readSync(fd,b,0,b.length,null))>0)for(let i=0;i<n;i++)s^=b[i];if(s===-1)console.log(s)`;
const PARSE = `JSON.parse(require('fs').readFileSync(process.argv[1]))`;

const subjects = (file) => ({
  'blast-radius check': [process.execPath, [bin, 'check', file, '--format', 'json']],
  'JSON.parse': [process.execPath, ['-e', PARSE, file]],
  ...(hasJq ? { 'jq (count deletes)': ['jq', ['[.resource_changes[]? | select(.change.actions | index("delete"))] | length', file]] } : {}),
  'floor (read every byte)': [process.execPath, ['-e', FLOOR, file]],
});

/** One run: wall time in ms, peak RSS in MB (undefined when it cannot be measured), and whether it succeeded. */
function measure([command, args]) {
  const scratch = mkdtempSync(join(tmpdir(), 'blast-radius-bench-time-'));
  try {
    const out = join(scratch, 'time.txt');
    const node = command === process.execPath;
    const [cmd, argv] = hasTime ? [TIME, ['-f', '%e %M', '-o', out, command, ...args]] : [command, node ? ['--import', rssReporter, ...args] : args];
    const start = process.hrtime.bigint();
    const result = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', RSS_REPORT: out } });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    const exit = result.status;
    let rss;
    if (existsSync(out)) {
      const text = readFileSync(out, 'utf8').trim().split('\n').at(-1);
      rss = Number(text.split(' ').at(-1)) / 1024;
    }
    // check exits 1 when the plan is blocked: that is a result, not a failure.
    const ok = exit === 0 || (args[0] === bin && exit === 1);
    const lines = result.stderr.toString().trim().split('\n');
    return { wall, rss, ok, error: ok ? '' : (lines.find((line) => /Error/.test(line)) ?? lines.at(-1)).trim() };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const format = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

function bench(label, file, size, count, only) {
  const all = subjects(file);
  const chosen = Object.fromEntries(Object.entries(all).filter(([name]) => !only || only.includes(name)));
  const samples = Object.fromEntries(Object.keys(chosen).map((name) => [name, []]));
  for (let i = 0; i < count; i++) for (const [name, subject] of Object.entries(chosen)) samples[name].push(measure(subject));
  const parse = samples['JSON.parse'];
  const parseWall = parse && parse.every((s) => s.ok) ? median(parse.map((s) => s.wall)) : undefined;
  const rows = [];
  for (const [name, runsOf] of Object.entries(samples)) {
    const ok = runsOf.every((s) => s.ok);
    const wall = median(runsOf.map((s) => s.wall));
    const rss = runsOf.every((s) => s.rss !== undefined) ? Math.max(...runsOf.map((s) => s.rss)) : undefined;
    rows.push(
      `| ${label} | ${(size / 1e6).toFixed(0)} MB | ${name} | ${ok ? format(wall) : `fails: ${runsOf.find((s) => !s.ok).error}`} | ` +
        `${rss === undefined ? 'n/a' : `${rss.toFixed(0)} MB`} | ${ok && parseWall ? `${(wall / parseWall).toFixed(2)}×` : '—'} |`,
    );
  }
  return rows;
}

const scratch = mkdtempSync(join(tmpdir(), 'blast-radius-bench-'));
try {
  const cases = [['1k', 1_000], ['10k', 10_000], ['60k', 60_000], ...(huge ? [['2 GB', 400_000]] : [])];
  console.log(
    `node ${process.version}, ${runs} interleaved runs each (median wall time, highest peak RSS)` +
      (hasTime ? '' : '; RSS of node commands from resourceUsage()'),
  );
  console.log('| plan (resource changes) | size | command | wall time | peak RSS | time / JSON.parse |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [label, count] of cases) {
    const file = join(scratch, `plan-${label.replace(' ', '')}.json`);
    const { size } = generatePlan(file, count);
    // The 2 GB case leaves jq out: it takes minutes and gigabytes; JSON.parse is shown failing (V8 strings stop near
    // 512 MB).
    const isHuge = label === '2 GB';
    const rows = bench(
      `${label} (${count.toLocaleString('en')})`,
      file,
      size,
      runs,
      isHuge ? ['blast-radius check', 'JSON.parse', 'floor (read every byte)'] : undefined,
    );
    for (const row of rows) console.log(row);
    rmSync(file, { force: true });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
