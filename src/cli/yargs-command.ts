// Turns a command spec into a yargs command module: used for --help, --version and anything the fast path does not run.
import type { Argv, CommandModule } from 'yargs';
import { positionalNames, type CommandSpec } from '../commands/kit/command-spec.js';
import { CHECK_EXIT_CODES } from './epilogue.js';

export function toYargsCommand<Args>(spec: CommandSpec<Args>, onExit: (code: number) => void): CommandModule {
  const names = positionalNames(spec.usage);
  return {
    command: spec.usage,
    describe: spec.describe,
    builder: (yargs: Argv) => {
      let built: Argv = yargs;
      for (const name of names) {
        const describe = spec.positional?.parts?.[name] ?? (names.length === 1 ? spec.positional?.describe : undefined);
        // No default: an optional list is shown as what it is, not as `[default: []]`.
        built = built.positional(name, { type: 'string', describe, default: undefined });
      }
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
      return built.epilogue(spec.exitCodes ?? CHECK_EXIT_CODES);
    },
    handler: async (args) => {
      // The command takes its positional arguments as one list, as the fast path gives them (words after -- last).
      const words = [...names.flatMap((name) => [args[name] ?? []].flat()), ...args._.slice(1)].filter((word) => word !== undefined).map(String);
      const given = spec.positional ? { ...args, [spec.positional.name]: words } : args;
      onExit(await spec.run(given as unknown as Args));
    },
  };
}
