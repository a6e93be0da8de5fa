// Writes the hook command `hook install` puts in an agent's settings: a POSIX sh pre-filter that gives the agent's pass
// answer itself, without starting node, to a payload that names no guarded tool, no destructive verb and no construct
// that could build one at run time, and pipes every other payload to `blast-radius hook <agent>` unchanged. Its word
// list is built here, at install time, from the tables the node hook reads.
import type { Agent } from '../../agents/agent.js';
import { AWKS, CLUSTERING, CODE_OPTIONS, READS_STDIN } from '../invocations/interpreters.js';
import { SHELLS } from '../invocations/shells.js';
import { WRAPPERS } from '../invocations/wrappers.js';
import { CLI_NAMES, DESTRUCTIVE_VERBS, TEXT_RUNNERS, TEXT_TRANSFORMERS, TOOL_ALIASES, TOOL_NAMES } from '../prefilter.js';

/** The first words of every pre-filtered command: how `hook install` and `uninstall` know one of any version as theirs. */
export const PREFILTER_MARKER = ': blast-radius pre-filter, see docs/agents.md';

/** What separates the pre-filter from the node command, which is the rest of the line. */
const HAND_OVER = `printf '%s\\n' "$p" | `;

/** Characters of a word as the node hook's patterns count them (`-` too, so that `--destroy` and `ts-node` split). */
const WORD_CHARACTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';

/**
 * Printable ASCII without the characters that expand or escape (`\`, `$`, backquote, `*`, `?`): a payload holding any
 * other byte (a JSON escape, a non-ASCII letter, a control character, a line break) goes to node.
 */
const PLAIN_CHARACTERS = [...Array(0x7f - 0x20).keys()].map((i) => String.fromCharCode(0x20 + i)).filter((c) => !'\\$`*?'.includes(c));

/** The plain characters as a bracket expression's list: `]` first and `-` last, where both stand for themselves. */
const PLAIN_LIST = `]${PLAIN_CHARACTERS.filter((c) => c !== ']' && c !== '-').join('')}-`;

/** Every other plain character separates words. */
const SEPARATORS = PLAIN_CHARACTERS.filter((c) => !WORD_CHARACTERS.includes(c)).join('');

/** Wrappers that are also keys of every agent's payload (`tool_input.command`, Claude Code's `tool_input.timeout`). */
const PAYLOAD_KEYS = ['command', 'timeout'];

/** Programs that run code of another language, by family name (`python3.12` is matched as `python3`, after `.` splits it). */
const INTERPRETERS = [...Object.keys(CODE_OPTIONS), ...CLUSTERING, ...READS_STDIN, ...AWKS, ...TEXT_TRANSFORMERS];

/**
 * Words that send a payload to node wherever they stand in it: the guarded tools and CLIs, the destructive verbs,
 * programs that run text as code or transform it, shells, wrappers that run the rest of their words (but `command`
 * and `timeout`, which are keys of the payloads themselves), `git am` and `patch` (which change files named inside a
 * patch), and the session-start event. A hyphenated name is matched by its
 * longest part, as the payload is split at `-` too.
 */
export function triggerWords(): string[] {
  const names = [
    ...TOOL_NAMES,
    ...CLI_NAMES,
    ...TOOL_ALIASES,
    ...DESTRUCTIVE_VERBS,
    ...TEXT_RUNNERS,
    ...SHELLS,
    ...Object.keys(WRAPPERS).filter((name) => !PAYLOAD_KEYS.includes(name)),
    'xargs',
    'am',
    'patch',
    'SessionStart',
    ...INTERPRETERS,
  ];
  const longestPart = (name: string) => name.split('-').reduce((longest, part) => (part.length > longest.length ? part : longest), '');
  return [...new Set(names.map(longestPart))].sort();
}

/** Case patterns of the trigger words: interpreters also with a version (`python3`, `perl5`), and `BLAST_RADIUS_…`. */
function triggerPatterns(): string {
  const versioned = new Set(INTERPRETERS);
  const patterns = triggerWords().flatMap((word) => (versioned.has(word) ? [word, `${word}[0123456789]*`] : [word]));
  return [...patterns, '*BLAST_RADIUS_*'].join('|');
}

const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** `"tool_name":"Bash"` in the compact and the spaced JSON spelling. */
function fieldIs(field: string, value: string): string {
  return [`*'"${field}":"${value}"'*`, `*'"${field}": "${value}"'*`].join('|');
}

/** The agent's shell-tool payload, named by exactly one `tool_name`; anything else goes to node. */
function shellToolCheck(agent: Agent): string[] {
  const tools = agent.payload.shellTools;
  if (tools === undefined) return [];
  return [`case $t in *'"tool_name"'*'"tool_name"'*) return 1;; ${tools.map((tool) => fieldIs('tool_name', tool)).join('|')}) ;; *) return 1;; esac`];
}

