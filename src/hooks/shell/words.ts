// Turns tree-sitter-bash word nodes into the text the shell would pass as an argument, and tells whether the shell
// computes any part of it at run time (a parameter expansion, a command or process substitution).
import type { Node } from 'web-tree-sitter';

const EXPANSIONS = new Set(['simple_expansion', 'expansion', 'command_substitution', 'process_substitution', 'arithmetic_expansion']);

const unescapeUnquoted = (text: string): string => text.replace(/\\\r?\n/g, '').replace(/\\(.)/gs, '$1');
const unescapeDoubleQuoted = (text: string): string => text.replace(/\\\r?\n/g, '').replace(/\\([$`"\\])/g, '$1');

const ANSI_C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\u0007', b: '\b', e: '\u001b', E: '\u001b', f: '\f', v: '\v' };

/** `$'\x74erraform'` is the literal `terraform`: bash decodes it before running anything. */
function decodeAnsiC(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|[0-7]{1,3}|.)/gs, (_match, escape: string) => {
    if (/^[xuU]/.test(escape)) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    if (/^[0-7]/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
    return ANSI_C_ESCAPES[escape] ?? escape;
  });
}

/** The literal text around a node's named children, each child rendered in its place. */
function withChildren(node: Node, from: number, to: number, unescape: (text: string) => string): string {
  const text = node.text;
  let out = '';
  let position = from;
  for (const child of node.namedChildren) {
    if (!child) continue;
    const start = child.startIndex - node.startIndex;
    if (start > position) out += unescape(text.slice(position, start));
    out += child.type === 'string_content' ? unescape(child.text) : wordText(child);
    position = child.endIndex - node.startIndex;
  }
  if (to > position) out += unescape(text.slice(position, to));
  return out;
}

/** The argument the shell passes for this word; expansions are kept as written (`$T`), since their value is unknown. */
export function wordText(node: Node): string {
  switch (node.type) {
    case 'word':
      return unescapeUnquoted(node.text);
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'ansi_c_string':
      return decodeAnsiC(node.text.slice(2, -1));
    case 'string':
      return withChildren(node, 1, node.text.length - 1, unescapeDoubleQuoted);
    case 'concatenation':
      return withChildren(node, 0, node.text.length, unescapeUnquoted);
    case 'command_name':
    case 'translated_string':
      return node.namedChildren[0] ? wordText(node.namedChildren[0]) : node.text;
    default:
      return node.text;
  }
}

/** True when the shell computes some part of the word at run time. */
export function isExpanded(node: Node): boolean {
  if (EXPANSIONS.has(node.type)) return true;
  return node.namedChildren.some((child) => child !== null && isExpanded(child));
}
