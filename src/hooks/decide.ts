// The one decision every agent adapter shares: parse the shell command as bash would run it, find every
// infrastructure-changing invocation in it (through wrappers, launchers, substitutions, nested shells, functions,
// aliases and scripts written on the spot), refuse those not on the guarded path, and say "cannot tell" where the
// program or verb is only known at run time, or code the hook cannot read names a tool.
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { decisionOf, type Decision } from './decision.js';
import { approvesThroughRunner, classifyBlastRadius } from './invocations/blast-radius.js';
import { decodedPreview, isDecoder } from './invocations/decoders.js';
import { protectedWrites } from './invocations/file-writes.js';
import type { InvocationClassifier, Refusal, SimpleCommand } from './invocations/invocation.js';
import { shellQuote } from '../shell-quote.js';
import { refusingWith } from './invocations/tool-refusal.js';
import { commandName, unwrap, type Unwrapped } from './invocations/unwrap.js';
import { knownPositional } from './invocations/unwrapped.js';
import { recordWrites, standardInput, writtenFile, type WrittenFile, type WrittenFiles } from './invocations/written-files.js';
import { CLI_NAMES, DESTRUCTIVE_VERBS, toolsNamedInCode, TOOL_NAMES, mentionsDestructiveVerb, mentionsTool, unquoted } from './prefilter.js';
import type { HookContext } from './protected-files.js';
import { literalOutput } from './shell/literal-output.js';
import { loadShellParser, parseShell, ShellParserNeeded, ShellSyntaxError, type Bindings } from './shell/parse.js';
import { fillings, isComputed, templatePattern } from './shell/template.js';
import type { ToolContext } from '../tools/destructive.js';
import { READ_TOOLS, readTool } from '../tools/tool-readers.js';

const CLASSIFIERS: Record<string, InvocationClassifier> = {
  ...Object.fromEntries(READ_TOOLS.map((name) => [name, refusingWith(readTool)])),
  'blast-radius': classifyBlastRadius,
};

const KUBERNETES_TOOLS = new Set(['kubectl', 'oc', 'kubecolor', 'helm']);

/** Nesting deeper than this (`sh -c "sh -c '…'"` …) is refused rather than followed forever. */
const MAX_DEPTH = 8;
const TOOLS = new Set([...TOOL_NAMES, ...CLI_NAMES]);
const CLI_MENTION = new RegExp(`(^|[^A-Za-z0-9_-])(${CLI_NAMES.join('|')})($|[^A-Za-z0-9_-])`);
/** What a program only known at run time is tried as: every guarded tool, and programs that run the rest of the words. */
const PROGRAM_CANDIDATES = [...TOOL_NAMES, 'env', 'sh'];
/** What a word only known at run time is tried as, next to a guarded tool: the words that make its invocations change things. */
const WORD_CANDIDATES = [...DESTRUCTIVE_VERBS, 'state', '-destroy', '--destroy', '--prune', '--force', '--replicas=0', 'none', 'false', '0', ''];

interface Inspection {
  context: HookContext;
  /** The configuration cloud and database CLI commands are judged with, or why it could not be read. */
  toolConfig: Pick<ToolContext, 'config' | 'configError'>;
  refusals: Refusal[];
  /** Refused kubectl/helm invocations, with their words: their reasons gain the kube context they would reach. */
  kubernetes: { refusal: Refusal; words: string[] }[];
  /** Files written earlier in the command, with what was written. */
  files: WrittenFiles;
  /** Aliases defined earlier in the command (`alias t=terraform`): treated as expanded, whatever expand_aliases says. */
  aliases: Map<string, string>;
}

function refuseUnparsable(command: string, why: string): Refusal {
  return {
    command,
    why: `${why}, and it mentions a destructive verb next to an infrastructure tool or an expansion.`,
    instead: 'Write the command plainly, one invocation per line, without building it at run time, so that it can be checked.',
  };
}

function cannotTell(
  command: string,
  why: string,
  instead = 'Write the command plainly, with the program and its subcommand written out, so that it can be checked.',
): Refusal {
  return { command, why, instead, cannotTell: true };
}

/** A shell fed what a decoder or a text transformer produces: what runs cannot be read here. */
function refuseDecoded(command: string, commands: readonly SimpleCommand[]): Refusal {
  const decoded = decodedPreview(commands);
  const shown = decoded === undefined ? '' : ` (it decodes to \`${decoded.length > 200 ? `${decoded.slice(0, 200)}…` : decoded}\`)`;
  return cannotTell(
    command,
    `it runs, as shell code, text that a decoder or text transformer produces at run time${shown}, which blast-radius cannot read.`,
    'Run the decoded command itself, written out plainly, so that it can be checked.',
  );
}

