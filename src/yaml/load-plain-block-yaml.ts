// Reads the plain block YAML that kubectl and helm print for an object (block mappings and sequences, plain and
// simply quoted scalars, `{}` and `[]`, `|` and `|-` literal blocks such as kubectl's last-applied annotation) a line
// at a time, giving exactly what js-yaml's core schema gives; anything else (flow collections, escapes, folded or
// multi-line plain scalars, anchors, tags, comments after a value, a key written twice, indentation it does not
// expect, characters outside printable ASCII) makes it answer undefined, and the caller loads the text with js-yaml,
// which then reads it or refuses it as before.
import { CORE_SCHEMA, type Type } from 'js-yaml';

/** js-yaml's own resolvers of plain scalars for the core schema (null, bool, int, float), in its order. */
const IMPLICIT_TYPES = (CORE_SCHEMA as unknown as { compiledImplicit: Type[] }).compiledImplicit;

/** A simple key: letters, digits and the punctuation of label keys (`app.kubernetes.io/name`), then a colon. */
const KEY_LINE = /^([A-Za-z0-9_][A-Za-z0-9_./-]*):(?: +(.*))?$/;
/** YAML's spec limits an implicit key to 1,024 characters; keep well inside it. */
const MAX_KEY_LENGTH = 1000;
/** The characters that give a plain scalar's first character another meaning. */
const INDICATORS = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

/** Thrown inside the reader when the text is outside what it reads; never escapes it. One instance: no stack to capture each time. */
class NotPlainBlock extends Error {}
const NOT_PLAIN_BLOCK = new NotPlainBlock('not plain block YAML');

const notPlain = (): never => {
  throw NOT_PLAIN_BLOCK;
};

/**
 * Letters no null, boolean or number of the core schema starts with (those start with a digit, a sign, `.`, `~`, or
 * n, t, f in any case): a plain scalar starting with one is a string without asking the resolvers.
 */
const STARTS_STRING = new Uint8Array(128).map((_, code) => (/[A-Za-z]/.test(String.fromCharCode(code)) && !/[nNtTfF]/.test(String.fromCharCode(code)) ? 1 : 0));

/** What js-yaml makes of a plain scalar: the first implicit type that resolves it, else the text. */
function resolvePlain(text: string): unknown {
  if (STARTS_STRING[text.charCodeAt(0)] === 1) return text;
  for (const type of IMPLICIT_TYPES) if (type.resolve(text)) return type.construct(text);
  return text;
}

/** The value of a scalar written on one line (`text` has no surrounding spaces). */
function scalar(text: string): unknown {
  if (text === '{}') return {};
  if (text === '[]') return [];
  const first = text[0];
  if (first === '"' || first === "'") {
    const inner = text.slice(1, -1);
    if (text.length < 2 || text[text.length - 1] !== first || inner.includes(first) || (first === '"' && inner.includes('\\'))) notPlain();
    return inner;
  }
  // A plain scalar may start with `-` when a character other than a space follows (`-1`, `-Xmx1g`).
  if (INDICATORS.has(first) && !(first === '-' && text.length > 1 && text[1] !== ' ')) notPlain();
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':')) notPlain();
  return resolvePlain(text);
}

/** A key as js-yaml stores it: the resolved scalar turned into a string, which must be the text itself. */
function mappingKey(text: string): string {
  if (text.length > MAX_KEY_LENGTH || text === '__proto__') notPlain();
  const resolved = resolvePlain(text);
  if (typeof resolved !== 'string' && String(resolved) !== text) notPlain();
  return text;
}

const isSequenceItem = (content: string): boolean => content === '-' || content.startsWith('- ');

/** The indentation of a line, or -1 for a blank or comment line (a `#` after the indentation). */
function lineIndent(line: string): number {
  let indent = 0;
  while (line.charCodeAt(indent) === 0x20) indent++;
  return indent === line.length || line.charCodeAt(indent) === 0x23 ? -1 : indent;
}

