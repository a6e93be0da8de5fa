#!/usr/bin/env node
// Entry point of the blast-radius command: turns on Node's compile cache, runs the CLI, and never lets a crash exit 0.
import module from 'node:module';

module.enableCompileCache?.();

const EXIT_ERROR = 2;
let crashed = false;
process.on('uncaughtException', (error) => {
  crashed = true;
  process.stderr.write(`blast-radius: internal error: ${error?.message ?? error}\n`);
  process.exit(EXIT_ERROR);
});

const { main } = await import('../dist/bin/main.js');
const code = await main(process.argv.slice(2));
process.exitCode = crashed ? EXIT_ERROR : code;
