// Parses a command's arguments with node:util parseArgs from its spec: the start-up-cheap path used to run commands.
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { GLOBAL_OPTIONS, positionalNames, type CommandSpec } from '../commands/kit/command-spec.js';

type ParseOptions = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function cleanMessage(error: unknown): string {
  const message = String((error as Error).message ?? error);
  return message.replace(/\. To specify a positional argument.*$/s, ' (arguments that start with - go after --).');
}

export function fastParse<Args>(spec: CommandSpec<Args>, argv: string[]): Args {
  const all = { ...spec.options, ...GLOBAL_OPTIONS };
  const options: ParseOptions = {};
  for (const [name, option] of Object.entries(all)) {
    options[name] = { type: option.type, ...(option.alias ? { short: option.alias } : {}), ...(option.multiple ? { multiple: true } : {}) };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true, allowNegative: true });
  } catch (error) {
    throw new UsageError(cleanMessage(error));
  }
  const args: Record<string, unknown> = {};
  if (spec.positional) {
    if (parsed.positionals.length === 0 && spec.positional.optional !== true)
      throw new UsageError(`Missing ${positionalNames(spec.usage).join(' and ')}: ${spec.positional.describe}`);
    args[spec.positional.name] = parsed.positionals;
  } else if (parsed.positionals.length > 0) {
    throw new UsageError(`Unexpected argument "${parsed.positionals[0]}": this command takes options only.`);
  }
  for (const [name, option] of Object.entries(all)) {
    const value = parsed.values[name] ?? option.default;
    if (option.choices && typeof value === 'string' && !option.choices.includes(value)) {
      throw new UsageError(`Invalid value "${value}" for --${name}: choose one of ${option.choices.join(', ')}.`);
    }
    if (value !== undefined) args[name] = value;
  }
  return args as Args;
}