/** Sub-inspections (trying what a run-time word could be) share the context and files, never the verdict. */
function scratch(found: Inspection): Inspection {
  return { ...found, refusals: [], kubernetes: [] };
}

/** Text a shell reads from a pipe: a literal the command gives, a decoder's output, or something it cannot see. */
function judgeProduced(reader: SimpleCommand, found: Inspection, depth: number, runAs: 'shell' | 'code', program: string): void {
  const source = reader.pipedFrom;
  if (!source) return;
  if (source.commands.some((c) => isDecoder(c.words))) {
    found.refusals.push(refuseDecoded(reader.text, source.commands));
    return;
  }
  const output = source.producer ? literalOutput(source.producer) : undefined;
  if (output !== undefined) {
    if (runAs === 'shell') inspect(output, depth + 1, found, {});
    else judgeCode(program, output, reader.text, found);
    return;
  }
  if (mentionsTool(source.text) && mentionsDestructiveVerb(source.text)) {
    found.refusals.push(
      cannotTell(
        reader.text,
        'a shell runs text read from a pipe whose content is only known at run time, and the pipe mentions an infrastructure tool and a destructive verb.',
      ),
    );
  }
}

/** A script file run by a shell, `source` or directly: judged by what this command wrote to it, if anything. */
function judgeFile(file: WrittenFile | undefined, command: string, found: Inspection, depth: number, positional?: string[]): void {
  if (!file) return;
  if (file.decoded) found.refusals.push(cannotTell(command, 'it runs a script that a decoder wrote earlier in the command, which blast-radius cannot read.'));
  if (file.text !== undefined) inspect(file.text, depth + 1, found, positional ? { positional } : {});
}

/** Code of another language: the hook cannot read what it runs, so naming a guarded tool is enough to ask. */
function judgeCode(program: string, code: string, command: string, found: Inspection): void {
  const tools = toolsNamedInCode(code);
  if (tools.length === 0) return;
  found.refusals.push(
    cannotTell(
      command,
      `${program} runs code that blast-radius cannot read, and the code names ${tools.join(', ')}.`,
      'Run the infrastructure command itself in the shell, written out plainly (for a change, through `blast-radius guard -- …`), so that it can be checked.',
    ),
  );
}

/** `$T destroy`, `/usr/bin/terr*form destroy`: the program is only known at run time. Asks when it could be a guarded tool doing something refused. */
function judgeComputedProgram(words: string[], templates: string[], simple: SimpleCommand, found: Inspection, depth: number): void {
  // `eval "$(echo … | base64 -d)"`, `sh -c "$(curl …| gunzip)"`: the program is what a decoder prints.
  const substituted = /^\$\(([\s\S]*)\)$|^`([\s\S]*)`$/.exec(words[0]);
  const inner = substituted ? parsedCommands(substituted[1] ?? substituted[2] ?? '') : [];
  if (inner.some((c) => isDecoder(c.words))) {
    found.refusals.push(refuseDecoded(simple.text, inner));
    return;
  }
  const template = templates[0];
  const name = template.slice(template.lastIndexOf('/') + 1);
  const pattern = templatePattern(name);
  const tries: string[][] = PROGRAM_CANDIDATES.filter((candidate) => pattern.test(candidate)).map((candidate) => [candidate, ...words.slice(1)]);
  // `$RUN terraform destroy`, `$VAULT exec prod -- terraform destroy`: a guarded tool named further on.
  const named = words.findIndex((w, i) => i > 0 && !isComputed(templates[i]) && TOOLS.has(commandName(w)));
  if (named !== -1) tries.push(words.slice(named));
  for (const attempt of tries) {
    const trial = scratch(found);
    judgeWords(attempt, [attempt[0], ...templates.slice(templates.length - attempt.length + 1)], simple, trial, depth);
    if (trial.refusals.length === 0) continue;
    const shown = attempt.map(shellQuote).join(' ');
    found.refusals.push(
      cannotTell(simple.text, `the program it runs (\`${words[0]}\`) is only known at run time, and it could be \`${shown}\`: ${trial.refusals[0].why}`),
    );
    return;
  }
}

