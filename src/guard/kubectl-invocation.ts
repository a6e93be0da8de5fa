// Splits a `kubectl apply|delete …` command line into its guarded run: `apply` is previewed by `kubectl diff` with
// the same manifests, selector, prune and connection flags; `delete` by the same delete with `--dry-run=server`.
import { UsageError } from '../errors.js';
import {
  DROP_SWITCH,
  DROP_VALUE,
  DRY_RUN,
  PREVIEW_SWITCH,
  PREVIEW_VALUE,
  flagValues,
  previewFlagWords,
  refuseUnpreviewable,
  scanWords,
  specs,
  subcommandAt,
  type FlagSpec,
  type FlagTable,
} from './command-flags.js';
import { GUARDED_COMMANDS, namedTarget, type KubernetesInvocation } from './kubernetes-invocation.js';

/** kubectl's global options (`kubectl options`): where the command goes and how it authenticates. */
const GLOBAL: Record<string, FlagSpec> = {
  ...specs(
    ['as', 'as-group', 'as-uid', 'cache-dir', 'certificate-authority', 'client-certificate', 'client-key', 'cluster', 'context', 'kubeconfig', 'namespace', 'password', 'request-timeout', 'server', 'tls-server-name', 'token', 'user', 'username'],
    PREVIEW_VALUE,
  ),
  ...specs(['disable-compression', 'insecure-skip-tls-verify', 'match-server-version', 'warnings-as-errors'], PREVIEW_SWITCH),
  // Logging and profiling: verbose logs would mix HTTP bodies into the output the check reads.
  ...specs(['v', 'vmodule', 'log-flush-frequency', 'profile', 'profile-output'], DROP_VALUE),
};
const GLOBAL_SHORT: Record<string, string> = { n: 'namespace', s: 'server', v: 'v' };
const GLOBALS: FlagTable = { long: GLOBAL, short: GLOBAL_SHORT };

/** `kubectl apply` options (kubectl 1.32); `kubectl diff` takes the `preview` ones. */
const APPLY: FlagTable = {
  long: {
    ...GLOBAL,
    ...specs(['filename', 'kustomize', 'selector', 'prune-allowlist', 'prune-whitelist', 'field-manager'], PREVIEW_VALUE),
    ...specs(['recursive', 'prune', 'server-side', 'force-conflicts'], PREVIEW_SWITCH),
    // `kubectl diff --prune` without a selector already shows everything `apply --prune --all` prunes.
    ...specs(['all', 'allow-missing-template-keys', 'openapi-patch', 'overwrite', 'show-managed-fields', 'wait'], DROP_SWITCH),
    // --force re-creates an object whose immutable field changes: kubectl diff reports that field's error, read as a replace.
    force: DROP_SWITCH,
    ...specs(['cascade', 'grace-period', 'output', 'template', 'timeout', 'validate'], DROP_VALUE),
    'dry-run': DRY_RUN,
    subresource: { value: true, role: 'refuse', why: 'kubectl diff cannot show a change to a subresource' },
  },
  short: { ...GLOBAL_SHORT, f: 'filename', k: 'kustomize', R: 'recursive', l: 'selector', o: 'output' },
};

/** `kubectl delete` options (kubectl 1.32); the server dry run takes all but the output and interaction ones. */
const DELETE: FlagTable = {
  long: {
    ...GLOBAL,
    ...specs(['filename', 'kustomize', 'selector', 'field-selector', 'cascade', 'grace-period'], PREVIEW_VALUE),
    ...specs(['all', 'all-namespaces', 'force', 'ignore-not-found', 'now', 'recursive'], PREVIEW_SWITCH),
    ...specs(['interactive', 'wait'], DROP_SWITCH),
    ...specs(['output', 'timeout'], DROP_VALUE),
    'dry-run': DRY_RUN,
    raw: { value: true, role: 'refuse', why: 'a raw URL path cannot be previewed as objects' },
  },
  short: { ...GLOBAL_SHORT, f: 'filename', k: 'kustomize', R: 'recursive', l: 'selector', A: 'all-namespaces', i: 'interactive', o: 'output' },
};

/** The manifests and kustomizations a command reads: local paths only (standard input and URLs cannot be re-read). */
function localInputs(filenames: string[], kustomizations: string[]): string[] {
  const paths = [...filenames.flatMap((value) => value.split(',')), ...kustomizations];
  if (paths.includes('-')) throw new UsageError('blast-radius guard reads the manifests twice (to check them, then to apply them), so it cannot take them from standard input: save them to a file and pass -f FILE.');
  const url = paths.find((path) => /^[a-z][a-z0-9+.-]*:\/\//i.test(path));
  if (url) throw new UsageError(`blast-radius guard checks local manifests only, so that what it checked is what is applied: download ${url} and pass the file.`);
  return paths;
}

export function parseKubectlInvocation(words: string[]): KubernetesInvocation {
  const [binary = 'kubectl', ...rest] = words;
  const tool = binary.slice(binary.lastIndexOf('/') + 1);
  const at = subcommandAt(rest, GLOBALS);
  const subcommand = rest[at];
  if (subcommand !== 'apply' && subcommand !== 'delete') {
    throw new UsageError(`blast-radius guard runs ${GUARDED_COMMANDS}; \`${tool} ${subcommand ?? ''}\` is not one of them.`);
  }
  const table = subcommand === 'apply' ? APPLY : DELETE;
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
    return { ...common, previewArgs: ['diff', ...previewFlagWords(scanned)], previewName: `${tool} diff`, previewExitCodes: [0, 1], inputFormat: 'kubectl-diff' };
  }
  return {
    ...common,
    previewArgs: ['delete', ...scanned.positionals, ...previewFlagWords(scanned), '--dry-run=server'],
    previewName: `${tool} delete --dry-run=server`,
    previewExitCodes: [0],
    inputFormat: 'kubectl-delete',
  };
}
