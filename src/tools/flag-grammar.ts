// Reads a kubectl or helm command line as their flag parser (spf13/pflag) does, by a table that says for every flag
// whether it takes a value and what the guard does with it: `--name=value`, `--name value`, `-n value`, `-nvalue`,
// booleans only with `=`, the last value wins, `--` ends the flags. The guard, the hook and the shims share it.
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
  /** Flags the table does not know (only when scanned with `unknown: 'note'`): where they end cannot be told. */
  unknown: string[];
}

/** Go's strconv.ParseBool, which pflag uses for every boolean flag: the spellings of false. */
export const GO_FALSE = /^(0|f|F|false|FALSE|False)$/;
/** …and of true. */
export const GO_TRUE = /^(1|t|T|true|TRUE|True)$/;

/** A boolean flag written so that it is off (`--prune=false`, `--prune=0`, `--dry-run=none`). */
export function isSwitchedOff(flag: ScannedFlag): boolean {
  return !flag.spec.value && flag.value !== undefined && (GO_FALSE.test(flag.value) || flag.value === 'none');
}

/** Whether the last occurrence of a boolean flag leaves it on (`--force --force=false` is off). */
export function isOn(scanned: ScannedWords, name: string): boolean {
  const last = scanned.flags.filter((flag) => flag.name === name).at(-1);
  return last !== undefined && !isSwitchedOff(last);
}

/**
 * `--name=value`, `--name value`, `-n value`, `-n=value`, `-nvalue`; `--` ends the flags. A flag the table does not
 * know is a UsageError, or with `unknown: 'note'` is recorded and read as a boolean (the hook then cannot be sure).
 */
export function scanWords(
  words: readonly string[],
  table: FlagTable,
  tool: string,
  options: { unknown: 'refuse' | 'note' } = { unknown: 'refuse' },
): ScannedWords {
  const scanned: ScannedWords = { flags: [], positionals: [], unknown: [] };
  const unknownFlag = (word: string, written: string): boolean => {
    if (options.unknown === 'note') {
      scanned.unknown.push(word);
      return true;
    }
    throw new UsageError(
      `blast-radius guard does not know the ${tool} option ${written}, so it cannot tell what the command would change; run it without that option.`,
    );
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === '--') {
      scanned.positionals.push(...words.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      scanned.positionals.push(word);
      continue;
    }
    if (word.startsWith('--')) {
      const body = word.slice(2);
      const equals = body.indexOf('=');
      const name = equals < 0 ? body : body.slice(0, equals);
      const spec = Object.hasOwn(table.long, name) ? table.long[name] : undefined;
      if (spec === undefined && unknownFlag(word, `--${name}`)) continue;
      const inline = equals < 0 ? undefined : body.slice(equals + 1);
      i = takeFlag(scanned, { name, spec: spec as FlagSpec, inline, written: word }, words, i, tool);
      continue;
    }
    // A cluster of short flags (`-Rf dir`): booleans until one that takes a value, which takes the rest or the next word.
    for (let at = 1; at < word.length; at++) {
      const letter = word[at];
      const name = Object.hasOwn(table.short, letter) ? table.short[letter] : undefined;
      const spec = name === undefined ? undefined : table.long[name];
      if ((name === undefined || spec === undefined) && unknownFlag(word, `-${letter}`)) break;
      const rest = word.slice(at + 1);
      if (rest.startsWith('=')) {
        scanned.flags.push({ name: name as string, words: [word], value: rest.slice(1), spec: spec as FlagSpec });
        break;
      }
      if (!(spec as FlagSpec).value) {
        scanned.flags.push({ name: name as string, words: [word], spec: spec as FlagSpec });
        continue;
      }
      i = takeFlag(scanned, { name: name as string, spec: spec as FlagSpec, inline: rest === '' ? undefined : rest, written: word }, words, i, tool);
      break;
    }
  }
  return scanned;
}

/** Records one flag; a flag that takes a value and has none inline takes the next word, whatever it is (as pflag does). */
function takeFlag(
  scanned: ScannedWords,
  flag: { name: string; spec: FlagSpec; inline: string | undefined; written: string },
  words: readonly string[],
  i: number,
  tool: string,
): number {
  const { name, spec, inline, written } = flag;
  if (inline !== undefined || !spec.value) {
    scanned.flags.push({ name, words: [written], ...(inline === undefined ? {} : { value: inline }), spec });
    return i;
  }
  const value = words[i + 1];
  if (value === undefined) throw new UsageError(`The ${tool} option ${written} needs a value.`);
  scanned.flags.push({ name, words: [written, value], value, spec });
  return i + 1;
}

/** Refuses a flag whose role is `refuse`, unless it is a boolean switched off. */
export function refuseUnpreviewable(scanned: ScannedWords, tool: string): void {
  const refused = scanned.flags.find((flag) => flag.spec.role === 'refuse' && !isSwitchedOff(flag));
  if (refused)
    throw new UsageError(
      `blast-radius guard cannot check \`${tool}\` with --${refused.name}: ${refused.spec.why ?? 'its preview would not show what it changes'}.`,
    );
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
  while (at < words.length && words[at].startsWith('-')) {
    const word = words[at];
    const name = word.startsWith('--') ? word.slice(2) : globals.short[word.slice(1)];
    at += name !== undefined && globals.long[name]?.value === true && !word.includes('=') ? 2 : 1;
  }
  return at;
}