/** `terraform $(echo …)`, `kubectl $VERB ns prod`: a word next to a guarded tool only known at run time, which could make it change things. */
function judgeComputedWords(classify: InvocationClassifier, words: string[], templates: string[], simple: SimpleCommand, found: Inspection): void {
  for (let i = 1; i < words.length; i++) {
    if (!isComputed(templates[i])) continue;
    for (const value of fillings(templates[i], WORD_CANDIDATES)) {
      const attempt = value === '' ? [...words.slice(0, i), ...words.slice(i + 1)] : [...words.slice(0, i), value, ...words.slice(i + 1)];
      const refusal = classify(attempt, simple.text);
      if (!refusal) continue;
      found.refusals.push(
        cannotTell(
          simple.text,
          `\`${words[i]}\` is only known at run time, and as \`${value}\` it would make this \`${attempt.map(shellQuote).join(' ')}\`: ${refusal.why}`,
        ),
      );
      return;
    }
  }
}

/**
 * Approving is a person's act, and every agent command passes the hook: a command line that names blast-radius and
 * `approve` anywhere, in any word or string, through any wrapper (a pty driver, a script, another language), is
 * refused. The cost is a commit message that names both; the gain is that no spelling of the approval gets through.
 */
function namesApprove(command: string): Refusal | undefined {
  const text = unquoted(command);
  if (!/(^|[^A-Za-z0-9_-])blast-radius(\.[cm]?js)?($|[^A-Za-z0-9_-])/.test(text) || !/(^|[^A-Za-z0-9_-])approve($|[^A-Za-z0-9_-])/.test(text)) return undefined;
  return {
    command,
    why: 'it names `blast-radius approve`, and approving a blocked change is a decision only a person may make, however the command is started.',
    instead: 'Stop, show the user the blocked report, and ask them to run the approve command it names in their own terminal.',
  };
}

/**
 * The variables a wrapper sets for the program it runs (`env DOCKER_CONTEXT=prod docker …`, `sudo VAR=x …`): the
 * literal `NAME=value` words before the program's own words.
 */
function assignmentsBefore(line: readonly string[], program: readonly string[]): Record<string, string> {
  const start = line.length - program.length;
  const before = start >= 0 && program.every((word, i) => line[start + i] === word) ? line.slice(0, start) : [];
  return Object.fromEntries(
    before.flatMap((word) => {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word);
      return match ? [[match[1], match[2]]] : [];
    }),
  );
}

function judgeWords(words: string[], templates: string[], simple: SimpleCommand, found: Inspection, depth: number): void {
  const expanded = templates.map(isComputed);
  found.refusals.push(...protectedWrites(words, expanded, undefined, simple.text, found.context, simple.stdinFile));
  const throughRunner = approvesThroughRunner(words, simple.text);
  if (throughRunner) found.refusals.push(throughRunner);
  if (expanded[0]) {
    judgeComputedProgram(words, templates, simple, found, depth);
    return;
  }
  const program = words[0];
  if (program.includes('/')) judgeFile(writtenFile(found.files, program, found.context.cwd), simple.text, found, depth, words);
  const name = commandName(program);
  const classify = TOOLS.has(name) && Object.hasOwn(CLASSIFIERS, name) ? CLASSIFIERS[name] : undefined;
  if (!classify) return;
  const named = [name, ...words.slice(1)];
  const env = { ...found.context.env, ...simple.environment, ...assignmentsBefore(simple.words, words) };
  const refusal = classify(named, simple.text, {
    env,
    home: found.context.home,
    cwd: found.context.cwd,
    ...found.toolConfig,
    computed: expanded,
    ...(simple.stdin === undefined ? {} : { stdin: simple.stdin }),
  });
  if (refusal) {
    found.refusals.push(refusal);
    if (KUBERNETES_TOOLS.has(name)) found.kubernetes.push({ refusal, words: named });
    return;
  }
  judgeComputedWords(classify, named, templates, simple, found);
}

