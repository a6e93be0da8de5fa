// Splits a `kubectl apply|delete …` command line into its guarded run: `apply` is previewed by `kubectl diff` with
// the same manifests, selector, prune and connection flags; `delete` by the same delete with `--dry-run=server`.
import { UsageError } from '../errors.js';
import { flagValues, previewFlagWords, refuseUnpreviewable, scanWords, subcommandAt } from '../tools/flag-grammar.js';
import { KUBECTL_APPLY, KUBECTL_DELETE, KUBECTL_GLOBALS } from '../tools/kubectl-grammar.js';
import { GUARDED_COMMANDS, namedTarget, type KubernetesInvocation } from './kubernetes-invocation.js';

/** The manifests and kustomizations a command reads: local paths only (standard input and URLs cannot be re-read). */
function localInputs(filenames: string[], kustomizations: string[]): string[] {
  const paths = [...filenames.flatMap((value) => value.split(',')), ...kustomizations];
  if (paths.includes('-'))
    throw new UsageError(
      'blast-radius guard reads the manifests twice (to check them, then to apply them), so it cannot take them from standard input: save them to a file and pass -f FILE.',
    );
  const url = paths.find((path) => /^[a-z][a-z0-9+.-]*:\/\//i.test(path));
  if (url)
    throw new UsageError(`blast-radius guard checks local manifests only, so that what it checked is what is applied: download ${url} and pass the file.`);
  return paths;
}

export function parseKubectlInvocation(words: string[]): KubernetesInvocation {
  const [binary = 'kubectl', ...rest] = words;
  const tool = binary.slice(binary.lastIndexOf('/') + 1);
  const at = subcommandAt(rest, KUBECTL_GLOBALS);
  const subcommand = rest[at];
  if (subcommand !== 'apply' && subcommand !== 'delete') {
    throw new UsageError(`blast-radius guard runs ${GUARDED_COMMANDS}; \`${tool} ${subcommand ?? ''}\` is not one of them.`);
  }
  const table = subcommand === 'apply' ? KUBECTL_APPLY : KUBECTL_DELETE;
  const options = [...rest.slice(0, at), ...rest.slice(at + 1)];
  const scanned = scanWords(options, table, `${tool} ${subcommand}`);
  refuseUnpreviewable(scanned, `${tool} ${subcommand}`);
  if (subcommand === 'apply' && scanned.positionals.length > 0) throw new UsageError(`Unexpected argument "${scanned.positionals[0]}" for ${tool} apply.`);
  const common = {
    tool: 'kubectl' as const,
    binary,
    subcommand,
    args: rest,
    localInputs: localInputs(flagValues(scanned, 'filename'), flagValues(scanned, 'kustomize')),
    ...namedTarget(scanned, 'context'),
  };
  if (subcommand === 'apply') {
    return {
      ...common,
      previewArgs: ['diff', ...previewFlagWords(scanned)],
      previewName: `${tool} diff`,
      previewExitCodes: [0, 1],
      inputFormat: 'kubectl-diff',
    };
  }
  return {
    ...common,
    previewArgs: ['delete', ...scanned.positionals, ...previewFlagWords(scanned), '--dry-run=server'],
    previewName: `${tool} delete --dry-run=server`,
    previewExitCodes: [0],
    inputFormat: 'kubectl-delete',
  };
}
