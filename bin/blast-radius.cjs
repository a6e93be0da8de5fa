#!/usr/bin/env node
// The blast-radius command: everything it does starts in src/cli/start.ts (built to dist/start.cjs).
require('../dist/start.cjs').start(require('node:path').join(__dirname, '..', 'dist'));
