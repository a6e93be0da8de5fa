// The one decision every agent adapter shares: parse the shell command, find every infrastructure-changing
// invocation in it (through wrappers, substitutions and nested shells), and refuse those not on the guarded path.
import { PASS, type Decision } from './decision.js';
import { classifyHelm } from './invocations/helm.js';
import type { InvocationClassifier, Refusal, SimpleCommand } from './invocations/invocation.js';
import { classifyKubectl } from './invocations/kubectl.js';
import { classifyTerraform } from './invocations/terraform.js';
import { commandName, unwrap } from './invocations/unwrap.js';
import { DESTRUCTIVE_VERBS, TOOL_NAMES, mentionsDestructiveVerb, mentionsTool } from './prefilter.js';
import { loadShellParser, parseShell, ShellSyntaxError } from './shell/parse.js';

const CLASSIFIERS: Record<string, InvocationClassifier> = {
  terraform: classifyTerraform,
  tofu: classifyTerraform,
  terragrunt: classifyTerraform,
  kubectl: classifyKubectl,
  oc: classifyKubectl,
  kubecolor: classifyKubectl,
  helm: classifyHelm,
  'blast-radius': (words, command) =>
    words[1] === 'approve'
      ? { command, why: 'approving a blocked change is a decision only a human may make.', instead: 'Ask the user to run it in their own terminal.' }
      : undefined,
};

/** Nesting deeper than this (`sh -c "sh -c '…'"` …) is refused rather than followed forever. */
const MAX_DEPTH = 8;
const VERBS = new Set(DESTRUCTIVE_VERBS);
/** `terraform apply -help`, `kubectl delete --help`: help changes nothing. */
const HELP_FLAGS = new Set(['-h', '-help', '--help']);
const TOOLS = new Set(TOOL_NAMES);

function refuseUnparsable(command: string, why: string): Refusal {
  return {
    command,
    why: `${why}, and it mentions a destructive verb next to an infrastructure tool or an expansion.`,
    instead: 'Write the command plainly, one invocation per line, without building it at run time, so that it can be checked.',
  };
}

/** `$T destroy`, `terra$()form apply`: the program is only known at run time, next to a destructive verb. */
function expandedProgram(words: string[], expanded: boolean[], command: string): Refusal | undefined {
  if (!expanded[0] || !words.slice(1).some((w) => VERBS.has(w.replace(/^-+/, '')))) return undefined;
  return {
    command,
    why: 'the program it runs is computed at run time (a variable or a command substitution), next to a destructive verb.',
    instead: 'Name the program literally (for example `blast-radius guard -- terraform apply`), so that the change can be checked.',
  };
}

interface Inspection {
  refusals: Refusal[];
  /** Set when some program or script is only known at run time (`eval "$X"`, `sh < file`, `$CMD`). */
  hidden: boolean;
}

function inspect(script: string, depth: number, found: Inspection): void {
  const { refusals } = found;
  if (depth > MAX_DEPTH) {
    refusals.push(refuseUnparsable(script, 'it nests shells deeper than blast-radius follows'));
    return;
  }
  let commands: SimpleCommand[];
  try {
    commands = parseShell(script);
  } catch (error) {
    if (!(error instanceof ShellSyntaxError)) throw error;
    // Unparsable text is judged by what it mentions; an expansion may hide the tool's name (`terra$()form`).
    if (mentionsDestructiveVerb(script) && (mentionsTool(script) || /[$`]/.test(script))) {
      refusals.push(refuseUnparsable(script, 'it is not valid shell syntax'));
    }
    return;
  }
  for (const simple of commands) {
    for (const inner of unwrap(simple.words, simple.expanded, simple.stdin)) {
      if (inner.kind === 'hidden') {
        found.hidden = true;
        continue;
      }
      if (inner.kind === 'script') {
        inspect(inner.script, depth + 1, found);
        continue;
      }
      if (inner.expanded[0]) found.hidden = true;
      const dynamic = expandedProgram(inner.words, inner.expanded, simple.text);
      if (dynamic) {
        refusals.push(dynamic);
        continue;
      }
      if (inner.words.some((w) => HELP_FLAGS.has(w))) continue;
      const name = commandName(inner.words[0] ?? '');
      const classify = TOOLS.has(name) && Object.hasOwn(CLASSIFIERS, name) ? CLASSIFIERS[name] : undefined;
      const refusal = classify?.([name, ...inner.words.slice(1)], simple.text);
      if (refusal) refusals.push(refusal);
    }
  }
}

/**
 * Refuses the command when it holds an infrastructure-changing invocation off the guarded path, or when it runs
 * code only known at run time while its text mentions an infrastructure tool and a destructive verb
 * (`X="terraform destroy"; eval $X`).
 */
export async function decide(command: string): Promise<Decision> {
  await loadShellParser();
  const found: Inspection = { refusals: [], hidden: false };
  inspect(command, 0, found);
  if (found.refusals.length === 0 && found.hidden && mentionsTool(command) && mentionsDestructiveVerb(command)) {
    found.refusals.push(refuseUnparsable(command, 'it runs a command that is only known at run time'));
  }
  return found.refusals.length === 0 ? PASS : { verdict: 'deny', refusals: found.refusals };
}
