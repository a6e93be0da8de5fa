// Writes the README's example outputs from real runs (npm run docs:examples): every fenced block right under a
// `<!-- example: blast-radius ARGS -->` line becomes what the built command prints for ARGS (words split on spaces),
// run from the repository root without colour, approvals or a user configuration. With --check it writes nothing and
// exits 1 naming each example that is not what the command prints now (tests/e2e/readme-examples.test.ts runs it).
// Needs the build (npm run build).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const README = join(ROOT, 'README.md');
/** The marker line, then a fenced block: its fence (three or more backticks), its language, its text. */
const EXAMPLE = /^<!-- example: blast-radius (.+) -->\n(`{3,})([a-z]*)\n([\s\S]*?)^\2$/gm;

/** A fence longer than any run of backticks in the text, so that nothing in it can end the block. */
function fenceFor(text) {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

const home = mkdtempSync(join(tmpdir(), 'blast-radius-examples-'));
function output(args) {
  const env = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'), NO_COLOR: '1' };
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/blast-radius.cjs'), ...args.split(' ')], { cwd: ROOT, env, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`blast-radius ${args} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

try {
  const readme = readFileSync(README, 'utf8');
  const stale = [];
  const updated = readme.replace(EXAMPLE, (block, args, _fence, language, text) => {
    const printed = output(args);
    if (printed !== text) stale.push(args);
    const fence = fenceFor(printed);
    return `<!-- example: blast-radius ${args} -->\n${fence}${language}\n${printed}${fence}`;
  });
  if (process.argv.includes('--check')) {
    for (const args of stale) console.error(`README.md: the example of blast-radius ${args} is not what it prints now: run npm run docs:examples.`);
    process.exitCode = stale.length === 0 ? 0 : 1;
  } else {
    writeFileSync(README, updated);
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}
