// Turns tree-sitter-bash word nodes into the words bash would pass: quotes removed, ANSI-C escapes decoded, braces
// expanded, variables whose value the command itself gives substituted (and split when unquoted), and every part only
// known at run time (another expansion, a command substitution, a glob) marked UNKNOWN in the word's template.
import type { Node } from 'web-tree-sitter';
import { expandBraces } from './brace-expansion.js';
import { UNKNOWN } from './template.js';

/** One word as bash passes it. */
export interface Word {
  /** The text, with each part only known at run time kept as written (`$T`, `$(which terraform)`, `*`). */
  text: string;
  /** The text with UNKNOWN in place of each part only known at run time (shell/template.ts). */
  template: string;
}

/** What the words of one command can rely on: variables with a known value, and the positional parameters. */
export interface Scope {
  /** Variables whose value the command itself set to a literal, at this point of it. */
  values: ReadonlyMap<string, string>;
  /** Text assigned to variables whose value is not literal (`X="terraform $V"`), read again where `$X` is run as code. */
  possible: ReadonlyMap<string, string>;
  /** `$0`, `$1` … when known (a function called here, `sh -c '…' arg0 arg1`); undefined when not. */
  positional?: readonly string[];
  /** False when IFS is changed: then unquoted expansions cannot be split as bash will. */
  splits: boolean;
  /** The output of a command substitution when it prints a literal (`$(echo destroy)`). */
  substitution(node: Node): string | undefined;
}

/** A piece of one word, in the order bash assembles them. */
type Piece =
  | { kind: 'literal'; text: string }
  | { kind: 'quoted'; text: string }
  | { kind: 'value'; text: string; quoted: boolean }
  | { kind: 'fields'; values: readonly string[] }
  | { kind: 'unknown'; source: string };

const ANSI_C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\u0007', b: '\b', e: '\u001b', E: '\u001b', f: '\f', v: '\v' };

/** `$'\x74erraform'` is the literal `terraform`: bash decodes it before running anything. */
export function decodeAnsiC(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|[0-7]{1,3}|c.|.)/gs, (_match, escape: string) => {
    if (/^[xuU]/.test(escape)) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    if (/^[0-7]/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
    if (escape.startsWith('c')) return String.fromCharCode((escape.charCodeAt(1) & 0x1f) >>> 0);
    return ANSI_C_ESCAPES[escape] ?? (escape === '\n' ? '' : escape);
  });
}

