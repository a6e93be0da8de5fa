// The `shims` command: `shims env` creates or refreshes the shim directory and prints the line that puts it first on
// PATH, so that every terraform, kubectl or helm an agent's shell runs, however it is spelled, passes blast-radius.
import { homedir } from 'node:os';
import type { CommandSpec } from './kit/command-spec.js';
import { EXIT_PASS, UsageError } from '../errors.js';
import { refreshShims } from '../shims/refresh-shims.js';

interface ShimsArgs {
  words: string[];
}

const command: CommandSpec<ShimsArgs> = {
  usage: 'shims <subcommand>',
  describe: 'Put guard shims for terraform, tofu, terragrunt, kubectl, oc, kubecolor, helm and helmfile first on PATH: `eval "$(blast-radius shims env)"`.',
  positional: { name: 'words', describe: '`env`: create or refresh the shims and print the PATH line.' },
  exitCodes: 'Exit codes: 0 the PATH line printed, 2 usage error or the shims could not be written.',
  options: {},
  examples: [['eval "$(blast-radius shims env)"', "Route this shell's destructive terraform, kubectl and helm runs through blast-radius guard."]],
  run: (args) => {
    if (args.words.length !== 1 || args.words[0] !== 'env') throw new UsageError('Run `blast-radius shims env`: it is the one shims command.');
    process.stdout.write(`${refreshShims(process.env, homedir())}\n`);
    return EXIT_PASS;
  },
};

export default command;
