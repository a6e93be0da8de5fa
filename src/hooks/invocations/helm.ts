// Classifies helm invocations: uninstall, upgrade and rollback change (and can delete) live releases; uninstall and
// upgrade have a guarded form, rollback needs a person.
import { guarded, type InvocationClassifier } from './invocation.js';
import { subcommandIndex } from './subcommand-index.js';

const VALUE_FLAGS = new Set(['-n', '--namespace', '--kube-context', '--kubeconfig', '--registry-config', '--repository-cache', '--repository-config']);
const UNINSTALL = new Set(['uninstall', 'delete', 'del', 'un']);


function isDryRun(words: string[]): boolean {
  return words.some((w) => w === '--dry-run' || (w.startsWith('--dry-run=') && !/=(false|none)$/.test(w)));
}

export const classifyHelm: InvocationClassifier = (words, command) => {
  const at = subcommandIndex(words, VALUE_FLAGS);
  const subcommand = words[at] ?? '';
  if (isDryRun(words.slice(at + 1))) return undefined;
  if (UNINSTALL.has(subcommand)) {
    return {
      command,
      why: `helm ${subcommand} deletes every object of the release.`,
      instead: `Run \`${guarded(words)}\`: it checks the release's objects (\`helm get manifest\`) as deleted, refuses if protected objects would go, and uninstalls otherwise.`,
    };
  }
  if (subcommand === 'upgrade') {
    return {
      command,
      why: 'helm upgrade deletes objects the new chart no longer renders, and replaces those whose immutable fields change.',
      instead: `Run \`${guarded(words)}\`: it checks \`helm diff upgrade\` (the helm-diff plugin) first, refuses if protected objects would be deleted or replaced, and upgrades otherwise.`,
    };
  }
  if (subcommand === 'rollback') {
    return {
      command,
      why: 'helm rollback deletes objects the older revision did not have.',
      instead: 'Show the user what it would change (`helm diff rollback …`) and ask them to run it.',
    };
  }
  return undefined;
};
