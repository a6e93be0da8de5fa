// Writes one shim: a POSIX shell script that finds the real tool on PATH after the shim directory (never itself),
// runs what only reads at once without starting node, and hands every other invocation to `blast-radius shim-exec`.
import type { FlagTable } from '../tools/flag-grammar.js';
import { SHIMMED_TOOLS, type FastPath } from './shimmed-tools.js';

/** The second line of every shim: how blast-radius knows a file in the directory is one of its own. */
export const SHIM_MARKER = '# blast-radius shim:';

/** Where the slow path goes: this node, running this blast-radius. */
export interface ShimPrograms {
  node: string;
  blastRadius: string;
}

const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** Case patterns that skip a table's global options: values inline or as the next word, booleans alone or with `=`. */
function globalsCases(table: FlagTable): string[] {
  const names = Object.entries(table.long);
  const valued = names.filter(([, spec]) => spec.value).map(([name]) => `--${name}`);
  const switches = names.filter(([, spec]) => !spec.value).map(([name]) => `--${name}`);
  const shortValued = Object.entries(table.short)
    .filter(([, name]) => table.long[name]?.value)
    .map(([letter]) => `-${letter}`);
  const shortSwitches = Object.entries(table.short)
    .filter(([, name]) => table.long[name]?.value === false)
    .map(([letter]) => `-${letter}`);
  const cases: [string[], string][] = [
    [[...valued, ...switches].map((flag) => `${flag}=*`), 'shift'],
    [[...valued, ...shortValued], '[ $# -ge 2 ] || return 1; shift 2'],
    [shortValued.map((flag) => `${flag}?*`), 'shift'],
    [[...switches, ...shortSwitches], 'shift'],
  ];
  return cases.filter(([patterns]) => patterns.length > 0).map(([patterns, action]) => `      ${patterns.join('|')}) ${action} ;;`);
}

function readOnlyFunction(fastPath: FastPath): string[] {
  if (fastPath.kind === 'none') return ['read_only() {', '  return 1', '}'];
  if (fastPath.kind === 'absent') {
    return ['read_only() {', '  for word do', `    case $word in ${fastPath.words.join('|')}) return 1 ;; esac`, '  done', '  return 0', '}'];
  }
  const verbs = Object.entries(fastPath.readOnlyVerbs ?? {}).map(
    ([command, verbs]) => `    ${command}) case \${2-} in ${verbs.join('|')}) return 0 ;; esac ;;`,
  );
  return [
    'read_only() {',
    '  while [ $# -gt 0 ]; do',
    '    case $1 in',
    ...(fastPath.globals ? globalsCases(fastPath.globals) : []),
    ...(fastPath.inlineGlobals ? [`      ${fastPath.inlineGlobals.map((flag) => `${flag}=*`).join('|')}) shift ;;`] : []),
    '      -*) return 1 ;;',
    '      *) break ;;',
    '    esac',
    '  done',
    '  case ${1-} in',
    `    ${fastPath.readOnly.join('|')}) return 0 ;;`,
    ...verbs,
    '  esac',
    '  return 1',
    '}',
  ];
}

export function shimScript(tool: string, directory: string, programs: ShimPrograms): string {
  const spec = SHIMMED_TOOLS[tool];
  if (spec === undefined) throw new Error(`no shim for ${tool}`);
  return [
    '#!/bin/sh',
    `${SHIM_MARKER} ${tool}. Runs what only reads at once, and every other invocation through blast-radius.`,
    '# Written by `blast-radius shims env`, which rewrites it: do not edit.',
    `shims=${quote(directory)}`,
    'if [ "${BLAST_RADIUS_SHIM_TARGET-}" = "$0" ]; then',
    `  echo "blast-radius: $0 is a copy of the blast-radius shim for ${tool}, found by another shim as the real ${tool} (a loop); remove it from PATH." >&2`,
    '  exit 2',
    'fi',
    'real=',
    'set -f',
    'saved_ifs=$IFS',
    'IFS=:',
    'for dir in $PATH; do',
    '  [ -n "$dir" ] || dir=.',
    `  if [ "$dir" -ef "$shims" ] || [ ! -f "$dir/${tool}" ] || [ ! -x "$dir/${tool}" ] || [ "$dir/${tool}" -ef "$0" ]; then continue; fi`,
    `  real=$dir/${tool}`,
    '  break',
    'done',
    'IFS=$saved_ifs',
    'set +f',
    'if [ -z "$real" ]; then',
    `  echo "blast-radius: ${tool} is not on PATH after the blast-radius shims ($shims), so there is nothing to run." >&2`,
    '  exit 127',
    'fi',
    ...readOnlyFunction(spec.fastPath),
    'BLAST_RADIUS_SHIM_TARGET=$real',
    'export BLAST_RADIUS_SHIM_TARGET',
    'if read_only "$@"; then exec "$real" "$@"; fi',
    `exec ${quote(programs.node)} ${quote(programs.blastRadius)} shim-exec ${tool} "$real" "$@"`,
    '',
  ].join('\n');
}
