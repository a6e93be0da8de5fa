// Splits SQL text into tokens as a dialect's client and server read it: quoted strings (never shown), quoted
// identifiers, comments dropped, statement ends (`;`, psql's `\g`, mysql's DELIMITER, a sqlcmd GO line), and the
// files the script includes (psql `\i`, mysql `source`, sqlcmd `:r`).

export type SqlDialect = 'postgres' | 'mysql' | 'tsql' | 'cql';

export type SqlToken =
  /** A keyword, a bare identifier or a number; `upper` for comparing keywords. */
  | { kind: 'word'; text: string; upper: string }
  /** A quoted identifier, without its quotes. */
  | { kind: 'name'; text: string }
  /** A string literal; its body is read only when the statement runs it (`DO $$…$$`, `EXEC('…')`). */
  | { kind: 'string'; body: string }
  | { kind: 'symbol'; text: string }
  | { kind: 'end' };

export interface SqlText {
  tokens: SqlToken[];
  /** Files the script pulls in, as written. */
  includes: string[];
}

const WORD_START = /[\p{L}_@#0-9]/u;
const WORD_PART = /[\p{L}\p{N}_@#$]/u;
const PSQL_ENDS = new Set(['g', 'gx', 'gexec', 'gset', 'gdesc', 'crosstabview', 'watch']);
const PSQL_INCLUDES = new Set(['i', 'ir', 'include', 'include_relative']);

interface Cursor {
  text: string;
  at: number;
  dialect: SqlDialect;
  out: SqlText;
  /** mysql's statement delimiter, which DELIMITER changes. */
  delimiter: string;
  /** Inside mysql's `/*!40101 … *\/`, whose content runs. */
  inRunnableComment: boolean;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** `'…'` with `''` and, where the dialect allows it, `\'` inside; the index after the closing quote. */
function quotedEnd(text: string, from: number, quote: string, backslash: boolean): number {
  for (let at = from + 1; at < text.length; at++) {
    const char = text[at];
    if (backslash && char === '\\') at++;
    else if (char === quote) {
      if (text[at + 1] !== quote) return at + 1;
      at++;
    }
  }
  return text.length;
}

/** `/* … *\/`, nested where the dialect nests them; the index after it. */
function blockCommentEnd(text: string, from: number, nests: boolean): number {
  let depth = 0;
  let at = from;
  while (at < text.length) {
    if (text.startsWith('/*', at)) {
      if (depth === 0 || nests) depth++;
      at += 2;
    } else if (text.startsWith('*/', at)) {
      depth--;
      at += 2;
      if (depth === 0) return at;
    } else at++;
  }
  return text.length;
}

/** The client's own commands that start a line: sqlcmd `GO` and `:r`, mysql `DELIMITER` and `source`. */
function lineCommand(cursor: Cursor): boolean {
  const { text, at, dialect, out } = cursor;
  const end = lineEnd(text, at);
  const line = text.slice(at, end);
  if (dialect === 'tsql') {
    if (/^go\b\s*(\d+\s*)?(--.*)?$/i.test(line)) out.tokens.push({ kind: 'end' });
    else if (/^:r\s/i.test(line))
      out.includes.push(
        line
          .slice(2)
          .trim()
          .replace(/^"(.*)"$/, '$1'),
      );
    else if (!/^(:|!!)/.test(line)) return false;
    cursor.at = end;
    return true;
  }
  if (dialect === 'mysql') {
    const delimiter = /^delimiter\s+(\S+)/i.exec(line);
    const source = /^source\s+(.+?);?\s*$/i.exec(line);
    if (delimiter) {
      cursor.delimiter = delimiter[1];
      out.tokens.push({ kind: 'end' });
    } else if (source) out.includes.push(source[1]);
    else return false;
    cursor.at = end;
    return true;
  }
  return false;
}

/** A backslash command outside quotes: psql's meta-commands, mysql's `\g`, `\G`, `\.`. */
function backslashCommand(cursor: Cursor): void {
  const { text, at, out } = cursor;
  const name = /^\\([a-zA-Z_]*|\\|\.)/.exec(text.slice(at))?.[1] ?? '';
  const end = lineEnd(text, at);
  if (cursor.dialect === 'mysql') {
    if (name.startsWith('g') || name.startsWith('G')) out.tokens.push({ kind: 'end' });
    if (name === '.') {
      out.includes.push(text.slice(at + 2, end).trim());
      cursor.at = end;
      return;
    }
    cursor.at = at + 2;
    return;
  }
  if (name === '\\' || PSQL_ENDS.has(name)) out.tokens.push({ kind: 'end' });
  if (PSQL_INCLUDES.has(name))
    out.includes.push(
      text
        .slice(at + 1 + name.length, end)
        .trim()
        .split(/\s+/)[0] ?? '',
    );
  // `\\` separates a meta-command from the SQL after it on the same line; any other meta-command takes the rest of the line.
  cursor.at = name === '\\' ? at + 2 : end;
}

function comment(cursor: Cursor): boolean {
  const { text, at, dialect } = cursor;
  const two = text.slice(at, at + 2);
  const lineComment =
    (two === '--' && (dialect !== 'mysql' || /^--(\s|$)/.test(text.slice(at, at + 3)))) ||
    (two === '//' && dialect === 'cql') ||
    (text[at] === '#' && dialect === 'mysql');
  if (lineComment) {
    cursor.at = lineEnd(text, at);
    return true;
  }
  if (two === '*/' && cursor.inRunnableComment) {
    cursor.inRunnableComment = false;
    cursor.at = at + 2;
    return true;
  }
  if (two !== '/*') return false;
  const runnable = dialect === 'mysql' ? /^\/\*!\d*/.exec(text.slice(at)) : null;
  if (runnable) {
    cursor.inRunnableComment = true;
    cursor.at = at + runnable[0].length;
    return true;
  }
  cursor.at = blockCommentEnd(text, at, dialect === 'postgres' || dialect === 'tsql');
  return true;
}

function quoted(cursor: Cursor): boolean {
  const { text, at, dialect, out } = cursor;
  const char = text[at];
  if (char === '$' && (dialect === 'postgres' || dialect === 'cql') && !WORD_PART.test(text[at - 1] ?? ' ')) {
    const tag = (dialect === 'postgres' ? /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/ : /^\$\$/).exec(text.slice(at))?.[0];
    if (tag === undefined) return false;
    const close = text.indexOf(tag, at + tag.length);
    const end = close < 0 ? text.length : close + tag.length;
    out.tokens.push({ kind: 'string', body: text.slice(at + tag.length, close < 0 ? text.length : close) });
    cursor.at = end;
    return true;
  }
  const isString = char === "'" || (char === '"' && dialect === 'mysql');
  const isName = (char === '"' && dialect !== 'mysql') || (char === '`' && dialect === 'mysql') || (char === '[' && dialect === 'tsql');
  if (!isString && !isName) return false;
  const escapedString = /[eE]/.test(text[at - 1] ?? '') && !WORD_PART.test(text[at - 2] ?? ' ');
  const backslash = isString && (dialect === 'mysql' || (dialect === 'postgres' && escapedString));
  const end = char === '[' ? quotedEnd(text, at, ']', false) : quotedEnd(text, at, char, backslash);
  const body = text.slice(at + 1, Math.max(at + 1, end - 1));
  if (isString) {
    if (escapedString && out.tokens.at(-1)?.kind === 'word') out.tokens.pop();
    out.tokens.push({ kind: 'string', body });
  } else out.tokens.push({ kind: 'name', text: body.replaceAll(char === '[' ? ']]' : char + char, char === '[' ? ']' : char) });
  cursor.at = end;
  return true;
}

export function tokenizeSql(text: string, dialect: SqlDialect): SqlText {
  const cursor: Cursor = { text, at: 0, dialect, out: { tokens: [], includes: [] }, delimiter: ';', inRunnableComment: false };
  let lineStart = true;
  while (cursor.at < text.length) {
    const char = text[cursor.at];
    if (char === '\n') lineStart = true;
    if (/\s/.test(char)) {
      cursor.at++;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      if (lineCommand(cursor)) continue;
    }
    if (dialect === 'mysql' && cursor.delimiter !== ';' && text.startsWith(cursor.delimiter, cursor.at)) {
      cursor.out.tokens.push({ kind: 'end' });
      cursor.at += cursor.delimiter.length;
    } else if (comment(cursor) || quoted(cursor)) continue;
    else if (char === '\\' && (dialect === 'postgres' || dialect === 'mysql')) backslashCommand(cursor);
    else if (char === ';' && !(dialect === 'mysql' && cursor.delimiter !== ';')) {
      cursor.out.tokens.push({ kind: 'end' });
      cursor.at++;
    } else if (
      WORD_START.test(char) ||
      (char === ':' && dialect === 'postgres' && /[A-Za-z_]/.test(text[cursor.at + 1] ?? '') && text[cursor.at - 1] !== ':')
    ) {
      let end = cursor.at + 1;
      while (end < text.length && WORD_PART.test(text[end])) end++;
      const word = text.slice(cursor.at, end);
      cursor.out.tokens.push({ kind: 'word', text: word, upper: word.toUpperCase() });
      cursor.at = end;
    } else {
      cursor.out.tokens.push({ kind: 'symbol', text: char });
      cursor.at++;
    }
  }
  return cursor.out;
}
