// Classifies kubectl invocations: delete, apply --prune, replace --force, scale to 0 and drain change infrastructure;
// delete and apply --prune have a guarded form, the others need a person.
import { guarded, shellQuote, type InvocationClassifier } from './invocation.js';
import { subcommandIndex } from './subcommand-index.js';

/** Global flags that take a value as the next word (`kubectl -n prod delete …`). */
const VALUE_FLAGS = new Set([
  '-n', '--namespace', '--context', '--cluster', '--kubeconfig', '--user', '-s', '--server', '--token', '--as',
  '--as-group', '--as-uid', '--request-timeout', '--certificate-authority', '--client-certificate', '--client-key',
  '--tls-server-name', '--cache-dir', '-v', '--v', '--profile', '--profile-output', '--password', '--username',
]);


/** `--dry-run`, `--dry-run=client|server` make kubectl change nothing; `--dry-run=none` is a real run. */
function isDryRun(words: string[]): boolean {
  return words.some((w, i) => {
    if (w === '--dry-run') {
      const next = words[i + 1];
      return next !== 'none';
    }
    const match = /^--dry-run=(.*)$/.exec(w);
    return match !== null && match[1] !== 'none' && match[1] !== 'false';
  });
}

function hasFlag(words: string[], name: string): boolean {
  return words.some((w) => w === name || (w.startsWith(`${name}=`) && !/=(false|0)$/.test(w)));
}

function scalesToZero(words: string[]): boolean {
  return words.some((w, i) => /^--replicas=0+$/.test(w) || (w === '--replicas' && /^0+$/.test(words[i + 1] ?? '')));
}

export const classifyKubectl: InvocationClassifier = (words, command) => {
  const at = subcommandIndex(words, VALUE_FLAGS);
  const subcommand = words[at];
  const rest = words.slice(at + 1);
  if (isDryRun(words)) return undefined;
  // No guard previews replace --force, scale or drain: a person reads the dry run.
  const refuse = (why: string) => ({
    command,
    why,
    instead: `Show the user what it would do (\`${[...words, '--dry-run=server'].map(shellQuote).join(' ')}\`, or \`kubectl diff\`) and ask them to run it.`,
  });
  // kubecolor runs kubectl; the guard runs kubectl (and oc) itself.
  const guardedWords = words[0] === 'kubecolor' ? ['kubectl', ...words.slice(1)] : words;
  switch (subcommand) {
    case 'delete':
      return {
        command,
        why: 'kubectl delete removes live objects (and, for a namespace, everything in it) without a check.',
        instead: `Run \`${guarded(guardedWords)}\`: it checks the server dry run of the delete, refuses if protected objects would go, and deletes otherwise.`,
      };
    case 'apply':
      if (!hasFlag(rest, '--prune')) return undefined;
      return {
        command,
        why: 'kubectl apply --prune deletes every object the label selector no longer sees.',
        instead: `Run \`${guarded(guardedWords)}\`: it checks \`kubectl diff --prune\` first, refuses if protected objects would be deleted or replaced, and applies otherwise.`,
      };
    case 'replace':
      return hasFlag(rest, '--force') ? refuse('kubectl replace --force deletes and re-creates the objects.') : undefined;
    case 'scale':
      return scalesToZero(rest) ? refuse('kubectl scale --replicas=0 takes the workload down.') : undefined;
    case 'drain':
      return refuse('kubectl drain evicts every pod from the node.');
    default:
      return undefined;
  }
};
