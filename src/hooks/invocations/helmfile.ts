// Classifies helmfile invocations: apply, sync, destroy and delete install, upgrade or delete every release of the
// state file; helmfile has no guarded form, so a person runs them after reading `helmfile diff`.
import type { InvocationClassifier } from './invocation.js';

/** Global flags that take a value as the next word (`helmfile -e prod apply`). */
const VALUE_FLAGS = new Set([
  '-f', '--file', '-e', '--environment', '-n', '--namespace', '--kube-context', '-l', '--selector', '--state-values-set',
  '--state-values-file', '-b', '--helm-binary', '--log-level', '--chart', '-c', '--kubeconfig', '--kustomize-binary',
]);
const CHANGING = new Set(['apply', 'sync', 'destroy', 'delete', 'charts']);

function subcommandIndex(words: string[]): number {
  let i = 1;
  while (i < words.length && (words[i] as string).startsWith('-')) i += VALUE_FLAGS.has(words[i] as string) ? 2 : 1;
  return i;
}

export const classifyHelmfile: InvocationClassifier = (words, command) => {
  const subcommand = words[subcommandIndex(words)] ?? '';
  if (!CHANGING.has(subcommand)) return undefined;
  return {
    command,
    why: `helmfile ${subcommand} ${subcommand === 'destroy' || subcommand === 'delete' ? 'deletes every release of the state file' : 'installs and upgrades every release of the state file, which deletes objects the new charts no longer render'}, and blast-radius has no guarded form of it.`,
    instead: 'Show the user what it would change (`helmfile diff`) and ask them to run it.',
  };
};