class LineReader {
  /** The lines as written; a sequence item that opens a mapping is rewritten as that mapping's first line. */
  private readonly lines: string[];
  /** Per line, lineIndent's answer. */
  private readonly indents: Int32Array;
  private at = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
    this.indents = new Int32Array(this.lines.length);
    for (let at = 0; at < this.lines.length; at++) this.indents[at] = lineIndent(this.lines[at]);
  }

  /** The indentation of the next line with content (blank and comment lines are skipped), or -1 at the end. */
  private indent(): number {
    while (this.at < this.lines.length) {
      const indent = this.indents[this.at];
      if (indent >= 0) return indent;
      this.at++;
    }
    return -1;
  }

  /** The next line with content, without its indentation and trailing spaces. */
  private content(indent: number): string {
    return this.lines[this.at].slice(indent).trimEnd();
  }

  /** The whole text: one block mapping at the left margin and nothing after it. */
  document(): Record<string, unknown> {
    if (this.indent() !== 0 || isSequenceItem(this.content(0))) notPlain();
    const value = this.mapping(0);
    if (this.indent() !== -1) notPlain();
    return value;
  }

  /** A block mapping whose keys are at `indent`; ends before the first line less indented. */
  private mapping(indent: number): Record<string, unknown> {
    const value: Record<string, unknown> = {};
    for (let at = this.indent(); at >= indent; at = this.indent()) {
      if (at > indent) notPlain();
      const entry = KEY_LINE.exec(this.content(indent)) ?? notPlain();
      const key = mappingKey(entry[1]);
      if (Object.hasOwn(value, key)) notPlain();
      this.at++;
      const rest = entry[2] ?? '';
      if (rest === '') {
        value[key] = this.nested(indent);
      } else if (rest === '|' || rest === '|-') {
        value[key] = this.literal(indent, rest === '|');
      } else {
        value[key] = scalar(rest);
        // A more indented line after a scalar continues it, or is misplaced: js-yaml decides.
        if (this.indent() > indent) notPlain();
      }
    }
    return value;
  }

  /**
   * A `|` (keep one final line break) or `|-` (keep none) literal block under a key at `indent`: its lines, as
   * written, less the indentation of the first. Lines of spaces only, and empty lines but at its end, are left to
   * js-yaml.
   */
  private literal(indent: number, finalBreak: boolean): string {
    const first = this.lines[this.at] ?? '';
    const blockIndent = first.length - first.trimStart().length;
    if (blockIndent <= indent || first.trim() === '') notPlain();
    const lines: string[] = [];
    for (; this.at < this.lines.length; this.at++) {
      const line = this.lines[this.at];
      if (line === '') break;
      if (line.trim() === '') notPlain();
      if (line.length - line.trimStart().length < blockIndent) break;
      lines.push(line.slice(blockIndent));
    }
    // A block that ends the text without a line break is left to js-yaml.
    if (this.at === this.lines.length) notPlain();
    // Empty lines may end the block (the chomping drops them), but nothing more indented may follow them.
    while (this.at < this.lines.length && this.lines[this.at] === '') this.at++;
    const next = this.lines[this.at];
    if (next !== undefined && next.length - next.trimStart().length >= blockIndent) notPlain();
    return `${lines.join('\n')}${finalBreak ? '\n' : ''}`;
  }

  /** The value after `key:` at `indent`: a block below it, a sequence at its own indentation, or null. */
  private nested(indent: number): unknown {
    const at = this.indent();
    if (at < indent) return null;
    const sequence = isSequenceItem(this.content(at));
    if (at === indent) return sequence ? this.sequence(at) : null;
    return sequence ? this.sequence(at) : this.mapping(at);
  }

  /** A block sequence whose dashes are at `indent`; ends before the first line that is not one of its items. */
  private sequence(indent: number): unknown[] {
    const value: unknown[] = [];
    for (let at = this.indent(); at === indent && isSequenceItem(this.content(indent)); at = this.indent()) {
      const line = this.lines[this.at];
      const item = line.slice(indent + 1).trim();
      const itemAt = line.length - line.slice(indent + 1).trimStart().length;
      if (item === '' || isSequenceItem(item)) notPlain();
      if (KEY_LINE.test(item)) {
        // `- name: web`: a mapping whose keys line up with `name`.
        this.lines[this.at] = `${' '.repeat(itemAt)}${item}`;
        this.indents[this.at] = itemAt;
        value.push(this.mapping(itemAt));
      } else {
        value.push(scalar(item));
        this.at++;
        if (this.indent() > indent) notPlain();
      }
    }
    if (this.indent() > indent) notPlain();
    return value;
  }
}

/**
 * The object `text` holds when it is plain block YAML as kubectl and helm print it, as js-yaml's core schema reads it;
 * undefined when the text is anything else, to be loaded by js-yaml.
 */
export function loadPlainBlockYaml(text: string): Record<string, unknown> | undefined {
  if (!/^[\x20-\x7e\n]*$/.test(text)) return undefined;
  try {
    return new LineReader(text).document();
  } catch (error) {
    if (error === NOT_PLAIN_BLOCK) return undefined;
    throw error;
  }
}
