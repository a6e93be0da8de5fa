// The cheap first look at every shell command an agent runs: most commands never mention infrastructure tools, and
// pass here without loading a shell parser. It cannot be bypassed by quoting: quotes and backslashes are removed
// before matching, and any expansion next to a destructive verb sends the command on to the full parse.

/** Programs whose invocations the hook judges. */
export const TOOL_NAMES = ['terraform', 'tofu', 'terragrunt', 'kubectl', 'oc', 'kubecolor', 'helm', 'blast-radius'];

/** Words that make an invocation of one of those programs change infrastructure. */
export const DESTRUCTIVE_VERBS = [
  'apply', 'destroy', 'delete', 'del', 'un', 'uninstall', 'upgrade', 'rollback', 'drain', 'replace', 'prune', 'scale',
  'rm', 'remove', 'approve', 'apply-all', 'destroy-all',
];

const TOOL = new RegExp(`(^|[^A-Za-z0-9_-])(${TOOL_NAMES.join('|')})($|[^A-Za-z0-9_-])`);
const VERB = new RegExp(`(^|[^A-Za-z0-9_])-{0,2}(${DESTRUCTIVE_VERBS.join('|')})($|[^A-Za-z0-9_])`);

/** The command text as the shell would see its words: quotes, backslashes and line continuations removed. */
export function unquoted(command: string): string {
  return command.replace(/\\\r?\n/g, '').replace(/["'\\]/g, '');
}

export function mentionsTool(command: string): boolean {
  return TOOL.test(unquoted(command));
}

export function mentionsDestructiveVerb(command: string): boolean {
  return VERB.test(unquoted(command));
}

/**
 * True when the command needs the full parse: it names an infrastructure tool (or blast-radius's files, or the
 * variables that move its approvals store and compile cache), or it builds a command at run time
 * (`$T destroy`, `terra$()form apply`, backticks) next to a destructive verb.
 */
export function needsInspection(command: string): boolean {
  const text = unquoted(command);
  if (TOOL.test(text) || text.includes('BLAST_RADIUS_')) return true;
  return /[$`]/.test(command) && VERB.test(text);
}
