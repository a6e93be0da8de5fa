// Classifies commands that write, move or delete files: refused when a file is the approvals store or a blast-radius
// configuration file, which only a person may change (approvals and exceptions are how a person says yes).
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { protectedFile, type HookContext } from '../protected-files.js';
import type { Refusal, SimpleCommand } from './invocation.js';
import { commandName } from './unwrap.js';

/** Programs whose every operand may be a file they write, move away, replace or delete. */
const WRITERS = new Set(['tee', 'mv', 'rm', 'touch', 'truncate', 'chmod', 'chown', 'unlink', 'shred']);
/** Programs that write only their destination: the last operand, or the `-t` directory. */
const COPIERS = new Set(['cp', 'install', 'rsync']);
/** Programs that write what their operands name: `patch FILE`, `ln` (a link to a guarded file is a way to write it). */
const LINKERS = new Set(['ln', 'link', 'patch']);
/** Programs that write their operands only when editing in place. */
const IN_PLACE_EDITORS = new Set(['sed', 'gsed', 'perl']);

export function refuseWrite(command: string, what: string, path: string): Refusal {
  return {
    command,
    why: `it changes ${what} (${path}), which only a person may change: approvals and exceptions are how a person allows destroying production.`,
    instead:
      'Ask the user to make this change themselves; to approve a blocked plan, they run the `blast-radius approve …` command its report names, in their own terminal.',
  };
}

function operands(words: string[]): string[] {
  const name = commandName(words[0] ?? '');
  const rest = words.slice(1);
  if (name === 'dd') return rest.filter((w) => w.startsWith('of=')).map((w) => w.slice(3));
  if (LINKERS.has(name)) return rest.filter((w) => !w.startsWith('-'));
  // `tar -x -C DIR`, `tar --directory=DIR`: extracting writes under the directory.
  if (name === 'tar') {
    const at = rest.findIndex((w) => w === '-C' || w === '--directory');
    const given = rest.find((w) => w.startsWith('--directory='));
    return at !== -1 ? rest.slice(at + 1, at + 2) : given ? [given.slice('--directory='.length)] : [];
  }
  // `git checkout REV -- FILE`, `git restore FILE`: the files named are overwritten.
  if (name === 'git' && ['checkout', 'restore'].includes(rest.find((w) => !w.startsWith('-')) ?? '')) return rest.slice(1).filter((w) => !w.startsWith('-'));
  if (COPIERS.has(name)) {
    const target = rest.findIndex((w) => w === '-t' || w === '--target-directory');
    if (target !== -1) return rest.slice(target + 1, target + 2);
    const given = rest.find((w) => w.startsWith('--target-directory='));
    return given ? [given.slice('--target-directory='.length)] : rest.filter((w) => !w.startsWith('-')).slice(-1);
  }
  if (IN_PLACE_EDITORS.has(name)) return rest.some((w) => /^-[a-zA-Z]*i|^--in-place/.test(w)) ? rest.filter((w) => !w.startsWith('-')) : [];
  return WRITERS.has(name) ? rest.filter((w) => !w.startsWith('-')) : [];
}

/** The files a patch file changes, from its headers (`+++ b/.blast-radius.yml`, `diff --git a/x b/x`); none when it cannot be read. */
function patchedFiles(patch: string, cwd: string): string[] {
  try {
    const path = resolve(cwd, patch);
    if (statSync(path).size > 1024 * 1024) return [];
    const headers = readFileSync(path, 'utf8').match(/^(?:\+\+\+|---) (?:[ab]\/)?(\S+)|^diff --git a\/\S+ b\/(\S+)/gm) ?? [];
    return headers.map((header) => header.replace(/^(?:\+\+\+|---) (?:[ab]\/)?|^diff --git a\/\S+ b\//, '')).filter((file) => file !== '/dev/null');
  } catch {
    return [];
  }
}

/** `git apply P`, `git am P`, `patch -i P`, `patch < P`: the patch files a command applies. */
function patchesApplied(words: string[], stdinFile: string | undefined): string[] {
  const name = commandName(words[0] ?? '');
  const rest = words.slice(1);
  if (name === 'git' && ['apply', 'am'].includes(rest.find((w) => !w.startsWith('-')) ?? '')) return rest.slice(1).filter((w) => !w.startsWith('-'));
  if (name !== 'patch') return [];
  const input = rest.findIndex((w) => w === '-i' || w === '--input');
  return [...(input === -1 ? [] : rest.slice(input + 1, input + 2)), ...(stdinFile === undefined ? [] : [stdinFile])];
}

/** Refusals for the files one command writes: its redirections, the operands of a file-changing program, and what the patches it applies change. */
export function protectedWrites(
  words: string[],
  expanded: boolean[],
  writes: SimpleCommand['writes'],
  command: string,
  context: HookContext,
  stdinFile?: string,
): Refusal[] {
  const targets = [
    ...(writes ?? []),
    ...operands(words).map((text) => ({ text, expanded: expanded[words.indexOf(text)] ?? false })),
    ...patchesApplied(words, stdinFile)
      .flatMap((patch) => patchedFiles(patch, context.cwd))
      .map((text) => ({ text, expanded: false })),
  ];
  return targets.flatMap(({ text, expanded: computed }) => {
    const what = protectedFile(text, computed, context);
    return what ? [refuseWrite(command, what, text)] : [];
  });
}
