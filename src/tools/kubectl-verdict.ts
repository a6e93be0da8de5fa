// Reads a kubectl (or oc, kubecolor) invocation as kubectl does and says whether it can destroy something: delete,
// apply --prune or --force (guard checks those), replace --force, scale or patch to zero replicas, drain, a NoExecute
// taint (a person runs those); a real dry run, help, and every other command destroy nothing.
import { GO_TRUE, isOn, scanWords, type ScannedWords } from './flag-grammar.js';
import { KUBECTL_COMMANDS, KUBECTL_GLOBALS } from './kubectl-grammar.js';
import { uncertain, type Destructive, type ToolReader } from './destructive.js';
import { isZeroOrUnreadable } from './zero-integer.js';

/** Where the command is, after the global options before it; `unknown` when an option there is not kubectl's. */
function commandAt(words: readonly string[]): { at: number; unknown?: string } {
  let at = 1;
  while (at < words.length) {
    const word = words[at];
    if (word === '--' || !word.startsWith('-') || word === '-') return { at: word === '--' ? at + 1 : at };
    const long = word.startsWith('--');
    const name = long ? word.slice(2).split('=')[0] : KUBECTL_GLOBALS.short[word[1]];
    const spec = name === undefined ? undefined : KUBECTL_GLOBALS.long[name];
    if (spec === undefined) return { at, unknown: word };
    const inline = long ? word.includes('=') : word.length > 2;
    at += spec.value && !inline ? 2 : 1;
  }
  return { at };
}

/** kubectl's --dry-run: the last one wins; `none` or a false boolean (`false`, `0`, `F` …) is a real run. */
function isDryRun(scanned: ScannedWords): boolean {
  const last = scanned.flags.filter((flag) => flag.name === 'dry-run').at(-1);
  if (last === undefined) return false;
  return last.value === undefined || ['client', 'server', 'unchanged'].includes(last.value) || GO_TRUE.test(last.value);
}

function lastValue(scanned: ScannedWords, name: string): string | undefined {
  return scanned.flags.filter((flag) => flag.name === name).at(-1)?.value;
}

/** A patch that sets some `replicas` to zero: a JSON merge or strategic patch, a JSON patch, or YAML (`replicas: 0`). */
function patchesToZero(patch: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(patch);
  } catch {
    return /\breplicas\s*:\s*['"]?[+-]?0+['"]?\s*(,|}|$)/m.test(patch);
  }
  const found: unknown[] = [];
  const visit = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) node.forEach((item) => visit(item));
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (typeof record.path === 'string' && /\/replicas$/.test(record.path) && 'value' in record) found.push(record.value);
      for (const [name, value] of Object.entries(record)) visit(value, name);
    } else if (key === 'replicas') found.push(node);
  };
  visit(parsed);
  return found.some((value) => value === 0 || value === '0' || value === null);
}

const person = (why: string, words: readonly string[]): Destructive => ({ why, preview: [...words, '--dry-run=server'] });

function judge(command: string, scanned: ScannedWords, words: readonly string[], tool: string): Destructive | undefined {
  switch (command) {
    case 'delete':
      return {
        why: `${tool} delete removes live objects (and, for a namespace, everything in it) without a check.`,
        guardChecks: 'it checks the server dry run of the delete, refuses if protected objects would go, and deletes otherwise',
      };
    case 'apply':
      if (isOn(scanned, 'prune'))
        return {
          why: `${tool} apply --prune deletes every object the label selector no longer sees.`,
          guardChecks: 'it checks `kubectl diff --prune` first, refuses if protected objects would be deleted or replaced, and applies otherwise',
        };
      if (isOn(scanned, 'force'))
        return {
          why: `${tool} apply --force deletes and re-creates every object whose change cannot be patched.`,
          guardChecks: 'it checks `kubectl diff` first, refuses if protected objects would be replaced, and applies otherwise',
        };
      return undefined;
    case 'replace':
      return isOn(scanned, 'force') ? person(`${tool} replace --force deletes and re-creates the objects.`, words) : undefined;
    case 'scale': {
      const replicas = lastValue(scanned, 'replicas');
      return replicas !== undefined && isZeroOrUnreadable(replicas)
        ? person(`${tool} scale --replicas=${replicas} takes the workload down to zero pods.`, words)
        : undefined;
    }
    case 'drain':
      return person(`${tool} drain evicts every pod from the node.`, words);
    case 'patch': {
      if (lastValue(scanned, 'patch-file') !== undefined)
        return person(`${tool} patch --patch-file may set replicas to zero or remove what keeps data, and blast-radius does not read the file.`, words);
      const patch = lastValue(scanned, 'patch');
      return patch !== undefined && patchesToZero(patch) ? person(`${tool} patch sets replicas to zero, which takes the workload down.`, words) : undefined;
    }
    case 'taint':
      return scanned.positionals.some((word) => /:NoExecute$/.test(word))
        ? person(`${tool} taint …:NoExecute evicts every pod on the node that does not tolerate it.`, words)
        : undefined;
    default:
      return undefined;
  }
}

export const kubectlVerdict: ToolReader = (words) => {
  const tool = words[0];
  const { at, unknown } = commandAt(words);
  if (unknown !== undefined) {
    // Where the command starts is unknown: any destructive command name among the words counts.
    const named = words.slice(at).find((word) => Object.hasOwn(KUBECTL_COMMANDS, word));
    return named === undefined ? undefined : uncertain(`${tool} ${named}`, [unknown]);
  }
  const command = words[at];
  if (command === undefined || !Object.hasOwn(KUBECTL_COMMANDS, command)) return undefined;
  const table = KUBECTL_COMMANDS[command];
  let scanned: ScannedWords;
  try {
    scanned = scanWords([...words.slice(1, at), ...words.slice(at + 1)], table, `${tool} ${command}`, { unknown: 'note' });
  } catch {
    return uncertain(`${tool} ${command}`, [words.at(-1) as string]);
  }
  if (scanned.unknown.length > 0) return judge(command, scanned, words, tool) ?? uncertain(`${tool} ${command}`, scanned.unknown);
  if (isOn(scanned, 'help') || isDryRun(scanned)) return undefined;
  return judge(command, scanned, words, tool);
};
