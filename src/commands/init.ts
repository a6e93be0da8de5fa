// The `init` command: writes a commented starter .blast-radius.yml in the working directory (never over one).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandSpec } from './kit/command-spec.js';
import { STARTER_CONFIG } from '../config/starter-config.js';
import { ConfigError, EXIT_PASS } from '../errors.js';

interface InitArgs {
  force?: boolean;
}

const command: CommandSpec<InitArgs> = {
  usage: 'init',
  exitCodes: 'Exit codes: 0 written, 2 usage error, or a .blast-radius.yml there already (without --force).',
  describe: 'Write a commented starter .blast-radius.yml in the working directory.',
  options: { force: { type: 'boolean', describe: 'Overwrite an existing .blast-radius.yml.' } },
  examples: [['$0 init', 'Create .blast-radius.yml, then edit it.']],
  run: (args) => {
    const path = join(process.cwd(), '.blast-radius.yml');
    if (existsSync(path) && !args.force) throw new ConfigError(`${path} exists already: edit it, or pass --force to overwrite it.`);
    writeFileSync(path, STARTER_CONFIG);
    process.stdout.write(`Wrote ${path}.\n`);
    return EXIT_PASS;
  },
};

export default command;
