// Sees through the commands that run another command, repeatedly: `sudo -E env TF_LOG=1 timeout 60 terraform apply`
// runs the words `terraform apply`; `sh -c`, `eval`, `ssh`, `trap` give a script to parse again; interpreters give code.
import { isComputed } from '../shell/template.js';
import { commandName } from './command-name.js';
import { interpreterCode } from './interpreters.js';
import { launched } from './launchers.js';
import { skipOptions } from './options.js';
import { runnerCommands } from './runners.js';
import { SHELLS, shellInvocation } from './shells.js';
import type { Unwrapped } from './unwrapped.js';
import { WRAPPERS } from './wrappers.js';

export { commandName };
export type { Unwrapped };

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
/** Words that open a group or negate a command without running anything themselves (`time { …; }`, `! cmd`). */
const OPENERS = new Set(['{', '!', 'coproc']);
/** Launchers hand back words that are launched again (`sudo npx terraform …`): a bound on how often. */
const MAX_DEPTH = 16;

/** `coproc NAME { …; }`: the name before the group is not a command. */
function skipCoprocName(words: string[], at: number): number {
  return words[at] === 'coproc' && words[at + 2] === '{' ? at + 2 : at + 1;
}

/** Each result of a command that runs others is unwrapped again, unless it is the command's own words. */
function again(results: Unwrapped[], own: string[], depth: number): Unwrapped[] {
  return results.flatMap((result) => (result.kind === 'words' && result.words !== own ? unwrapAt(result.words, result.templates, depth + 1) : [result]));
}

function unwrapAt(words: string[], templates: string[], depth: number): Unwrapped[] {
  let at = 0;
  for (;;) {
    while (at < words.length && ASSIGNMENT.test(words[at])) at++;
    if (at >= words.length) return [];
    const rest = words.slice(at);
    const restTemplates = templates.slice(at);
    if (isComputed(restTemplates[0]) || depth > MAX_DEPTH) return [{ kind: 'words', words: rest, templates: restTemplates }];
    const name = commandName(rest[0]);
    if (OPENERS.has(name)) {
      at = name === 'coproc' ? skipCoprocName(words, at) : at + 1;
      continue;
    }
    if (name === '}') return [];
    if (name === 'eval') return [{ kind: 'script', script: rest.slice(1).join(' '), sameShell: true }];
    if (name === 'busybox' && rest.length > 1) {
      at++;
      continue;
    }
    if (SHELLS.has(name)) return shellInvocation(rest, restTemplates);
    if (name === 'source' || name === '.') {
      return rest[1] === undefined ? [] : [{ kind: 'file', path: rest[1], computed: isComputed(restTemplates[1]), positional: rest.slice(1) }];
    }
    if (name === 'command' && ['-v', '-V'].includes(rest[1])) return [];
    const code = interpreterCode(rest, restTemplates);
    if (code) return again(code, rest, depth);
    const run = runnerCommands(name, rest, restTemplates) ?? launched(name, rest, restTemplates);
    if (run) return again(run, rest, depth);
    const spec = Object.hasOwn(WRAPPERS, name) ? WRAPPERS[name] : undefined;
    if (!spec) return [{ kind: 'words', words: rest, templates: restTemplates }];
    const options = skipOptions(rest, 1, spec.valueOptions);
    // `env - cmd`: a lone `-` is env's old spelling of -i.
    const next = (name === 'env' && rest[options] === '-' ? options + 1 : options) + (spec.positionals ?? 0);
    if (spec.joinsScript) return next < rest.length ? [{ kind: 'script', script: rest.slice(next).join(' ') }] : [];
    at += next;
  }
}

/** What one simple command runs, given its words and their templates (shell/template.ts). */
export function unwrap(words: string[], templates: string[]): Unwrapped[] {
  return unwrapAt(words, templates, 0);
}
