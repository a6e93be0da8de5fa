// Parses shell text with tree-sitter-bash (WebAssembly, loaded on first use) into every simple command it would run,
// including those inside pipelines, lists, subshells, functions, `$( … )`, backticks and process substitutions.
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import type { Node, Parser as TreeSitterParser } from 'web-tree-sitter';
import type { SimpleCommand } from '../invocations/invocation.js';
import { ShellSyntaxError } from './syntax-error.js';
import { isExpanded, wordText } from './words.js';

export { ShellSyntaxError };

let parser: TreeSitterParser | undefined;

/**
 * Loads web-tree-sitter and the bash grammar once per process. V8's optimizing WebAssembly compiler would spend
 * over a second on the grammar; the baseline compiler (Liftoff) alone parses one command just as well.
 */
export async function loadShellParser(): Promise<void> {
  if (parser) return;
  setFlagsFromString('--liftoff-only');
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const grammar = createRequire(import.meta.url).resolve('tree-sitter-bash/tree-sitter-bash.wasm');
  const bash = await Language.load(grammar);
  parser = new Parser();
  parser.setLanguage(bash);
}

/** What a here-document or here-string feeds the command on standard input. */
function standardInputOf(command: Node): string | undefined {
  const statement = command.parent;
  if (statement?.type !== 'redirected_statement') return undefined;
  for (const redirect of statement.namedChildren) {
    if (redirect?.type === 'herestring_redirect') return redirect.namedChildren[0] ? wordText(redirect.namedChildren[0]) : undefined;
    if (redirect?.type === 'heredoc_redirect') {
      const body = redirect.namedChildren.find((child) => child?.type === 'heredoc_body');
      if (body) return body.text;
    }
  }
  return undefined;
}

/** Redirections that write a file: `>`, `>>`, `>|`, `&>`, `&>>`, and `>&` to a name rather than a descriptor. */
const WRITE_OPERATORS = new Set(['>', '>>', '>|', '&>', '&>>', '>&']);

/** The files the redirections of a `redirected_statement` write. */
function writesOf(statement: Node | null): SimpleCommand['writes'] {
  if (statement?.type !== 'redirected_statement') return [];
  // `cat <<EOF > file`: tree-sitter-bash nests the file redirection inside the here-document's.
  const redirects = statement.namedChildren.flatMap((child) => (child?.type === 'heredoc_redirect' ? child.namedChildren : [child]));
  return redirects.flatMap((redirect) => {
    if (redirect?.type !== 'file_redirect') return [];
    const operator = redirect.children.find((child) => child !== null && !child.isNamed)?.text ?? '';
    const destination = redirect.childForFieldName('destination');
    if (!WRITE_OPERATORS.has(operator) || !destination || destination.type === 'number' || destination.text === '-') return [];
    return [{ text: wordText(destination), expanded: isExpanded(destination) }];
  });
}

function toSimpleCommand(command: Node): SimpleCommand | undefined {
  const name = command.childForFieldName('name');
  if (!name) return undefined;
  const words = [name, ...command.childrenForFieldName('argument')];
  const simple: SimpleCommand = { words: words.map(wordText), expanded: words.map(isExpanded), text: command.text };
  const stdin = standardInputOf(command);
  if (stdin !== undefined) simple.stdin = stdin;
  const writes = writesOf(command.parent);
  if (writes && writes.length > 0) simple.writes = writes;
  return simple;
}

/** `{ …; } > f`, `while …; done > f`: redirections of a statement that is not a simple command, as a command of no words. */
function statementWrites(statement: Node): SimpleCommand | undefined {
  if (statement.childForFieldName('body')?.type === 'command') return undefined;
  const writes = writesOf(statement);
  return writes && writes.length > 0 ? { words: [], expanded: [], text: statement.text, writes } : undefined;
}

/** Longer scripts are not parsed (the hook then judges them by what they mention): no agent command is this long. */
export const MAX_SCRIPT_LENGTH = 256 * 1024;

/**
 * Bash joins a backslash-newline inside a word (`terra\⏎form`); tree-sitter-bash splits the word there instead, so
 * unescaped continuations are removed first (an escaped backslash before the newline stays).
 */
function joinContinuations(script: string): string {
  return script.replace(/(?<!\\)((?:\\\\)*)\\\r?\n/g, '$1');
}

/**
 * tree-sitter-bash reads a line that starts with a backslash (`⏎\terraform apply`) as words of the command on the
 * line before; bash runs it as a command of its own. A space after the newline, which bash ignores, parses it as bash does.
 */
function separateEscapedLineStarts(script: string): string {
  return script.replace(/\n\\/g, '\n \\');
}

/** Every simple command in the script, in source order; a script that is not valid shell is a ShellSyntaxError. */
export function parseShell(script: string): SimpleCommand[] {
  if (!parser) throw new Error('parseShell() called before loadShellParser()');
  if (script.length > MAX_SCRIPT_LENGTH) throw new ShellSyntaxError('too long to parse');
  const tree = parser.parse(separateEscapedLineStarts(joinContinuations(script)));
  if (!tree) throw new ShellSyntaxError('the shell parser gave no tree');
  try {
    if (tree.rootNode.hasError) throw new ShellSyntaxError('not valid shell syntax');
    const commands: SimpleCommand[] = [];
    const cursor = tree.walk();
    // An iterative walk: deeply nested input must not exhaust the JavaScript stack.
    for (;;) {
      if (cursor.nodeType === 'command' || cursor.nodeType === 'redirected_statement') {
        const simple = cursor.nodeType === 'command' ? toSimpleCommand(cursor.currentNode) : statementWrites(cursor.currentNode);
        if (simple) commands.push(simple);
      }
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          cursor.delete();
          return commands;
        }
      }
    }
  } finally {
    tree.delete();
  }
}
