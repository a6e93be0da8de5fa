// Shells (sh, bash, zsh, dash, ksh, fish, busybox sh …): the script of `-c`, a script file, or standard input.
import { isComputed } from '../shell/template.js';
import { knownPositional, type Unwrapped } from './unwrapped.js';

export const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'yash', 'fish', 'rbash', 'posh', 'csh', 'tcsh']);

const VALUE_OPTIONS = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);

/** What `sh [options] [-c script | file] [args]` runs; words[0] is the shell. */
export function shellInvocation(words: string[], templates: string[]): Unwrapped[] {
  let i = 1;
  let script = false;
  let stdin = false;
  while (i < words.length) {
    const word = words[i];
    if (word === '--' || word === '-') {
      i++;
      stdin ||= word === '-';
      break;
    }
    if (!/^[-+]./.test(word)) break;
    if (VALUE_OPTIONS.has(word)) i += 2;
    else {
      if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(word)) script = true;
      if (/^-[a-zA-Z]*s[a-zA-Z]*$/.test(word)) stdin = true;
      i++;
    }
  }
  if (script) {
    const text = words[i];
    if (text === undefined) return [];
    const positional = knownPositional([words[i + 1] ?? words[0], ...words.slice(i + 2)], [templates[i + 1] ?? '', ...templates.slice(i + 2)]);
    return [{ kind: 'script', script: text, ...(positional ? { positional } : {}) }];
  }
  const file = words[i];
  if (file === undefined || stdin) return [{ kind: 'stdin' }];
  const positional = knownPositional(words.slice(i), templates.slice(i));
  return [{ kind: 'file', path: file, computed: isComputed(templates[i]), ...(positional ? { positional } : {}) }];
}
