// What a command prints when the command itself says it: `echo …`, `printf …`, or `cat` of a here-document or
// here-string. Used for what a pipeline feeds a shell, what a redirection writes to a script, and `$(echo destroy)`.
import type { SimpleCommand } from '../invocations/invocation.js';
import { commandName } from '../invocations/unwrap.js';

/** printf and `echo -e` escapes: `\n`, `\t`, `\\`, `\xHH`, `\0NNN`, `\NNN`, `\c` ends the output. */
function printfEscapes(text: string): string {
  const cut = text.search(/\\c/);
  const kept = cut === -1 ? text : text.slice(0, cut);
  return kept.replace(/\\(x[0-9a-fA-F]{1,2}|0[0-7]{0,3}|[0-7]{1,3}|.)/gs, (_match, escape: string) => {
    if (escape.startsWith('x')) return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (/^[0-7]/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
    return ({ n: '\n', t: '\t', r: '\r', a: '\u0007', b: '\b', e: '\u001b', f: '\f', v: '\v' } as Record<string, string>)[escape] ?? escape;
  });
}

function echoOutput(args: string[]): string {
  let i = 0;
  let newline = true;
  let escapes = false;
  while (i < args.length && /^-[neE]+$/.test(args[i])) {
    const flags = args[i];
    if (flags.includes('n')) newline = false;
    if (flags.includes('e')) escapes = true;
    i++;
  }
  const text = args.slice(i).join(' ');
  return `${escapes ? printfEscapes(text) : text}${newline ? '\n' : ''}`;
}

/** printf FORMAT ARGS: the format is repeated while arguments remain, as printf does. */
function printfOutput(args: string[]): string | undefined {
  const rest = args[0] === '--' ? args.slice(1) : args;
  if (rest[0] === '-v' || rest.length === 0) return undefined;
  const [format, ...values] = rest as [string, ...string[]];
  let out = '';
  let at = 0;
  do {
    let used = 0;
    out += format.replace(/%%|%[-+ #0]*\d*(?:\.\d+)?([a-zA-Z])|\\(?:x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/gs, (match, conversion: string | undefined) => {
      if (match === '%%') return '%';
      if (conversion === undefined) return printfEscapes(match);
      used++;
      const value = values[at++] ?? '';
      return conversion === 'b' ? printfEscapes(value) : value;
    });
    if (used === 0) break;
  } while (at < values.length);
  return out;
}

/** The output, with any part only known at run time kept as written (`$V`); undefined when it cannot be read here. */
export function literalOutput(command: SimpleCommand): string | undefined {
  const [program, ...args] = command.words;
  const name = commandName(program ?? '');
  if (name === 'echo') return echoOutput(args);
  if (name === 'printf') return printfOutput(args);
  if (name === 'cat' && args.every((a) => a === '-')) return command.stdin;
  return undefined;
}
