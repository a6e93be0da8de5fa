// Parses shell text with tree-sitter-bash (WebAssembly, loaded on first use; a plain line is read without it,
// simple-line.ts) into every simple command it would run,
// in source order, including those inside pipelines, lists, subshells, `$( … )`, backticks and process substitutions,
// with the words bash would pass them; function definitions are returned by name, for the caller to follow calls.
import { createRequire } from 'node:module';
import { changeV8Flags } from '../../cli/v8-flags.js';
import type { Node, Parser as TreeSitterParser } from 'web-tree-sitter';
import type { SimpleCommand } from '../invocations/invocation.js';
import { literalOutput } from './literal-output.js';
import { ShellSyntaxError } from './syntax-error.js';
import { isComputed } from './template.js';
import { parsePlainLine } from './simple-line.js';
import { isPlainAssignment, variableUse, type VariableUse } from './variables.js';
import { wordOf, wordsOf, type Scope, type Word } from './words.js';

export { ShellSyntaxError };

let parser: TreeSitterParser | undefined;

/** Thrown by parseShell for a line that needs the grammar before loadShellParser() has loaded it: load, then parse again. */
export class ShellParserNeeded extends Error {
  constructor() {
    super('the shell parser is needed for this script and is not loaded');
  }
}

/**
 * Loads web-tree-sitter and the bash grammar once per process. V8's optimizing WebAssembly compiler would spend
 * over a second on the grammar; the baseline compiler (Liftoff) alone parses one command just as well.
 */
export async function loadShellParser(): Promise<void> {
  if (parser) return;
  changeV8Flags('--liftoff-only');
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  // The grammar's WebAssembly, which the build copies into dist/grammars/ (package.json `imports`), so that installing
  // blast-radius builds no native code.
  const grammar = createRequire(import.meta.url).resolve('#tree-sitter-bash.wasm');
  const bash = await Language.load(grammar);
  parser = new Parser();
  parser.setLanguage(bash);
}

/** What a script starts with: variables and positional parameters its caller gives it. */
export interface Bindings {
  values?: ReadonlyMap<string, string>;
  possible?: ReadonlyMap<string, string>;
  positional?: readonly string[];
}

export interface ParsedScript {
  commands: SimpleCommand[];
  /** Functions the script defines, by name: the body's text. */
  functions: Map<string, string>;
}

/** Redirections that write a file: `>`, `>>`, `>|`, `&>`, `&>>`, and `>&` to a name rather than a descriptor. */
const WRITE_OPERATORS = new Set(['>', '>>', '>|', '&>', '&>>', '>&']);

/** Commands that can change any variable of the shell they run in, in ways not written here. */
const RUNS_HIDDEN_CODE = new Set(['eval', 'source', '.']);

class Walk {
  readonly commands: SimpleCommand[] = [];
  readonly functions = new Map<string, string>();
  private readonly byNode = new Map<number, SimpleCommand>();
  private readonly ranges = new Map<SimpleCommand, [number, number]>();
  /** `a | b > f`, `a && bash <<EOF`: tree-sitter-bash puts the redirection on the pipeline or list; bash applies it to the last command. */
  private readonly pipelineRedirects = new Map<number, Node[]>();
  private readonly pipelines: Node[] = [];
  private readonly values: Map<string, string>;
  private readonly possible: Map<string, string>;
  private readonly positional: readonly string[] | undefined;

  constructor(
    private readonly use: VariableUse,
    bindings: Bindings,
  ) {
    this.values = new Map([...(bindings.values ?? [])].filter(([name]) => !use.unreliable.has(name)));
    this.possible = new Map(bindings.possible ?? []);
    this.positional = use.positionalChanged ? undefined : bindings.positional;
  }

  scope(): Scope {
    const scope: Scope = {
      values: new Map(this.values),
      possible: new Map(this.possible),
      splits: !this.use.ifsChanged,
      substitution: (node) => this.substitution(node, scope),
    };
    if (this.positional) scope.positional = this.positional;
    return scope;
  }

  /** `$(echo destroy)`: the output of a command substitution that is a single literal echo or printf. */
  private substitution(node: Node, scope: Scope): string | undefined {
    const inner = node.namedChildren.filter((child) => child !== null);
    if (inner.length !== 1 || inner[0]?.type !== 'command') return undefined;
    const command = this.simpleCommand(inner[0], scope);
    if (!command || command.expanded.some(Boolean)) return undefined;
    return literalOutput(command);
  }

