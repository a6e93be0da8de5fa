// Reads a plain command line without the WebAssembly shell parser: one line of plain words (letters, digits and
// `_./:=@%+,-`) joined by `&&`, `||`, `|` and `;`, with no quoting, expansion, redirection, reserved word or
// assignment. It gives the very commands tree-sitter-bash gives for such a line (tests/hooks/simple-line.test.ts
// compares the two on every command of the hook's tests), so that the hook's commonest inspected commands
// (`cd infra && terraform plan`) do not pay for compiling the grammar; any other line is left to the parser.
import type { SimpleCommand } from '../invocations/invocation.js';
import type { Scope } from './words.js';

/** What parse.ts reads from a script: its commands, and the functions it defines (none on a plain line). */
interface PlainParse {
  commands: SimpleCommand[];
  functions: Map<string, string>;
}

interface PlainBindings {
  values?: ReadonlyMap<string, string>;
  possible?: ReadonlyMap<string, string>;
  positional?: readonly string[];
}

/** A line of plain words and the four operators, nothing else (no tab, no line break, no lone `&`). */
const PLAIN_LINE = /^[A-Za-z0-9_./:=@%+,\- ]*(?:(?:&&|\|\||\||;)[A-Za-z0-9_./:=@%+,\- ]*)*$/;
/** Lines longer than this are left to the parser. */
const MAX_PLAIN_LENGTH = 4096;
/** Words bash reads as syntax, or tree-sitter-bash reads as something other than a command, where they stand first. */
const NOT_PLAIN = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'for',
  'while',
  'until',
  'do',
  'done',
  'case',
  'esac',
  'in',
  'function',
  'select',
  'time',
  'coproc',
  'export',
  'declare',
  'local',
  'readonly',
  'typeset',
  'unset',
]);
/** Commands that can change any variable of the shell they run in (parse.ts's RUNS_HIDDEN_CODE). */
const RUNS_HIDDEN_CODE = new Set(['eval', 'source', '.']);
/** A word the parser's variable pass counts as naming a variable (variables.ts). */
const NAMES_VARIABLE = /^([A-Za-z_][A-Za-z0-9_]*)(?:\+?=|\[|$)/;

interface Token {
  text: string;
  start: number;
  end: number;
}

/** The commands of a plain line, or undefined when the line is not one (the caller then parses it with tree-sitter). */
export function parsePlainLine(script: string, bindings: PlainBindings, substitution: Scope['substitution']): PlainParse | undefined {
  if (script.length > MAX_PLAIN_LENGTH || !PLAIN_LINE.test(script)) return undefined;
  // Segments between operators, each with its words and where they stand in the line.
  const segments: { words: Token[]; operator: string }[] = [];
  const pattern = /&&|\|\||\||;|[^ &|;]+/g;
  let current: Token[] = [];
  for (const match of script.matchAll(pattern)) {
    const token = { text: match[0], start: match.index, end: match.index + match[0].length };
    if (/^(&&|\|\||\||;)$/.test(token.text)) {
      segments.push({ words: current, operator: token.text });
      current = [];
    } else current.push(token);
  }
  segments.push({ words: current, operator: '' });
  if (segments.some((segment) => segment.words.length === 0)) return undefined;
  const words = segments.flatMap((segment) => segment.words.map((word) => word.text));
  if (segments.some((segment) => NOT_PLAIN.has(segment.words[0].text) || segment.words[0].text.includes('='))) return undefined;
  if (words.some((word) => NOT_PLAIN.has(word))) return undefined;

  const unreliable = new Set(words.flatMap((word) => NAMES_VARIABLE.exec(word)?.[1] ?? []));
  const positionalChanged = segments.some((segment) => /^(shift|set|getopts)$/.test(segment.words[0].text));
  const ifsChanged = words.some((word) => /\bIFS\b/.test(word));
  const values = new Map([...(bindings.values ?? [])].filter(([name]) => !unreliable.has(name)));
  const possible = new Map(bindings.possible ?? []);
  const positional = positionalChanged ? undefined : bindings.positional;

  const commands = segments.map((segment) => {
    const scope: Scope = { values: new Map(values), possible: new Map(possible), splits: !ifsChanged, substitution };
    if (positional) scope.positional = positional;
    const texts = segment.words.map((word) => word.text);
    const first = segment.words[0];
    const last = segment.words[segment.words.length - 1];
    const simple: SimpleCommand = { words: texts, templates: [...texts], expanded: texts.map(() => false), text: script.slice(first.start, last.end), scope };
    if (RUNS_HIDDEN_CODE.has(texts[0])) values.clear();
    return simple;
  });

  // `a | b | c`: each reader after the first gets the pipeline's text before it, its commands, and the one right before.
  let pipelineStart = 0;
  segments.forEach((_, i) => {
    if (i > 0 && segments[i - 1].operator === '|') {
      const from = segments[pipelineStart].words[0].start;
      const to = segments[i - 1].words[segments[i - 1].words.length - 1].end;
      commands[i].pipedFrom = { text: script.slice(from, to), commands: commands.slice(pipelineStart, i), producer: commands[i - 1] };
    } else pipelineStart = i;
  });
  return { commands, functions: new Map() };
}
