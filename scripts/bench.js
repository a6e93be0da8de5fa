// Measures `blast-radius check` on generated inputs against a baseline run in the same session, and prints one table:
// Terraform plans of 100 to 60,000 resource changes (400,000, 2 GB, with --huge; sizes between with --curve) against
// a bare script that only JSON.parses the same file (and the floor of reading every byte once), a 2,000-object
// `kubectl diff` and a 1,400-object `helm diff` against `node -e 0`, and the agent hook as `hook install claude-code`
// writes it (its shell pre-filter, then node) against `node -e 0`. `--only <text>` runs the inputs whose label holds it. Every command runs BENCH_RUNS times (default 5),
// interleaved with the others of its input, and the table gives the median wall time, the spread (lowest–highest),
// the highest peak RSS, the median CPU time and the ratios of medians to the baseline. Not a test: it prints numbers
// and asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
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
/** `--only <text>`: the inputs whose label holds the text (`--only hook`, `--only 'plan, 1,000'`). */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const runs = Number(process.env.BENCH_RUNS ?? 5);
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
/** Reports the peak RSS of a node child when /usr/bin/time is missing. */
const rssReporter = pathToFileURL(join(root, 'scripts/bench/report-max-rss.js')).href;

const FLOOR = `const fs=require('fs');const fd=fs.openSync(process.argv[1],'r');const b=Buffer.allocUnsafe(1<<20);let n,s=0;while((n=fs.readSync(fd,b,0,b.length,null))>0)for(let i=0;i<n;i++)s^=b[i];if(s===-1)console.log(s)`;
const PARSE = `JSON.parse(require('fs').readFileSync(process.argv[1]))`;

const check = (file) => [process.execPath, [bin, 'check', file, '--format', 'json']];
const hookPayload = (command) => JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });

/**
 * Installs the Claude Code hook in `directory` with this blast-radius and this node on a PATH of its own; returns a
 * subject maker: the installed command run as Claude Code runs it (`sh -c`, the payload on standard input).
 */
function installedHook(directory) {
  mkdirSync(join(directory, 'bin'), { recursive: true });
  symlinkSync(bin, join(directory, 'bin', 'blast-radius'));
  symlinkSync(process.execPath, join(directory, 'bin', 'node'));
  spawnSync(process.execPath, [bin, 'hook', 'install', 'claude-code'], { cwd: directory, stdio: 'ignore' });
  const command = JSON.parse(readFileSync(join(directory, '.claude', 'settings.json'), 'utf8')).hooks.PreToolUse[0].hooks[0].command;
  const env = { PATH: `${join(directory, 'bin')}:${process.env.PATH}` };
  return (shellCommand) => ['sh', ['-c', command], { input: hookPayload(shellCommand), env }];
}
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
  {
    label: 'agent hook, installed',
    make: (directory) => {
      mkdirSync(directory);
      return 0;
    },
    targets: {
      'installed hook, `ls -la` (answered by the shell)': '≤ 0.2×',
      'installed hook, `cd infra && terraform plan`': '≤ 1.3×',
      'installed hook, `terraform destroy -auto-approve` (refused)': '≤ 1.3×',
    },
    subjects: (directory) => {
      const hook = installedHook(directory);
      return {
        'installed hook, `ls -la` (answered by the shell)': hook('ls -la'),
        'installed hook, `cd infra && terraform plan`': hook('cd infra && terraform plan'),
        'installed hook, `terraform destroy -auto-approve` (refused)': hook('terraform destroy -auto-approve'),
        [NODE_BASELINE]: [process.execPath, ['-e', '0']],
      };
    },
    baseline: NODE_BASELINE,
  },
];

/**
 * One run: wall time in ms, CPU time (user + system) in ms and peak RSS in MB (undefined when they cannot be measured),
 * and whether it succeeded.
 */
function measure([command, args, { input, env } = {}]) {
  const scratch = mkdtempSync(join(tmpdir(), 'blast-radius-bench-time-'));
  try {
    const out = join(scratch, 'time.txt');
    const node = command === process.execPath;
    const [cmd, argv] = hasTime ? [TIME, ['-f', '%U %S %M', '-o', out, command, ...args]] : [command, node ? ['--import', rssReporter, ...args] : args];
    const start = process.hrtime.bigint();
    const result = spawnSync(cmd, argv, {
      input,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', RSS_REPORT: out, ...env },
    });
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
    const target = input.targets?.[name] ?? (name === 'blast-radius check' ? input.target : '');
    const bytes = size > 0 ? `${(size / 1e6).toFixed(1)} MB` : '—';
    return `| ${input.label} | ${bytes} | ${name} | ${time} | ${rss} | ${ratio} | ${cpuRatio} | ${target} |`;
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'blast-radius-bench-'));
try {
  console.log(
    `node ${process.version}, ${runs} interleaved runs of each command per input: median wall time (lowest–highest), highest peak RSS, median CPU time (user + system: less moved by other work on the machine)` +
      (hasTime ? '' : ' (of node commands, from resourceUsage())') +
      '; ratios are medians against the baseline of the same input (JSON.parse for plans, `node -e 0` for Kubernetes outputs and the hook)',
  );
  console.log('| input | size | command | wall time | peak RSS | wall / baseline | CPU time, / baseline | target |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [at, input] of INPUTS.entries()) {
    if (only !== undefined && !input.label.includes(only)) continue;
    const file = join(scratch, `input-${at}`);
    const size = input.make(file);
    for (const row of bench(input, file, size)) console.log(row);
    rmSync(file, { recursive: true, force: true });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