  private simpleCommand(command: Node, scope: Scope): SimpleCommand | undefined {
    const name = command.childForFieldName('name');
    if (!name) return undefined;
    const words = [name, ...command.childrenForFieldName('argument')].flatMap((node) => wordsOf(node, scope));
    const simple: SimpleCommand = {
      words: words.map((w) => w.text),
      templates: words.map((w) => w.template),
      expanded: words.map((w) => isComputed(w.template)),
      text: command.text,
      scope,
    };
    // `AWS_PROFILE=prod aws …`: literal assignments before the name are the program's environment.
    const environment = command.namedChildren
      .filter((child): child is Node => child?.type === 'variable_assignment')
      .flatMap((assignment) => {
        const value = assignment.childForFieldName('value');
        const word = value ? wordOf(value, scope) : { text: '', template: '' };
        return isComputed(word.template) ? [] : [[assignment.childForFieldName('name')?.text ?? '', word.text] as const];
      });
    if (environment.length > 0) simple.environment = Object.fromEntries(environment);
    // Redirections sit on the command (`tee f <<<'…'`) or on the statement around it (`cat <<EOF > f`).
    const statement = command.parent?.type === 'redirected_statement' ? command.parent : undefined;
    const outer = this.pipelineRedirects.get((statement ?? command).id) ?? [];
    const redirects = [...command.childrenForFieldName('redirect'), ...(statement?.namedChildren ?? []), ...outer].filter(
      (node): node is Node => node !== null && node !== command,
    );
    Object.assign(simple, redirections(redirects, scope));
    return simple;
  }

  assign(node: Node): void {
    const name = node.childForFieldName('name')?.text ?? '';
    const value = node.childForFieldName('value');
    this.values.delete(name);
    this.possible.delete(name);
    if (!isPlainAssignment(node) || this.use.unreliable.has(name) || node.text.includes('+=')) return;
    const word: Word = value && value.type !== 'array' ? wordOf(value, this.scope()) : { text: '', template: '' };
    if (isComputed(word.template)) this.possible.set(name, word.text);
    else this.values.set(name, word.text);
  }

  command(node: Node): void {
    const simple = this.simpleCommand(node, this.scope());
    if (!simple) return;
    this.commands.push(simple);
    this.byNode.set(node.id, simple);
    this.ranges.set(simple, [node.startIndex, node.endIndex]);
    if (node.parent?.type === 'redirected_statement') this.byNode.set(node.parent.id, simple);
    if (RUNS_HIDDEN_CODE.has(simple.words[0] ?? '')) this.values.clear();
  }

  /** `{ …; } > f`, `while …; done > f`: redirections of a statement that is not a simple command, as a command of no words. */
  statement(node: Node): void {
    const body = node.childForFieldName('body');
    if (body?.type === 'command') return;
    let last = body;
    while (last && (last.type === 'pipeline' || last.type === 'list')) last = last.namedChild(last.namedChildCount - 1);
    if (last && last !== body && (last.type === 'command' || last.type === 'redirected_statement')) {
      this.pipelineRedirects.set(
        last.id,
        node.namedChildren.filter((child): child is Node => child !== null && child.id !== body?.id),
      );
      return;
    }
    const { writes } = redirections(
      node.namedChildren.filter((child): child is Node => child !== null),
      this.scope(),
    );
    if (writes && writes.length > 0) this.commands.push({ words: [], templates: [], expanded: [], text: node.text, writes, scope: this.scope() });
  }

  pipeline(node: Node): void {
    this.pipelines.push(node);
  }

  /** Gives each command of a pipeline after the first the commands that feed its standard input. */
  linkPipelines(): void {
    for (const pipeline of this.pipelines) {
      const parts = pipeline.namedChildren.filter((child): child is Node => child !== null);
      // `cat <<EOF | sh`: tree-sitter-bash puts the pipeline after the here-document's start inside its redirection.
      const heredocOf = pipeline.parent?.type === 'heredoc_redirect' ? pipeline.parent.parent : null;
      const writer = heredocOf ? this.byNode.get(heredocOf.id) : undefined;
      parts.forEach((part, i) => {
        const reader = this.byNode.get(part.id);
        if (i === 0 && reader && writer && heredocOf) {
          reader.pipedFrom = { text: heredocOf.text, commands: [writer], producer: writer };
          return;
        }
        if (i === 0 || !reader) return;
        const from = parts[0].startIndex;
        const to = parts[i - 1].endIndex;
        const commands = this.commands.filter((c) => c !== reader && this.within(c, from, to));
        const producer = this.byNode.get(parts[i - 1].id);
        reader.pipedFrom = { text: pipeline.text.slice(0, to - pipeline.startIndex), commands, ...(producer ? { producer } : {}) };
      });
    }
  }

