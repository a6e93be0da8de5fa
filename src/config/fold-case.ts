// Rewrites a case-insensitive regular expression (non-Unicode) as a case-sensitive one, so V8's linear engine runs it.

/** ECMAScript's Canonicalize for the `i` flag without `u`: the upper case, unless it is not one code unit or leaves ASCII. */
function canonicalize(code: number): number {
  const upper = String.fromCharCode(code).toUpperCase();
  if (upper.length !== 1) return code;
  const result = upper.charCodeAt(0);
  return code >= 128 && result < 128 ? code : result;
}

let classes: Map<number, number[]> | undefined;

/** Every code unit that matches `code` under the `i` flag (itself included), built once over the BMP. */
function caseClass(code: number): number[] {
  if (!classes) {
    const byCanonical = new Map<number, number[]>();
    for (let c = 0; c <= 0xffff; c++) {
      const key = canonicalize(c);
      const list = byCanonical.get(key);
      if (list) list.push(c);
      else byCanonical.set(key, [c]);
    }
    classes = new Map();
    for (const list of byCanonical.values()) if (list.length > 1) for (const c of list) classes.set(c, list);
  }
  return classes.get(code) ?? [code];
}

const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;

/** Code units as the inside of a character class: sorted, runs written as ranges. */
function classBody(codes: Iterable<number>): string {
  const sorted = [...new Set(codes)].sort((a, b) => a - b);
  let body = '';
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i];
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i] + 1) i++;
    const end = sorted[i];
    body += end === start ? hex(start) : `${hex(start)}-${hex(end)}`;
  }
  return body;
}

/** Escapes that stand for a set closed under case (`\d`, `\w`, `\s` and their negations) or for no character at all. */
const CLASS_ESCAPE = /^[dDwWsS]$/;
const ASSERTION_ESCAPE = /^[bB]$/;
const CONTROL = { f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b } as Record<string, number>;

/** One escape at `i` (the backslash): the code unit it stands for, or the raw text when it is not one character. */
function readEscape(source: string, i: number): { code?: number; raw: string; end: number } {
  const next = source[i + 1] ?? '';
  const hexEscape = /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))/.exec(source.slice(i + 1));
  if (hexEscape) return { code: parseInt(hexEscape[1] ?? hexEscape[2], 16), raw: `\\${hexEscape[0]}`, end: i + 1 + hexEscape[0].length };
  if (next === 'c' && /[a-zA-Z]/.test(source[i + 2] ?? '')) return { raw: source.slice(i, i + 3), end: i + 3 };
  if (CLASS_ESCAPE.test(next) || ASSERTION_ESCAPE.test(next) || /[0-9k]/.test(next)) return { raw: source.slice(i, i + 2), end: i + 2 };
  if (next in CONTROL) return { code: CONTROL[next], raw: source.slice(i, i + 2), end: i + 2 };
  return { code: next.charCodeAt(0), raw: source.slice(i, i + 2), end: i + 2 };
}

/** A character class starting at `i` (the `[`), with every member's other cases added. */
function foldClass(source: string, start: number): { text: string; end: number } {
  let i = start + 1;
  const negated = source[i] === '^';
  if (negated) i++;
  const codes: number[] = [];
  let raw = '';
  const member = (): number | undefined => {
    if (source.startsWith('\\b', i)) {
      i += 2;
      return 0x08;
    }
    if (source[i] === '\\') {
      const escape = readEscape(source, i);
      i = escape.end;
      if (escape.code === undefined) raw += escape.raw;
      return escape.code;
    }
    return source.charCodeAt(i++);
  };
  while (i < source.length && source[i] !== ']') {
    const low = member();
    if (low === undefined) continue;
    if (source[i] === '-' && source[i + 1] !== ']' && i + 1 < source.length) {
      i++;
      const high = member();
      if (high === undefined) {
        codes.push(low, 0x2d);
        continue;
      }
      for (let c = low; c <= high; c++) codes.push(...caseClass(c));
    } else {
      codes.push(...caseClass(low));
    }
  }
  return { text: `[${negated ? '^' : ''}${raw}${classBody(codes)}]`, end: i + 1 };
}

/** `source` under the `i` flag (without `u`) rewritten to match the same text without it. */
export function foldCase(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '[') {
      const folded = foldClass(source, i);
      out += folded.text;
      i = folded.end;
    } else if (c === '\\') {
      const escape = readEscape(source, i);
      const cases = escape.code === undefined ? [] : caseClass(escape.code);
      out += cases.length > 1 ? `[${classBody(cases)}]` : escape.raw;
      i = escape.end;
    } else if (source.startsWith('(?<', i) && !/^\(\?<[=!]/.test(source.slice(i))) {
      const close = source.indexOf('>', i);
      const end = close < 0 ? source.length : close + 1;
      out += source.slice(i, end);
      i = end;
    } else if (c === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(i))) {
      const quantifier = /^\{\d+(?:,\d*)?\}/.exec(source.slice(i))?.[0] as string;
      out += quantifier;
      i += quantifier.length;
    } else {
      const cases = caseClass(c.charCodeAt(0));
      out += cases.length > 1 ? `[${classBody(cases)}]` : c;
      i++;
    }
  }
  return out;
}
