// Compiles the patterns a configuration uses: exact text, a glob with * and ?, or /a regular expression/flags.
// Regular expressions that could backtrack catastrophically are refused (safe-regex2), and every pattern is
// matched against at most 1,024 characters, so no configuration can make a check hang.
import { createRequire } from 'node:module';
import { ConfigError } from '../errors.js';

export type Matcher = (text: string) => boolean;

const MAX_SUBJECT = 1024;
const REGEX_LITERAL = /^\/(.+)\/([imsu]*)$/s;

/** A glob: `*` any run of characters, `?` one character, everything else literal (brackets and dots included). */
function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 's');
}

export function compilePattern(pattern: string, where: string): Matcher {
  const literal = REGEX_LITERAL.exec(pattern);
  let regex: RegExp;
  if (literal) {
    try {
      regex = new RegExp(literal[1] as string, literal[2]);
    } catch (error) {
      throw new ConfigError(`${where}: ${pattern} is not a valid regular expression (${(error as Error).message}).`);
    }
    const isSafe = createRequire(import.meta.url)('safe-regex2') as (re: RegExp) => boolean;
    if (!isSafe(regex)) {
      throw new ConfigError(`${where}: ${pattern} could take exponential time (nested repetition); rewrite it without nested quantifiers.`);
    }
  } else if (/[*?]/.test(pattern)) {
    regex = globToRegExp(pattern);
  } else {
    return (text) => text === pattern;
  }
  return (text) => regex.test(text.slice(0, MAX_SUBJECT));
}