const unescapeDoubleQuoted = (text: string): string => text.replace(/\\\r?\n/g, '').replace(/\\([$`"\\])/g, '$1');

/** An unquoted word's text: backslash-escaped characters are quoted, the rest is open to braces and globs. */
function unquotedPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  const pattern = /\\(\r?\n|.)|[^\\]+/gs;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[1] === undefined) pieces.push({ kind: 'literal', text: match[0] });
    else if (!/^\r?\n$/.test(match[1])) pieces.push({ kind: 'quoted', text: match[1] });
  }
  return pieces;
}

/** `${NAME}` and `${NAME:-default}` / `${NAME-default}`; every other operator makes the value unknown. */
function expansionParts(node: Node): { name: string; operator?: string; fallback?: Node } | undefined {
  const children = node.children.filter((child): child is Node => child !== null);
  const name = children[1];
  if (children[0]?.text !== '${' || !name || !['variable_name', 'special_variable_name'].includes(name.type)) return undefined;
  const rest = children.slice(2, -1);
  if (rest.length === 0) return { name: name.text };
  const [operator, fallback, ...more] = rest;
  if (more.length > 0 || !operator || operator.isNamed || ![':-', '-'].includes(operator.text)) return undefined;
  return fallback ? { name: name.text, operator: operator.text, fallback } : { name: name.text, operator: operator.text };
}

/** What `$NAME` is: its known value, the positional parameters, or unknown. */
function lookup(name: string, scope: Scope): string | readonly string[] | undefined {
  const positional = scope.positional;
  if (/^\d+$/.test(name)) return positional ? (positional[Number(name)] ?? '') : undefined;
  if (name === '@') return positional?.slice(1);
  if (name === '*') return positional?.slice(1).join(' ');
  if (name === '#') return positional ? String(positional.length - 1) : undefined;
  return scope.values.get(name);
}

function unknown(node: Node, scope: Scope, name?: string): Piece {
  return { kind: 'unknown', source: (name !== undefined ? scope.possible.get(name) : undefined) ?? node.text };
}

function expansionPieces(node: Node, quoted: boolean, scope: Scope): Piece[] {
  const name = node.type === 'simple_expansion' ? node.namedChildren[0]?.text : undefined;
  const parts = name !== undefined ? { name } : expansionParts(node);
  if (!parts) return [unknown(node, scope)];
  const value = lookup(parts.name, scope);
  if (value === undefined) return [unknown(node, scope, parts.name)];
  if (typeof value !== 'string') return [quoted ? { kind: 'fields', values: value } : { kind: 'value', text: value.join(' '), quoted }];
  const useFallback = parts.operator !== undefined && (parts.operator === ':-' ? value === '' : false);
  if (useFallback) return parts.fallback ? nodePieces(parts.fallback, quoted, scope) : [];
  if (!quoted && !scope.splits) return [unknown(node, scope, parts.name)];
  return [{ kind: 'value', text: value, quoted }];
}

/** The pieces of a node, inside double quotes or not. */
function nodePieces(node: Node, quoted: boolean, scope: Scope): Piece[] {
  switch (node.type) {
    case 'word':
    case 'number':
      return quoted ? [{ kind: 'quoted', text: unescapeDoubleQuoted(node.text) }] : unquotedPieces(node.text);
    case 'raw_string':
      return [{ kind: 'quoted', text: node.text.slice(1, -1) }];
    case 'ansi_c_string':
      return [{ kind: 'quoted', text: decodeAnsiC(node.text.slice(2, -1)) }];
    case 'string_content':
      return [{ kind: 'quoted', text: unescapeDoubleQuoted(node.text) }];
    case 'string':
    case 'translated_string':
      return childPieces(node, node.type === 'string' ? 1 : 2, node.text.length - 1, true, scope);
    case 'concatenation':
      return childPieces(node, 0, node.text.length, quoted, scope);
    case 'command_name':
      return node.namedChildren[0] ? nodePieces(node.namedChildren[0], quoted, scope) : [];
    case 'simple_expansion':
    case 'expansion':
      return expansionPieces(node, quoted, scope);
    case 'command_substitution': {
      const output = scope.substitution(node);
      if (output === undefined) return [unknown(node, scope)];
      if (!quoted && !scope.splits) return [unknown(node, scope)];
      return [{ kind: 'value', text: output.replace(/\n+$/, ''), quoted }];
    }
    case 'process_substitution':
    case 'arithmetic_expansion':
    case 'array':
      return [unknown(node, scope)];
    default:
      return quoted ? [{ kind: 'quoted', text: node.text }] : unquotedPieces(node.text);
  }
}

/** The text between a node's named children, as pieces, with each child's pieces in its place. */
function childPieces(node: Node, from: number, to: number, quoted: boolean, scope: Scope): Piece[] {
  const text = node.text;
  const gap = (slice: string): Piece[] => (slice === '' ? [] : quoted ? [{ kind: 'quoted', text: unescapeDoubleQuoted(slice) }] : unquotedPieces(slice));
  const pieces: Piece[] = [];
  let position = from;
  for (const child of node.namedChildren) {
    if (!child) continue;
    const start = child.startIndex - node.startIndex;
    if (start > position) pieces.push(...gap(text.slice(position, start)));
    pieces.push(...nodePieces(child, quoted, scope));
    position = child.endIndex - node.startIndex;
  }
  if (to > position) pieces.push(...gap(text.slice(position, to)));
  return pieces;
}

/** Private-use characters stand for the pieces brace expansion must not look into. */
const PLACEHOLDER = 0xe000;

class WordBuilder {
  readonly words: Word[] = [];
  private text = '';
  private template = '';
  private started = false;

  add(text: string, template = text): void {
    this.text += text;
    this.template += template;
    this.started = true;
  }

  /** An empty quoted string is still an argument (`""`), so a quoted piece starts a word even when empty. */
  start(): void {
    this.started = true;
  }

  end(): void {
    if (this.started) this.words.push({ text: this.text, template: this.template });
    this.text = '';
    this.template = '';
    this.started = false;
  }

  /** An unquoted value: split at blanks into words, as bash splits expansions. */
  addSplit(value: string): void {
    for (const part of value.split(/([ \t\n]+)/)) {
      if (/^[ \t\n]+$/.test(part)) this.end();
      else if (part !== '') this.add(part);
    }
  }
}

/** The words of one encoded brace-expansion result; unquoted glob characters are parts only known at run time. */
function assemble(encoded: string, pieces: Piece[], builder: WordBuilder): void {
  for (let i = 0; i < encoded.length; i++) {
    const code = encoded.charCodeAt(i);
    const piece = code >= PLACEHOLDER && code < PLACEHOLDER + pieces.length ? pieces[code - PLACEHOLDER] : undefined;
    if (!piece) {
      const char = encoded[i];
      const closing = char === '[' ? encoded.indexOf(']', i + 2) : -1;
      if (char === '*' || char === '?') builder.add(char, UNKNOWN);
      else if (closing !== -1) {
        builder.add(encoded.slice(i, closing + 1), UNKNOWN);
        i = closing;
      } else builder.add(char);
      continue;
    }
    if (piece.kind === 'quoted') {
      builder.start();
      builder.add(piece.text);
    } else if (piece.kind === 'value') {
      if (piece.quoted) {
        builder.start();
        builder.add(piece.text);
      } else builder.addSplit(piece.text);
    } else if (piece.kind === 'fields') {
      piece.values.forEach((value, index) => {
        if (index > 0) builder.end();
        builder.start();
        builder.add(value);
      });
    } else if (piece.kind === 'unknown') builder.add(piece.source, UNKNOWN);
  }
  builder.end();
}

/** The words bash makes of one word node: usually one, several after brace expansion or `"$@"`, none for `$EMPTY`. */
export function wordsOf(node: Node, scope: Scope): Word[] {
  const pieces = nodePieces(node, false, scope);
  const opaque: Piece[] = [];
  let encoded = '';
  for (const piece of pieces) {
    if (piece.kind === 'literal') encoded += piece.text.replace(/[\ue000-\uf8ff]/g, '');
    else {
      encoded += String.fromCharCode(PLACEHOLDER + opaque.length);
      opaque.push(piece);
    }
  }
  const builder = new WordBuilder();
  for (const expanded of expandBraces(encoded)) assemble(expanded, opaque, builder);
  return builder.words;
}

/** The single text a word node stands for (a redirection's file, a here-string): its words joined by spaces. */
export function wordOf(node: Node, scope: Scope): Word {
  const words = wordsOf(node, scope);
  return { text: words.map((w) => w.text).join(' '), template: words.map((w) => w.template).join(' ') };
}
