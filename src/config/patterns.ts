// Compiles the patterns a configuration uses: exact text, a glob with * and ?, or /a regular expression/flags.
// Globs run in O(n·m) time (glob-matcher.ts). Regular expressions with nested repetition are refused (safe-regex2);
// the rest run in V8's linear-time engine, a case-insensitive one once rewritten with both cases spelled out
// (fold-case.ts); one that engine still cannot run (lookarounds, backreferences, the u flag) is refused when the
// file is read. Every pattern sees at most 1,024 characters of a subject, so no configuration can make a check hang.
import { createRequire } from 'node:module';
import { changeV8Flags } from '../cli/v8-flags.js';
import { ConfigError } from '../errors.js';
import { foldCase } from './fold-case.js';
import { matchGlob } from './glob-matcher.js';

export type Matcher = (text: string) => boolean;

const MAX_SUBJECT = 1024;
const REGEX_LITERAL = /^\/(.+)\/([imsu]*)$/s;

let linearEngineEnabled = false;

/** The expression in V8's linear-time engine (the `l` flag), or undefined when that engine cannot run it. */
function linearTime(source: string, flags: string): RegExp | undefined {
  if (!linearEngineEnabled) {
    changeV8Flags('--enable-experimental-regexp-engine');
    linearEngineEnabled = true;
  }
  try {
    return new RegExp(source, `${flags}l`);
  } catch {
    return undefined;
  }
}

function compileRegExp(source: string, flags: string, pattern: string, where: string): RegExp {
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags);
  } catch (error) {
    throw new ConfigError(`${where}: ${pattern} is not a valid regular expression (${(error as Error).message}).`);
  }
  const isSafe = createRequire(import.meta.url)('safe-regex2') as (re: RegExp) => boolean;
  if (!isSafe(regex)) {
    throw new ConfigError(`${where}: ${pattern} could take exponential time (nested repetition); rewrite it without nested quantifiers.`);
  }
  const caseless = flags.includes('i') && !flags.includes('u');
  const linear = caseless ? linearTime(foldCase(source), flags.replace('i', '')) : linearTime(source, flags);
  if (linear) return linear;
  throw new ConfigError(
    `${where}: ${pattern} cannot run in linear time (it uses a lookaround, a backreference or the u flag), so it could hang a check; rewrite it without them.`,
  );
}

export function compilePattern(pattern: string, where: string): Matcher {
  const literal = REGEX_LITERAL.exec(pattern);
  if (literal) {
    const regex = compileRegExp(literal[1], literal[2], pattern, where);
    return (text) => regex.test(text.slice(0, MAX_SUBJECT));
  }
  if (/[*?]/.test(pattern)) return (text) => matchGlob(pattern, text.slice(0, MAX_SUBJECT));
  return (text) => text === pattern;
}
