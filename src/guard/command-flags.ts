// Splits a kubectl or helm command line into flags and positional words, by a table that says for every flag whether
// it takes a value and what the guard does with it; a flag the table does not know is refused (fail closed).
import { UsageError } from '../errors.js';

/**
 * What the guard does with a flag: `preview` passes it to the preview command (kubectl diff, the server dry run,
 * helm diff) as well as to the real one; `drop` leaves it out of the preview (it changes nothing the check judges);
 * `refuse` makes the command one the guard cannot preview faithfully.
 */
export type FlagRole = 'preview' | 'drop' | 'refuse';

export interface FlagSpec {
  value: boolean;
  role: FlagRole;
  /** With `refuse`: why, as the end of a sentence. */
  why?: string;
}

export const PREVIEW_VALUE: FlagSpec = { value: true, role: 'preview' };
export const PREVIEW_SWITCH: FlagSpec = { value: false, role: 'preview' };
export const DROP_VALUE: FlagSpec = { value: true, role: 'drop' };
export const DROP_SWITCH: FlagSpec = { value: false, role: 'drop' };
/** `--dry-run`, `--dry-run=server|client` (the value only after `=`, as kubectl and helm read it); `=none` is a real run. */
export const DRY_RUN: FlagSpec = { value: false, role: 'refuse', why: 'it is already a dry run; run it directly' };

/** The same spec for each of the names. */
export function specs(names: readonly string[], spec: FlagSpec): Record<string, FlagSpec> {
  return Object.fromEntries(names.map((name) => [name, spec]));
}

export interface FlagTable {
  /** Long names without dashes (`filename`). */
  long: Record<string, FlagSpec>;
  /** Short letter → long name (`f` → `filename`). */
  short: Record<string, string>;
}

export interface ScannedFlag {
  /** The long name, without dashes. */
  name: string;
  /** The words as written (`--filename=x`, or `-f` and `x`). */
  words: string[];
  /** The value given (`=value` or the next word); undefined for a bare boolean flag. */
  value?: string;
  spec: FlagSpec;
}

export interface ScannedWords {
  flags: ScannedFlag[];
  positionals: string[];
}

/** A boolean flag written so that it is off (`--prune=false`, `--dry-run=none`). */
export function isSwitchedOff(flag: ScannedFlag): boolean {
  return !flag.spec.value && flag.value !== undefined && /^(false|0|none)$/.test(flag.value);
}

/** `--name=value`, `--name value`, `-n value`, `-n=value`, `-nvalue`; `--` ends the flags. */
export function scanWords(words: readonly string[], table: FlagTable, tool: string): ScannedWords {
  const scanned: ScannedWords = { flags: [], positionals: [] };
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '--') {
      scanned.positionals.push(...words.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      scanned.positionals.push(word);
      continue;
    }
    const long = word.startsWith('--');
    const body = word.slice(long ? 2 : 1);
    const equals = body.indexOf('=');
    const written = long ? (equals < 0 ? body : body.slice(0, equals)) : body.slice(0, 1);
    const name = long ? written : table.short[written];
    const spec = name === undefined ? undefined : table.long[name];
    if (name === undefined || spec === undefined) {
      throw new UsageError(`blast-radius guard does not know the ${tool} option ${long ? `--${written}` : `-${written}`}, so it cannot tell what the command would change; run it without that option.`);
    }
    let inline: string | undefined;
    if (long) inline = equals < 0 ? undefined : body.slice(equals + 1);
    else if (body.length > 1) inline = body.slice(body[1] === '=' ? 2 : 1);
    if (inline !== undefined || !spec.value) {
      scanned.flags.push({ name, words: [word], ...(inline === undefined ? {} : { value: inline }), spec });
      continue;
    }
    const value = words[i + 1];
    if (value === undefined) throw new UsageError(`The ${tool} option ${word} needs a value.`);
    scanned.flags.push({ name, words: [word, value], value, spec });
    i++;
  }
  return scanned;
}

/** Refuses a flag whose role is `refuse`, unless it is a boolean switched off. */
export function refuseUnpreviewable(scanned: ScannedWords, tool: string): void {
  const refused = scanned.flags.find((flag) => flag.spec.role === 'refuse' && !isSwitchedOff(flag));
  if (refused) throw new UsageError(`blast-radius guard cannot check \`${tool}\` with --${refused.name}: ${refused.spec.why ?? 'its preview would not show what it changes'}.`);
}

/**
 * The flags the preview command takes, in their long form (`-nprod` → `--namespace prod`): the preview may not know a
 * short form the real command has (helm-diff has no `-i` for `--install`).
 */
export function previewFlagWords(scanned: ScannedWords): string[] {
  return scanned.flags
    .filter((flag) => flag.spec.role === 'preview')
    .flatMap((flag) => (flag.value === undefined ? [`--${flag.name}`] : flag.spec.value ? [`--${flag.name}`, flag.value] : [`--${flag.name}=${flag.value}`]));
}

/** The last value given for a flag (kubectl and helm take the last one). */
export function flagValue(scanned: ScannedWords, name: string): string | undefined {
  return scanned.flags.filter((flag) => flag.name === name).at(-1)?.value;
}

/** Every value given for a flag that may repeat (`-f a -f b`, `-f a,b` for kubectl's filenames). */
export function flagValues(scanned: ScannedWords, name: string): string[] {
  return scanned.flags.filter((flag) => flag.name === name && flag.value !== undefined).map((flag) => flag.value as string);
}

/** Where the subcommand is, after the global options before it (`kubectl -n prod delete …`, `helm -n prod uninstall …`). */
export function subcommandAt(words: readonly string[], globals: FlagTable): number {
  let at = 0;
  while (at < words.length && (words[at] as string).startsWith('-')) {
    const word = words[at] as string;
    const name = word.startsWith('--') ? word.slice(2) : globals.short[word.slice(1)];
    at += name !== undefined && globals.long[name]?.value === true && !word.includes('=') ? 2 : 1;
  }
  return at;
}
