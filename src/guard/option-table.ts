// Reads the options of an AWS CLI (argparse) or CDK CLI (yargs) command line by a table that says, for each option,
// how many words it takes and which step of a guarded CloudFormation run gets it; an option the table does not know
// (an abbreviation included) stops the run, as the guard cannot tell what it would change.
import { UsageError } from '../errors.js';

/**
 * `prepare`: the step that creates the change set (`deploy --no-execute-changeset`, `cdk deploy --method=prepare-change-set`);
 * `connection`: every AWS CLI step (where the calls go: profile, region, endpoint); `execute`: execute-change-set only;
 * `name`/`stack`: the change set and stack an execute-change-set names; `drop`: no step (output shaping, and what the
 * guard does itself); `refuse`: the guarded run would not be the command's.
 */
export type OptionRole = 'prepare' | 'connection' | 'execute' | 'name' | 'stack' | 'drop' | 'refuse';

export interface OptionSpec {
  /** `switch`: no value (`--name=value` only with yargs booleans); `value`: one word; `list`: every word up to the next option. */
  takes: 'switch' | 'value' | 'list';
  role: OptionRole;
  /** With `refuse`: why, as the end of a sentence. */
  why?: string;
}

export interface ScannedOption {
  name: string;
  /** The words as written. */
  words: string[];
  values: string[];
  spec: OptionSpec;
}

export const option = (takes: OptionSpec['takes'], role: OptionRole, why?: string): OptionSpec => ({ takes, role, ...(why === undefined ? {} : { why }) });

/** The same spec for each of the names. */
export function options(names: readonly string[], spec: OptionSpec): Record<string, OptionSpec> {
  return Object.fromEntries(names.map((name) => [name, spec]));
}

/** `--name value`, `--name=value`, `-x value` (short names in `short`); positional words apart; `--` ends the options. */
export function scanOptions(
  words: readonly string[],
  long: Record<string, OptionSpec>,
  short: Record<string, string>,
  command: string,
): { options: ScannedOption[]; positionals: string[] } {
  const scanned: ScannedOption[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === '--') {
      positionals.push(...words.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      positionals.push(word);
      continue;
    }
    const equals = word.indexOf('=');
    const written = equals < 0 ? word : word.slice(0, equals);
    const name = written.startsWith('--') ? written.slice(2) : Object.hasOwn(short, written.slice(1)) ? short[written.slice(1)] : undefined;
    const spec = name !== undefined && Object.hasOwn(long, name) ? long[name] : undefined;
    if (name === undefined || spec === undefined)
      throw new UsageError(
        `blast-radius guard does not know the ${command} option ${written}, so it cannot tell what the command would change; write options in full, or run it without that one.`,
      );
    const values = equals < 0 ? [] : [word.slice(equals + 1)];
    const taken = [word];
    if (equals < 0 && spec.takes !== 'switch') {
      while (i + 1 < words.length && (values.length === 0 || (spec.takes === 'list' && !words[i + 1].startsWith('-')))) {
        values.push(words[++i]);
        taken.push(words[i]);
      }
      if (values.length === 0) throw new UsageError(`The ${command} option ${written} needs a value.`);
    }
    scanned.push({ name, words: taken, values, spec });
  }
  return { options: scanned, positionals };
}

/** Refuses an option whose role is `refuse`. */
export function refuseOptions(scanned: readonly ScannedOption[], command: string): void {
  const refused = scanned.find((found) => found.spec.role === 'refuse');
  if (refused)
    throw new UsageError(
      `blast-radius guard cannot check \`${command}\` with --${refused.name}: ${refused.spec.why ?? 'the run would not be what was checked'}.`,
    );
}

/** The words of the options of a role, as written. */
export function wordsOf(scanned: readonly ScannedOption[], role: OptionRole): string[] {
  return scanned.filter((found) => found.spec.role === role).flatMap((found) => found.words);
}

/** The last value of an option, when given. */
export function lastValue(scanned: readonly ScannedOption[], name: string): string | undefined {
  return scanned
    .filter((found) => found.name === name)
    .at(-1)
    ?.values.at(-1);
}