function judge(inner: Unwrapped, simple: SimpleCommand, found: Inspection, depth: number): void {
  switch (inner.kind) {
    case 'words':
      judgeWords(inner.words, inner.templates, simple, found, depth);
      return;
    case 'script': {
      const bindings: Bindings = inner.sameShell ? simple.scope : {};
      inspect(inner.script, depth + 1, found, inner.positional ? { ...bindings, positional: inner.positional } : bindings);
      return;
    }
    case 'file':
      if (inner.computed) judgeProcessSubstitution(inner.path, simple, found, depth);
      else judgeFile(writtenFile(found.files, inner.path, found.context.cwd), simple.text, found, depth, inner.positional);
      return;
    case 'stdin':
      if (simple.stdin !== undefined) inspect(simple.stdin, depth + 1, found, {});
      else if (simple.stdinFile !== undefined) judgeFile(writtenFile(found.files, simple.stdinFile, found.context.cwd), simple.text, found, depth);
      else judgeProduced(simple, found, depth, 'shell', '');
      return;
    case 'code':
      if ('code' in inner) judgeCode(inner.program, inner.code, simple.text, found);
      else if (standardInput(simple) !== undefined) judgeCode(inner.program, standardInput(simple) as string, simple.text, found);
      else judgeProduced(simple, found, depth, 'code', inner.program);
  }
}

/** The commands of a piece of shell text, or none when it is not valid shell. */
function parsedCommands(text: string): SimpleCommand[] {
  try {
    return parseShell(text).commands;
  } catch (error) {
    if (!(error instanceof ShellSyntaxError)) throw error;
    return [];
  }
}

/** `source <(curl …)`, `bash <(echo … | base64 -d)`: the script is what a process substitution prints. */
function judgeProcessSubstitution(path: string, simple: SimpleCommand, found: Inspection, depth: number): void {
  const inner = /^<\(([\s\S]*)\)$/.exec(path)?.[1];
  if (inner === undefined) return;
  const commands = parsedCommands(inner);
  if (commands.some((c) => isDecoder(c.words))) {
    found.refusals.push(refuseDecoded(simple.text, commands));
    return;
  }
  const output = commands.length === 1 ? literalOutput(commands[0]) : undefined;
  if (output !== undefined) inspect(output, depth + 1, found, {});
  else if (mentionsTool(inner) && mentionsDestructiveVerb(inner)) {
    found.refusals.push(
      cannotTell(simple.text, 'it runs a script printed at run time by a command that mentions an infrastructure tool and a destructive verb.'),
    );
  }
}

/** `alias t=terraform`, `alias k='kubectl -n prod'`: remembered so that later uses are read expanded. */
function recordAliases(simple: SimpleCommand, found: Inspection): void {
  if (simple.words[0] !== 'alias') return;
  for (const definition of simple.words.slice(1)) {
    const match = /^([^=\s/]+)=(.*)$/s.exec(definition);
    if (match) found.aliases.set(match[1], match[2]);
  }
}

/**
 * `cd ~/.config/blast-radius && cp f approvals.json`: the relative paths after a `cd` to a literal directory are
 * judged from there (also inside subshells, which can only make a write look closer to what is guarded).
 */
function followDirectoryChange(simple: SimpleCommand, found: Inspection): void {
  const [name, target] = simple.words;
  if ((name !== 'cd' && name !== 'pushd') || target === undefined || simple.expanded[1]) return;
  const directory = target.replace(/^~(?=\/|$)/, found.context.home);
  found.context = { ...found.context, cwd: resolve(found.context.cwd, directory) };
}

