// Turns a command spec into a yargs command module: used for --help, --version and anything the fast path does not run.
import type { Argv, CommandModule } from 'yargs';
import type { CommandSpec } from '../commands/kit/command-spec.js';
import { EPILOGUE } from './epilogue.js';

export function toYargsCommand<Args>(spec: CommandSpec<Args>, onExit: (code: number) => void): CommandModule {
  return {
    command: spec.usage,
    describe: spec.describe,
    builder: (yargs: Argv) => {
      let built: Argv = spec.positional ? yargs.positional(spec.positional.name, { type: 'string', array: true, describe: spec.positional.describe }) : yargs;
      for (const [name, option] of Object.entries(spec.options)) {
        built = built.option(name, {
          type: option.type,
          describe: option.describe,
          ...(option.alias ? { alias: option.alias } : {}),
          ...(option.default !== undefined ? { default: option.default } : {}),
          ...(option.choices ? { choices: [...option.choices] } : {}),
        });
      }
      for (const [command, meaning] of spec.examples) built = built.example(command, meaning);
      return built.epilogue(EPILOGUE);
    },
    handler: async (args) => onExit(await spec.run(args as unknown as Args)),
  };
}
