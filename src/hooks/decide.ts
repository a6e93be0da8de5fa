// The one decision every agent adapter shares: parse the shell command, find every infrastructure-changing
// invocation in it (through wrappers, substitutions and nested shells), and refuse those not on the guarded path.
import { homedir } from 'node:os';
import { PASS, type Decision } from './decision.js';
import { approvesThroughRunner, classifyBlastRadius } from './invocations/blast-radius.js';
import { protectedWrites } from './invocations/file-writes.js';
import type { InvocationClassifier, Refusal, SimpleCommand } from './invocations/invocation.js';
import { refusingWith } from './invocations/tool-refusal.js';
import { commandName, unwrap } from './invocations/unwrap.js';
import { DESTRUCTIVE_VERBS, TOOL_NAMES, mentionsDestructiveVerb, mentionsTool, unquoted } from './prefilter.js';
import type { HookContext } from './protected-files.js';
import { loadShellParser, parseShell, ShellSyntaxError } from './shell/parse.js';
import { helmVerdict } from '../tools/helm-verdict.js';
import { kubectlVerdict } from '../tools/kubectl-verdict.js';
import { terraformVerdict } from '../tools/terraform-verdict.js';

const CLASSIFIERS: Record<string, InvocationClassifier> = {
  terraform: refusingWith(terraformVerdict),
  tofu: refusingWith(terraformVerdict),
  terragrunt: refusingWith(terraformVerdict),
  kubectl: refusingWith(kubectlVerdict),
  oc: refusingWith(kubectlVerdict),
  kubecolor: refusingWith(kubectlVerdict),
  helm: refusingWith(helmVerdict),
  'blast-radius': classifyBlastRadius,
};

const KUBERNETES_TOOLS = new Set(['kubectl', 'oc', 'kubecolor', 'helm']);

/** Nesting deeper than this (`sh -c "sh -c '…'"` …) is refused rather than followed forever. */
const MAX_DEPTH = 8;
const VERBS = new Set(DESTRUCTIVE_VERBS);
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
  context: HookContext;
  refusals: Refusal[];
  /** Refused kubectl/helm invocations, with their words: their reasons gain the kube context they would reach. */
  kubernetes: { refusal: Refusal; words: string[] }[];
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
    refusals.push(...protectedWrites([], [], simple.writes, simple.text, found.context));
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
      refusals.push(...protectedWrites(inner.words, inner.expanded, undefined, simple.text, found.context));
      const throughRunner = approvesThroughRunner(inner.words, simple.text);
      if (throughRunner) refusals.push(throughRunner);
      const name = commandName(inner.words[0] ?? '');
      const classify = TOOLS.has(name) && Object.hasOwn(CLASSIFIERS, name) ? CLASSIFIERS[name] : undefined;
      const words = [name, ...inner.words.slice(1)];
      const refusal = classify?.(words, simple.text);
      if (refusal) refusals.push(refusal);
      if (refusal && KUBERNETES_TOOLS.has(name)) found.kubernetes.push({ refusal, words });
    }
  }
}

/**
 * Setting where approvals or compiled code are read (`BLAST_RADIUS_APPROVALS=/tmp/forged.json blast-radius guard …`,
 * `BLAST_RADIUS_COMPILE_CACHE=/tmp/evil blast-radius check`) forges an approval, or runs code as blast-radius.
 */
function redirectsState(command: string): Refusal | undefined {
  const text = unquoted(command);
  const setsStore = /(^|[^A-Za-z0-9_])BLAST_RADIUS_(APPROVALS|COMPILE_CACHE)=|(export|declare|typeset|readonly)\s+(-\w+\s+)*BLAST_RADIUS_(APPROVALS|COMPILE_CACHE)\b/.test(text);
  const movesHome = /(^|[^A-Za-z0-9_])(HOME|XDG_CONFIG_HOME|XDG_CACHE_HOME)=/.test(text) && /(^|[^A-Za-z0-9_-])blast-radius($|[^A-Za-z0-9_-])/.test(text);
  if (!setsStore && !movesHome) return undefined;
  return {
    command,
    why: 'it changes where blast-radius reads approvals or its compiled code (BLAST_RADIUS_APPROVALS, BLAST_RADIUS_COMPILE_CACHE, XDG_CONFIG_HOME, XDG_CACHE_HOME or HOME), which would let an approval nobody gave count, or other code run as blast-radius.',
    instead: 'Run blast-radius in the environment you were given; if a plan is blocked, ask the user to approve it in their own terminal.',
  };
}

/**
 * Refuses the command when it holds an infrastructure-changing invocation off the guarded path, or when it runs
 * code only known at run time while its text mentions an infrastructure tool and a destructive verb
 * (`X="terraform destroy"; eval $X`).
 */
export async function decide(command: string, context: HookContext = { env: process.env, home: homedir(), cwd: process.cwd() }): Promise<Decision> {
  await loadShellParser();
  const found: Inspection = { context, refusals: [], kubernetes: [], hidden: false };
  const redirected = redirectsState(command);
  if (redirected) found.refusals.push(redirected);
  inspect(command, 0, found);
  if (found.kubernetes.length > 0) {
    // The kubeconfig reader (and its YAML parser) is loaded only for a refused kubectl or helm command.
    const { addKubeContext } = await import('./kube-context.js');
    for (const { refusal, words } of found.kubernetes) addKubeContext(refusal, words, context);
  }
  if (found.refusals.length === 0 && found.hidden && mentionsTool(command) && mentionsDestructiveVerb(command)) {
    found.refusals.push(refuseUnparsable(command, 'it runs a command that is only known at run time'));
  }
  return found.refusals.length === 0 ? PASS : { verdict: 'deny', refusals: found.refusals };
}
