// Compiles the patterns a configuration uses: exact text, a glob with * and ?, or /a regular expression/flags.
// Regular expressions with nested repetition are refused (safe-regex2); the rest run in V8's linear-time engine
// when it can run them, and those it cannot (case-insensitive, Unicode properties, backreferences, lookarounds) are
// refused when they repeat an alternation or use a backreference. Every pattern sees at most 1,024 characters of
// a subject, so no configuration can make a check hang.
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { ConfigError } from '../errors.js';

export type Matcher = (text: string) => boolean;

const MAX_SUBJECT = 1024;
const REGEX_LITERAL = /^\/(.+)\/([imsu]*)$/s;
const QUANTIFIER = /^[*+{]/;

let linearEngineEnabled = false;

/** The expression in V8's linear-time engine (the `l` flag), or undefined when that engine cannot run it. */
function linearTime(source: string, flags: string): RegExp | undefined {
  if (!linearEngineEnabled) {
    setFlagsFromString('--enable-experimental-regexp-engine');
    linearEngineEnabled = true;
  }
  try {
    return new RegExp(source, `${flags}l`);
  } catch {
    return undefined;
  }
}

/**
 * What makes a backtracking engine slow beyond nested quantifiers: a repeated group holding an alternation
 * (`(a|aa)+`, whose branches can match the same text) or a backreference. Read from the source, honouring escapes
 * and character classes.
 */
function backtrackingHazard(source: string): string | undefined {
  const groups: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      if (!inClass && /^(?:[1-9]|k<)/.test(source.slice(i + 1, i + 3))) return 'a backreference';
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') groups.push(false);
    else if (c === '|' && groups.length > 0) groups[groups.length - 1] = true;
    else if (c === ')') {
      const alternates = groups.pop() ?? false;
      if (alternates && QUANTIFIER.test(source.slice(i + 1))) return 'a repeated alternation';
      if (alternates && groups.length > 0) groups[groups.length - 1] = true;
    }
  }
  return undefined;
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
  const linear = linearTime(source, flags);
  if (linear) return linear;
  const hazard = backtrackingHazard(source);
  if (hazard) {
    throw new ConfigError(`${where}: ${pattern} could take exponential time (${hazard}); rewrite it without ${hazard}.`);
  }
  return regex;
}

/** A glob: `*` any run of characters, `?` one character, everything else literal (brackets and dots included). */
function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 's');
}

export function compilePattern(pattern: string, where: string): Matcher {
  const literal = REGEX_LITERAL.exec(pattern);
  let regex: RegExp;
  if (literal) regex = compileRegExp(literal[1] as string, literal[2] as string, pattern, where);
  else if (/[*?]/.test(pattern)) regex = globToRegExp(pattern);
  else return (text) => text === pattern;
  return (text) => regex.test(text.slice(0, MAX_SUBJECT));
}
