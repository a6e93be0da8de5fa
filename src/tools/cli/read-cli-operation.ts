// Finds which catalogued operation a CLI invocation runs (`aws rds delete-db-instance …`), the names it destroys and
// the flags given that decide whether the data survives, from the catalog alone (src/catalog/cli-operations/).
import type { CliCatalog, CliOperation, FlagNote, Target } from '../../catalog/cli-operation.js';
import type { Evidence } from './evidence.js';

export interface ReadOperation {
  operation: CliOperation;
  /** The command as the catalog names it (`rds delete-db-instance`). */
  command: string;
  /** The names it destroys, as given. */
  targets: Evidence[];
  dataLoss: FlagNote[];
  keepsData: FlagNote[];
  /** Values of the global options given (`--profile` → `prod-admin`), the last one winning. */
  globals: Record<string, string>;
}

/** Words that stand for a release track before the command (`gcloud beta sql …`). */
const TRACKS = new Set(['alpha', 'beta', 'preview']);

interface Scanned {
  positionals: string[];
  /** Each flag given, by its name (`--force`), with its value when it has one. */
  flags: Map<string, string | undefined>;
  globals: Record<string, string>;
}

/**
 * Positional words and flags, knowing which flags take a value (the global ones and the target flags) and which do
 * not (the global switches and the flags the catalog notes). Any other flag after the command takes the next word as
 * its value unless it looks like a switch or that word is a flag too (`--force --yes`).
 */
function scan(words: readonly string[], catalog: CliCatalog, valueFlags: ReadonlySet<string>, switches: ReadonlySet<string>): Scanned {
  const scanned: Scanned = { positionals: [], flags: new Map(), globals: {} };
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
    const equals = word.indexOf('=');
    const name = equals < 0 ? word : word.slice(0, equals);
    let value = equals < 0 ? undefined : word.slice(equals + 1);
    // A flag that takes a value somewhere wins over one that does not elsewhere (`-f FILE` of compose, `-f` of rm).
    if (value === undefined && (valueFlags.has(name) || !switches.has(name))) {
      const next = words[i + 1];
      const takesNext = valueFlags.has(name) || (next !== undefined && !next.startsWith('-') && !BOOLEAN_LOOKING.test(name) && scanned.positionals.length > 0);
      if (takesNext && next !== undefined) {
        value = next;
        i++;
      }
    }
    scanned.flags.set(name, value);
    if (catalog.globalOptions.value.includes(name) && value !== undefined) scanned.globals[name] = value;
  }
  return scanned;
}

/** Flags named so that they switch something on: `-f`, `-fv`, `--force`, `--recursive`, `--skip-…`, `--no-…`, `--all`, `--yes`. */
const BOOLEAN_LOOKING =
  /^(-[a-zA-Z]+|--(force|recursive|all|yes|quiet|async|skip-[\w-]+|no-[\w-]+|[\w-]*-all|purge|permanent|volumes|delete-[\w-]+-data|delete-disks-all))$/;

/** The flags that name what the operations destroy: they take a value. */
function targetFlagsOf(operations: readonly CliOperation[]): string[] {
  return operations.flatMap((operation) => operation.targets.flatMap((target) => ('flag' in target ? [target.flag, ...(target.aliases ?? [])] : [])));
}

/** The flags the operations' notes name without a value: they take none. */
function noteSwitchesOf(operations: readonly CliOperation[]): string[] {
  return operations.flatMap((operation) =>
    [...(operation.dataLoss ?? []), ...(operation.keepsData ?? []), ...(operation.dryRun ?? [])]
      .filter((note) => note.value === undefined)
      .flatMap((note) => [note.flag, ...(note.aliases ?? [])]),
  );
}

/** The positional words without a leading release track (`gcloud beta sql …`). */
function withoutTrack(positionals: string[]): string[] {
  return positionals.filter((word, i) => !(i === 0 && TRACKS.has(word)));
}

function matches(command: string[], positionals: string[]): boolean {
  return command.every((word, i) => positionals[i] === word);
}

/** The flag as given that means `names` (a catalog flag and its aliases), also abbreviated where the CLI allows it. */
function given(names: string[], flags: Map<string, string | undefined>, abbreviated: boolean): string | undefined {
  return [...flags.keys()].find(
    (flag) => names.includes(flag) || (abbreviated && flag.startsWith('--') && flag.length >= 6 && names.some((name) => name.startsWith(flag))),
  );
}

function notesGiven(notes: FlagNote[] | undefined, flags: Map<string, string | undefined>, abbreviated: boolean): FlagNote[] {
  return (notes ?? []).filter((note) => {
    const flag = given([note.flag, ...(note.aliases ?? [])], flags, abbreviated);
    return flag !== undefined && (note.value === undefined || flags.get(flag) === note.value);
  });
}

function targetsGiven(targets: Target[], scanned: Scanned, commandLength: number, abbreviated: boolean): Evidence[] {
  return targets.flatMap((target) => {
    if ('positional' in target) {
      // `docker volume rm a b`: every word from that place on names one.
      return scanned.positionals
        .slice(commandLength + target.positional)
        .map((value, i) => ({ what: target.what, value, where: `argument ${target.positional + i + 1}` }));
    }
    const flag = given([target.flag, ...(target.aliases ?? [])], scanned.flags, abbreviated);
    const value = flag === undefined ? undefined : scanned.flags.get(flag);
    return value === undefined
      ? []
      : value
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((name) => ({ what: target.what, value: name, where: flag as string }));
  });
}

/** The longest catalogued command the words run; undefined when they run none (or it needs a flag not given). */
export function readCliOperation(words: readonly string[], catalog: CliCatalog): ReadOperation | undefined {
  const args = words.slice(1);
  // Scans with what the given operations say of their flags: their target flags take a value, their notes' do not.
  const scanFor = (operations: readonly CliOperation[]): Scanned => {
    const scanned = scan(
      args,
      catalog,
      new Set([...catalog.globalOptions.value, ...targetFlagsOf(operations)]),
      new Set([...catalog.globalOptions.switches, ...noteSwitchesOf(operations)]),
    );
    return { ...scanned, positionals: withoutTrack(scanned.positionals) };
  };
  // Which operation it is is not known yet: every operation of the catalog counts (`compose -p proj down`).
  const { positionals } = scanFor(catalog.operations);
  const candidates = catalog.operations.filter((operation) => matches(operation.command, positionals)).sort((a, b) => b.command.length - a.command.length);
  const operation = candidates[0];
  if (operation === undefined) return undefined;
  const scanned = scanFor([operation]);
  const abbreviated = catalog.abbreviatedFlags === true;
  if (operation.onlyWith && given(operation.onlyWith, scanned.flags, abbreviated) === undefined) return undefined;
  if (notesGiven(operation.dryRun, scanned.flags, abbreviated).length > 0) return undefined;
  return {
    operation,
    command: operation.command.join(' '),
    targets: targetsGiven(operation.targets, scanned, operation.command.length, abbreviated),
    dataLoss: notesGiven(operation.dataLoss, scanned.flags, abbreviated),
    keepsData: notesGiven(operation.keepsData, scanned.flags, abbreviated),
    globals: scanned.globals,
  };
}