/** `"command":["bash","-lc",…]`: the node hook judges `bash -lc '…'`, which runs the rest; the scan reads past it. */
function argvCheck(agent: Agent): string[] {
  const prefix = agent.payload.argvPrefix;
  if (prefix === undefined) return [];
  const opening = `"command":[${prefix.map((word) => JSON.stringify(word)).join(',')},`;
  return [`case $t in *${quote(opening)}*) t=\${t%%${quote(opening)}*}'"command":['\${t#*${quote(opening)}};; esac`];
}

/**
 * Agents whose session's first call carries the notice: a pass needs the session's marker (src/hooks/first-call.ts) to
 * be there already; a first call, an id written otherwise, or a field written twice goes to node.
 */
function sessionCheck(agent: Agent, agentName: string): string[] {
  const field = agent.payload.sessionField;
  if (field === undefined) return [];
  const key = quote(`"${field}"`);
  return [
    `case $t in *${key}*) case $t in *${key}*${key}*) return 1;; esac; s=\${t#*${quote(`"${field}":"`)}}; [ "$s" != "$t" ] || return 1; s=\${s%%'"'*}; ` +
      `case $s in '') ;; *[!$W]*) return 1;; *) d=\${TMPDIR:-\${TMP:-\${TEMP:-/tmp}}}; case $d in ?*/) d=\${d%/};; esac; ` +
      `[ -e "$d/blast-radius-session-${agentName}-$s" ] || return 1;; esac;; esac`,
  ];
}

/** The agent's pass answer (src/agents/), written by printf. */
function passAnswer(agent: Agent): string[] {
  const { stdout, stderr, exitCode } = agent.pass();
  if (stderr || (stdout !== undefined && !/^[^\n]*\n?$/.test(stdout))) throw new Error(`${agent.displayName}: a pass the pre-filter cannot print`);
  const printed = stdout ? [stdout.endsWith('\n') ? `printf '%s\\n' ${quote(stdout.slice(0, -1))}` : `printf '%s' ${quote(stdout)}`] : [];
  return [...printed, `exit ${exitCode}`];
}

/**
 * The installed hook command for an agent: reads the payload, answers a pass at once where the payload's text cannot
 * make the node hook do anything but pass, and otherwise hands the payload on to `nodeCommand` (the hook as before).
 */
export function prefilteredCommand(agent: Agent, agentName: string, nodeCommand: string): string {
  const decides = [
    '[ -z "${BLAST_RADIUS_APPROVALS-}" ] || return 1',
    // `\"` becomes `'`: both are quotes the node hook removes, and every `"` left is JSON's own.
    `t=$p; while :; do case $t in *'\\"'*) t=\${t%%'\\"'*}"'"\${t#*'\\"'};; *) break;; esac; done`,
    `A=${quote(PLAIN_LIST)}; W=${quote(`${WORD_CHARACTERS}-`)}`,
    `case $t in ''|*[!$A]*) return 1;; esac`,
    ...shellToolCheck(agent),
    ...argvCheck(agent),
    ...sessionCheck(agent, agentName),
    // Inside JSON strings (every other field between `"`), brackets and braces could make a glob or brace expansion.
    `set -f; IFS='"'; set -- $t; i=0; u=; for s in "$@"; do [ $((i % 2)) = 0 ] || case $s in *[{}[]*|*]*) return 1;; esac; u=$u$s; i=$((i + 1)); done`,
    `IFS="'"; set -- $u; u=; for s in "$@"; do u=$u$s; done`,
    // A brace next to a word could join words into a name (`terr{aform,}`) if the payload were not JSON.
    `case $u in *[$W]{*|*}[$W]*) return 1;; esac`,
    `IFS=${quote(SEPARATORS)}; for s in $u; do case $s in ${triggerPatterns()}) return 1;; esac; done`,
  ];
  return [
    PREFILTER_MARKER,
    'p=$(cat)',
    `f() { ${decides.join('; ')}; }`,
    `if f; then unset IFS; set +f; ${passAnswer(agent).join('; ')}; fi`,
    'unset IFS; set +f',
    `${HAND_OVER}${nodeCommand}`,
  ].join('; ');
}

/** The node command a hook command runs: itself, or what a pre-filtered one hands the payload to. */
export function nodeCommandOf(command: string): string {
  return command.startsWith(PREFILTER_MARKER) ? command.slice(command.lastIndexOf(HAND_OVER) + HAND_OVER.length) : command;
}