function inspect(script: string, depth: number, found: Inspection, bindings: Bindings): void {
  if (depth > MAX_DEPTH) {
    found.refusals.push(refuseUnparsable(script, 'it nests shells, functions or scripts deeper than blast-radius follows'));
    return;
  }
  let parsed: ReturnType<typeof parseShell>;
  try {
    parsed = parseShell(script, bindings);
  } catch (error) {
    if (!(error instanceof ShellSyntaxError)) throw error;
    // Unparsable text is judged by what it mentions; an expansion may hide the tool's name (`terra$()form`).
    if (mentionsDestructiveVerb(script) && (mentionsTool(script) || /[$`]/.test(script))) {
      found.refusals.push(refuseUnparsable(script, 'it is not valid shell syntax'));
    }
    return;
  }
  const called = new Set<string>();
  for (const simple of parsed.commands) {
    followDirectoryChange(simple, found);
    found.refusals.push(...protectedWrites([], [], simple.writes, simple.text, found.context));
    recordWrites(found.files, simple, found.context.cwd);
    recordAliases(simple, found);
    const [first, ...rest] = simple.words;
    const literalName = first !== undefined && !simple.expanded[0] ? first : undefined;
    if (literalName !== undefined && found.aliases.has(literalName)) {
      inspect([found.aliases.get(literalName), ...rest.map(shellQuote)].join(' '), depth + 1, found, simple.scope);
      continue;
    }
    if (literalName !== undefined && parsed.functions.has(literalName)) {
      called.add(literalName);
      const positional = knownPositional(simple.words, simple.templates);
      inspect(parsed.functions.get(literalName) as string, depth + 1, found, positional ? { positional } : {});
      continue;
    }
    for (const inner of unwrap(simple.words, simple.templates)) judge(inner, simple, found, depth);
  }
  // A function defined but not called here may be called later by the same shell: its body is read all the same.
  for (const [name, body] of parsed.functions) if (!called.has(name)) inspect(body, depth + 1, found, {});
}

/**
 * Setting where approvals or compiled code are read (`BLAST_RADIUS_APPROVALS=/tmp/forged.json blast-radius guard …`,
 * `BLAST_RADIUS_COMPILE_CACHE=/tmp/evil blast-radius check`) forges an approval, or runs code as blast-radius.
 */
function redirectsState(command: string): Refusal | undefined {
  const text = unquoted(command);
  const setsStore =
    /(^|[^A-Za-z0-9_])BLAST_RADIUS_(APPROVALS|COMPILE_CACHE)=|(export|declare|typeset|readonly)\s+(-\w+\s+)*BLAST_RADIUS_(APPROVALS|COMPILE_CACHE)\b/.test(
      text,
    ) ||
    // Set without `=`: `read BLAST_RADIUS_APPROVALS <<< f`, `for HOME in /tmp/x; do blast-radius …`, `printf -v …`.
    /\b(read|for|select|mapfile|readarray|getopts|printf\s+-v)\b[^;&|\n]*\b(BLAST_RADIUS_APPROVALS|BLAST_RADIUS_COMPILE_CACHE)\b/.test(text) ||
    (/\b(read|for|select|mapfile|readarray|getopts|printf\s+-v)\b[^;&|\n]*\b(HOME|XDG_CONFIG_HOME|XDG_CACHE_HOME|XDG_DATA_HOME)\b/.test(text) &&
      /(^|[^A-Za-z0-9_-])blast-radius($|[^A-Za-z0-9_-])/.test(text));
  const movesHome =
    /(^|[^A-Za-z0-9_])(HOME|XDG_CONFIG_HOME|XDG_CACHE_HOME|XDG_DATA_HOME)=/.test(text) && /(^|[^A-Za-z0-9_-])blast-radius($|[^A-Za-z0-9_-])/.test(text);
  if (!setsStore && !movesHome) return undefined;
  return {
    command,
    why: 'it changes where blast-radius reads approvals, its compiled code or its shims (BLAST_RADIUS_APPROVALS, BLAST_RADIUS_COMPILE_CACHE, XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_DATA_HOME or HOME), which would let an approval nobody gave count, or other code run as blast-radius.',
    instead: 'Run blast-radius in the environment you were given; if a plan is blocked, ask the user to approve it in their own terminal.',
  };
}

/**
 * Refuses the command when it holds an infrastructure-changing invocation off the guarded path; says "cannot tell"
 * when all it could refuse depends on what only run time shows (a computed program or verb, code it cannot read,
 * decoded text run by a shell).
 */
export async function decide(command: string, context: HookContext = { env: process.env, home: homedir(), cwd: process.cwd() }): Promise<Decision> {
  // A plain line, and every script found inside it, is read without the WebAssembly grammar; anything else loads it
  // and is decided again from the start.
  try {
    return await decideParsed(command, context);
  } catch (error) {
    if (!(error instanceof ShellParserNeeded)) throw error;
  }
  await loadShellParser();
  return decideParsed(command, context);
}

async function decideParsed(command: string, context: HookContext): Promise<Decision> {
  // The team's rules decide where a cloud or database CLI command goes: read only for a command that names one.
  const toolConfig = CLI_MENTION.test(unquoted(command)) ? await (await import('../tools/cli/load-tool-config.js')).loadToolConfig(context.cwd) : {};
  const found: Inspection = { context, toolConfig, refusals: [], kubernetes: [], files: new Map(), aliases: new Map() };
  const redirected = redirectsState(command);
  if (redirected) found.refusals.push(redirected);
  const approving = namesApprove(command);
  if (approving) found.refusals.push(approving);
  inspect(command, 0, found, {});
  if (found.kubernetes.length > 0) {
    // The kubeconfig reader (and its YAML parser) is loaded only for a refused kubectl or helm command.
    const { addKubeContext } = await import('./kube-context.js');
    for (const { refusal, words } of found.kubernetes) addKubeContext(refusal, words, context);
  }
  return decisionOf(found.refusals);
}