  private within(command: SimpleCommand, from: number, to: number): boolean {
    const range = this.ranges.get(command);
    return range !== undefined && range[0] >= from && range[1] <= to;
  }
}

/** What redirections feed and write: here-documents, here-strings, `< file`, `> file`. */
function redirections(nodes: Node[], scope: Scope): Pick<SimpleCommand, 'stdin' | 'stdinFile' | 'writes'> {
  const found: Pick<SimpleCommand, 'stdin' | 'stdinFile' | 'writes'> = {};
  const writes: NonNullable<SimpleCommand['writes']> = [];
  // `cat <<EOF > file`: tree-sitter-bash nests the file redirection inside the here-document's.
  const redirects = nodes.flatMap((child) => (child.type === 'heredoc_redirect' ? [child, ...child.namedChildren] : [child]));
  for (const redirect of redirects) {
    if (redirect?.type === 'herestring_redirect' && redirect.namedChildren[0]) found.stdin = `${wordOf(redirect.namedChildren[0], scope).text}\n`;
    if (redirect?.type === 'heredoc_redirect') {
      const body = redirect.namedChildren.find((child) => child?.type === 'heredoc_body');
      if (body) found.stdin = body.text;
    }
    if (redirect?.type !== 'file_redirect') continue;
    const operator = redirect.children.find((child) => child !== null && !child.isNamed)?.text ?? '';
    const destination = redirect.childForFieldName('destination');
    if (!destination || destination.type === 'number' || destination.text === '-') continue;
    const word = wordOf(destination, scope);
    if (operator === '<') found.stdinFile = word.text;
    if (WRITE_OPERATORS.has(operator)) writes.push({ text: word.text, expanded: isComputed(word.template), append: operator.endsWith('>>') });
  }
  if (writes.length > 0) found.writes = writes;
  return found;
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

/**
 * Every simple command in the script, in source order; a script that is not valid shell is a ShellSyntaxError. A plain
 * line is read without the grammar; any other script needs loadShellParser() first (else ShellParserNeeded).
 */
export function parseShell(script: string, bindings: Bindings = {}): ParsedScript {
  const plain = parsePlainLine(script, bindings, () => undefined);
  if (plain) return plain;
  if (!parser) throw new ShellParserNeeded();
  return parseWithGrammar(script, bindings);
}

/** parseShell with tree-sitter-bash, whatever the script: loadShellParser() first. */
export function parseWithGrammar(script: string, bindings: Bindings = {}): ParsedScript {
  if (!parser) throw new ShellParserNeeded();
  if (script.length > MAX_SCRIPT_LENGTH) throw new ShellSyntaxError('too long to parse');
  const tree = parser.parse(separateEscapedLineStarts(joinContinuations(script)));
  if (!tree) throw new ShellSyntaxError('the shell parser gave no tree');
  try {
    if (tree.rootNode.hasError) throw new ShellSyntaxError('not valid shell syntax');
    const walk = new Walk(variableUse(tree.rootNode), bindings);
    // An explicit stack, in source order: deeply nested input must not exhaust the JavaScript stack.
    const stack: Node[] = [tree.rootNode];
    while (stack.length > 0) {
      const node = stack.pop() as Node;
      if (node.type === 'function_definition') {
        const name = node.childForFieldName('name')?.text;
        const body = node.childForFieldName('body');
        if (name && body) walk.functions.set(name, body.text);
        continue;
      }
      if (node.type === 'variable_assignment') walk.assign(node);
      else if (node.type === 'command') walk.command(node);
      else if (node.type === 'redirected_statement') walk.statement(node);
      else if (node.type === 'pipeline') walk.pipeline(node);
      for (let i = node.namedChildCount - 1; i >= 0; i--) {
        const child = node.namedChild(i);
        if (child) stack.push(child);
      }
    }
    walk.linkPipelines();
    return { commands: walk.commands, functions: walk.functions };
  } finally {
    tree.delete();
  }
}
