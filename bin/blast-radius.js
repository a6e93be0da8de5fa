#!/usr/bin/env node
// Entry point of the blast-radius command: turns on Node's compile cache, sends agent hook calls to their lean
// entry (it runs before every shell command an agent issues), runs the CLI otherwise, and never lets a crash exit 0
// or 1: a failure is exit 2, which every supported agent treats as "block".
import module from 'node:module';

module.enableCompileCache?.();

const EXIT_ERROR = 2;
function crash(error) {
  process.stderr.write(`blast-radius: internal error: ${error?.message ?? error}\n`);
  process.exit(EXIT_ERROR);
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

const args = process.argv.slice(2);
const HOOK_AGENTS = new Set(['claude-code', 'codex', 'cursor', 'gemini']);

if (args.length === 2 && args[0] === 'hook' && HOOK_AGENTS.has(args[1])) {
  const { hookMain } = await import('../dist/hook/hook-main.js');
  process.exitCode = await hookMain(args[1]);
} else {
  const { main } = await import('../dist/bin/main.js');
  process.exitCode = await main(args);
}
