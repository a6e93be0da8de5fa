// Reads a database client's options as getopt does: `--name=value`, `--name value`, `-x value`, `-xvalue`, clusters of
// short switches (`-Bse`), options among the operands, `--` ending them; or, for redis-cli, only whole words until the
// first operand. Each value keeps the index of the word it came from.

/** `value` takes one; `switch` takes none; `attached` takes one only inside the same word (`-psecret`, `--help=options`). */
export type Arity = 'value' | 'switch' | 'attached';

export interface ClientOption {
  name: string;
  arity: Arity;
}

/** Options by how they are written: `-c`, `--command`. */
export type OptionTable = Record<string, ClientOption>;

export interface ReadOption {
  name: string;
  /** The option as written (`-h`, `--host`). */
  written: string;
  value?: string;
  /** Index in the words of the word holding the value. */
  at?: number;
}

export interface Operand {
  word: string;
  at: number;
}

export interface ClientWords {
  options: ReadOption[];
  operands: Operand[];
  /** Options the table does not know, read as switches. */
  unknown: string[];
}

/** One entry for each spelling of an option. */
export function option(spellings: readonly string[], name: string, arity: Arity): OptionTable {
  return Object.fromEntries(spellings.map((spelling) => [spelling, { name, arity }]));
}

function known(table: OptionTable, written: string): ClientOption | undefined {
  return Object.hasOwn(table, written) ? table[written] : undefined;
}

/** getopt_long with permutation, as psql, mysql, sqlcmd, mongosh and cqlsh read their words. */
export function readClientWords(words: readonly string[], table: OptionTable): ClientWords {
  const read: ClientWords = { options: [], operands: [], unknown: [] };
  for (let at = 1; at < words.length; at++) {
    const word = words[at];
    if (word === '--') {
      for (let rest = at + 1; rest < words.length; rest++) read.operands.push({ word: words[rest], at: rest });
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      read.operands.push({ word, at });
      continue;
    }
    if (word.startsWith('--')) {
      const equals = word.indexOf('=');
      const written = equals < 0 ? word : word.slice(0, equals);
      const spec = known(table, written);
      if (spec === undefined) read.unknown.push(word);
      else if (equals >= 0 && spec.arity !== 'switch') read.options.push({ name: spec.name, written, value: word.slice(equals + 1), at });
      else if (spec.arity === 'value' && at + 1 < words.length) {
        read.options.push({ name: spec.name, written, value: words[at + 1], at: at + 1 });
        at++;
      } else read.options.push({ name: spec.name, written });
      continue;
    }
    at = readShortCluster(words, at, table, read);
  }
  return read;
}

/** `-Bse query`: switches until one that takes a value, which takes the rest of the word or the next word. */
function readShortCluster(words: readonly string[], at: number, table: OptionTable, read: ClientWords): number {
  const word = words[at];
  for (let letter = 1; letter < word.length; letter++) {
    const written = `-${word[letter]}`;
    const spec = known(table, written);
    if (spec === undefined) {
      read.unknown.push(word);
      return at;
    }
    if (spec.arity === 'switch') {
      read.options.push({ name: spec.name, written });
      continue;
    }
    const rest = word.slice(letter + 1).replace(/^=/, '');
    if (rest !== '') read.options.push({ name: spec.name, written, value: rest, at });
    else if (spec.arity === 'value' && at + 1 < words.length) {
      read.options.push({ name: spec.name, written, value: words[at + 1], at: at + 1 });
      return at + 1;
    } else read.options.push({ name: spec.name, written });
    return at;
  }
  return at;
}

/** redis-cli's reading: whole words only, each value the next word, and the first operand starts the command. */
export function readWholeWords(words: readonly string[], table: OptionTable): ClientWords {
  const read: ClientWords = { options: [], operands: [], unknown: [] };
  for (let at = 1; at < words.length; at++) {
    const word = words[at];
    const spec = known(table, word);
    if (spec === undefined && word.startsWith('-') && read.operands.length === 0) {
      read.unknown.push(word);
      continue;
    }
    if (spec === undefined || read.operands.length > 0) {
      read.operands.push({ word, at });
      continue;
    }
    if (spec.arity === 'value' && at + 1 < words.length) {
      read.options.push({ name: spec.name, written: word, value: words[at + 1], at: at + 1 });
      at++;
    } else read.options.push({ name: spec.name, written: word });
  }
  return read;
}

/** Every value of an option, in order. */
export function valuesOf(read: ClientWords, name: string): ReadOption[] {
  return read.options.filter((found) => found.name === name && found.value !== undefined);
}

/** The last value of an option (the one the client uses). */
export function lastOf(read: ClientWords, name: string): ReadOption | undefined {
  return valuesOf(read, name).at(-1);
}

export function has(read: ClientWords, name: string): boolean {
  return read.options.some((found) => found.name === name);
}

/** Entries for switches (options that take no value), each named after its spelling. */
export function switches(spellings: readonly string[]): OptionTable {
  return Object.fromEntries(spellings.map((written) => [written, { name: written.replace(/^-+/, ''), arity: 'switch' as const }]));
}
