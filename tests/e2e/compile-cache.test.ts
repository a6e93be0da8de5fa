// The built command with its compile cache: the bundles carry their content hash, the first run saves compiled
// code, later runs (and runs after the cache was damaged) answer exactly as a run without it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IN_MEMORY_LIMIT } from '../../src/formats/load-input.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());
const PLAN = join(ROOT, 'fixtures/terraform/prod-replace/plan.json');
/** The bundles' caches (Node 22+ also keeps its own, for the dependencies, in node/). */
const bundleCaches = (directory: string): string[] => readdirSync(directory).filter((name) => name.endsWith('.cache'));
const hookPayload = (command: string): string => JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });

it.each(['dist/start.cjs', 'dist/bin/main.cjs', 'dist/hook/hook-main.cjs'])('%s starts with the SHA-256 of the rest of its text', (bundle) => {
  const text = readFileSync(join(ROOT, bundle), 'utf8');
  const newline = text.indexOf('\n');
  expect(text.slice(0, newline)).toBe(
    `// sha256:${createHash('sha256')
      .update(text.slice(newline + 1))
      .digest('hex')}`,
  );
});

it('saves compiled code on the first run and answers the same from it, even when it was damaged', () => {
  const cache = join(scratch.path, 'check-cache');
  const env = { BLAST_RADIUS_COMPILE_CACHE: cache };
  const uncached = runCli(['check', PLAN], { env: { BLAST_RADIUS_COMPILE_CACHE: '0' } });
  expect(uncached.code).toBe(1);

  expect(runCli(['check', PLAN], { env })).toEqual(uncached);
  const [saved] = bundleCaches(cache);
  expect(saved).toMatch(/^main-[0-9a-f]{16}-v8-.+\.cache$/);
  expect(runCli(['check', PLAN], { env })).toEqual(uncached);

  writeFileSync(join(cache, saved), Buffer.alloc(1024, 1));
  expect(runCli(['check', PLAN], { env })).toEqual(uncached);
  expect(readFileSync(join(cache, saved)).equals(Buffer.alloc(1024, 1))).toBe(false);
});

it('saves what a run compiled before it changed the flags of V8 (a streamed plan bounds the heap), which the next run takes', () => {
  const cache = join(scratch.path, 'streamed-cache');
  const env = { BLAST_RADIUS_COMPILE_CACHE: cache };
  const plan = JSON.parse(readFileSync(PLAN, 'utf8'));
  const large = JSON.stringify({ ...plan, prior_state: { padding: 'x'.repeat(IN_MEMORY_LIMIT) } });
  const uncached = runCli(['check', '-'], { input: large, env: { BLAST_RADIUS_COMPILE_CACHE: '0' } });
  expect(uncached.code).toBe(1);
  expect(runCli(['check', '-'], { input: large, env })).toEqual(uncached);
  const [saved] = bundleCaches(cache);
  expect(saved).toMatch(/^main-[0-9a-f]{16}-v8-.+\.cache$/);
  const savedBytes = readFileSync(join(cache, saved));
  // A run that takes the cached code writes nothing; one whose V8 refused it would save anew.
  expect(runCli(['check', '-'], { input: large, env })).toEqual(uncached);
  expect(runCli(['check', PLAN], { env }).code).toBe(1);
  expect(bundleCaches(cache)).toEqual([saved]);
  expect(readFileSync(join(cache, saved)).equals(savedBytes)).toBe(true);
});

it('keeps the hook bundle apart from the CLI bundle', () => {
  const cache = join(scratch.path, 'hook-cache');
  const env = { BLAST_RADIUS_COMPILE_CACHE: cache };
  const passed = runCli(['hook', 'claude-code'], { input: hookPayload('git status'), env });
  expect(passed.code).toBe(0);
  expect(bundleCaches(cache)).toEqual([expect.stringMatching(/^hook-main-/)]);
  expect(runCli(['hook', 'claude-code'], { input: hookPayload('git status'), env })).toEqual(passed);
  // Parsing the shell turns on V8's --liftoff-only: that run uses the cache, and saves nothing it would refuse.
  const refused = runCli(['hook', 'claude-code'], { input: hookPayload('terraform destroy -auto-approve'), env });
  expect(JSON.parse(refused.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
  expect(bundleCaches(cache)).toHaveLength(1);
});

it('writes nothing when the cache is turned off', () => {
  const cache = join(scratch.path, 'off');
  expect(runCli(['check', PLAN], { env: { BLAST_RADIUS_COMPILE_CACHE: '0' } }).code).toBe(1);
  expect(runCli(['check', PLAN], { env: { BLAST_RADIUS_COMPILE_CACHE: cache, NODE_DISABLE_COMPILE_CACHE: '1' } }).code).toBe(1);
  expect(existsSync(cache)).toBe(false);
});
