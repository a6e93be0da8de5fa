// Interpreters of other languages given code on their command line or standard input (`python3 -c`, `node -e`,
// `perl -e`, `awk 'BEGIN{system(…)}'`, `pwsh -c` …): the hook cannot read what such code runs, only what it names.
import { isComputed } from '../shell/template.js';
import { commandName } from './command-name.js';
import type { Unwrapped } from './unwrapped.js';

/** Each interpreter's options whose value is code. */
export const CODE_OPTIONS: Record<string, string[]> = {
  python: ['-c'],
  node: ['-e', '--eval', '-p', '--print'],
  bun: ['-e', '--eval', '-p', '--print'],
  php: ['-r'],
  lua: ['-e'],
  Rscript: ['-e'],
  R: ['-e'],
  osascript: ['-e'],
  julia: ['-e', '--eval', '-E', '--print'],
  groovy: ['-e'],
  pwsh: ['-c', '-command', '-encodedcommand', '-enc', '-ec', '-e', '-ecommand'],
  tclsh: [],
};

/** Interpreters whose single-letter options cluster, the code following a cluster that ends in `e` (`perl -ne`). */
export const CLUSTERING = new Set(['perl', 'ruby']);

/** Interpreters that read code from standard input when given no script (or `-`). */
export const READS_STDIN = new Set(['python', 'node', 'perl', 'ruby', 'php', 'lua', 'Rscript', 'R', 'osascript', 'pwsh', 'bun', 'tclsh']);

export const AWKS = new Set(['awk', 'gawk', 'mawk', 'nawk']);

/** `python3.12` → python, `nodejs` → node, `powershell` → pwsh, `perl5.36` → perl … */
function family(name: string): string | undefined {
  if (/^(python|pypy)[0-9.]*$/.test(name)) return 'python';
  if (name === 'nodejs') return 'node';
  if (name === 'powershell' || name === 'powershell.exe') return 'pwsh';
  if (/^(lua|luajit)[0-9.]*$/.test(name)) return 'lua';
  const base = name.replace(/[0-9.]+$/, '');
  if (CLUSTERING.has(base) || Object.hasOwn(CODE_OPTIONS, base)) return base;
  return undefined;
}

function code(program: string, word: string, template: string): Unwrapped {
  return { kind: 'code', program, code: word, computed: isComputed(template) };
}

/** awk's program is its first operand, unless `-f` names a file (`-e`/`--source` give it too). */
function awkProgram(name: string, words: string[], templates: string[]): Unwrapped[] {
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    if (word === '-f' || word === '--file') return [];
    if (word === '-e' || word === '--source') return words[i + 1] === undefined ? [] : [code(name, words[i + 1], templates[i + 1])];
    if (['-F', '-v', '--assign', '--field-separator'].includes(word)) i++;
    else if (word === '--') return words[i + 1] === undefined ? [] : [code(name, words[i + 1], templates[i + 1])];
    else if (!word.startsWith('-') || word === '-') return [code(name, word, templates[i])];
  }
  return [];
}

/** The code an interpreter is given, or undefined when the words do not start an interpreter. */
export function interpreterCode(words: string[], templates: string[]): Unwrapped[] | undefined {
  const name = commandName(words[0] ?? '');
  if (AWKS.has(name) || (name === 'busybox' && words[1] === 'awk'))
    return awkProgram(name, name === 'busybox' ? words.slice(1) : words, name === 'busybox' ? templates.slice(1) : templates);
  if (name === 'deno') {
    if (words[1] !== 'eval') return undefined;
    const at = words.findIndex((w, i) => i > 1 && !w.startsWith('-'));
    return at === -1 ? [] : [code(name, words[at], templates[at])];
  }
  const kind = family(name);
  if (!kind) return undefined;
  const options = CODE_OPTIONS[kind] ?? [];
  const itself: Unwrapped = { kind: 'words', words, templates };
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    const lower = kind === 'pwsh' ? word.toLowerCase() : word;
    const attached = /^(--eval|--print)=(.*)$/s.exec(word);
    // The words themselves are judged too: `perl -pi -e … .blast-radius.yml` edits a file in place.
    if (attached) return [code(name, attached[2], templates[i].slice(attached[1].length + 1)), itself];
    if (options.includes(lower) || (CLUSTERING.has(kind) && /^-[a-zA-Z]*[eE]$/.test(word))) {
      return words[i + 1] === undefined ? [itself] : [code(name, words[i + 1], templates[i + 1]), itself];
    }
    if (kind === 'python' && ['-m', '-W', '-X', '-Q'].includes(word)) return [itself];
    if (word === '-' || word === '--') return READS_STDIN.has(kind) ? [{ kind: 'code', program: name, stdin: true }] : [itself];
    // A script file: the hook cannot read it, but `node …/blast-radius approve` is still judged by its words.
    if (!word.startsWith('-')) return [itself];
  }
  return READS_STDIN.has(kind) ? [{ kind: 'code', program: name, stdin: true }] : [itself];
}
