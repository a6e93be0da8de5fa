// kubectl's flag grammar (kubectl 1.32, `kubectl options` and each command's --help): which flags take a value, for
// every command whose flags decide whether it destroys something, with what the guard does with each flag.
import { DROP_SWITCH, DROP_VALUE, DRY_RUN, PREVIEW_SWITCH, PREVIEW_VALUE, specs, type FlagSpec, type FlagTable } from './flag-grammar.js';

/** kubectl's global options: where the command goes and how it authenticates. */
const GLOBAL: Record<string, FlagSpec> = {
  ...specs(
    [
      'as',
      'as-group',
      'as-uid',
      'cache-dir',
      'certificate-authority',
      'client-certificate',
      'client-key',
      'cluster',
      'context',
      'kubeconfig',
      'namespace',
      'password',
      'request-timeout',
      'server',
      'tls-server-name',
      'token',
      'user',
      'username',
    ],
    PREVIEW_VALUE,
  ),
  ...specs(['disable-compression', 'insecure-skip-tls-verify', 'match-server-version', 'warnings-as-errors'], PREVIEW_SWITCH),
  // Logging and profiling: verbose logs would mix HTTP bodies into the output the check reads.
  ...specs(['v', 'vmodule', 'log-flush-frequency', 'profile', 'profile-output'], DROP_VALUE),
  help: DROP_SWITCH,
};
const GLOBAL_SHORT: Record<string, string> = { n: 'namespace', s: 'server', v: 'v', h: 'help' };
export const KUBECTL_GLOBALS: FlagTable = { long: GLOBAL, short: GLOBAL_SHORT };

/** Options of commands the guard does not preview: only whether they take a value matters. */
const OUTPUT: Record<string, FlagSpec> = {
  ...specs(['output', 'template', 'field-manager'], DROP_VALUE),
  ...specs(['allow-missing-template-keys', 'show-managed-fields'], DROP_SWITCH),
  'dry-run': DRY_RUN,
};

/** `kubectl apply` options; `kubectl diff` takes the `preview` ones. */
export const KUBECTL_APPLY: FlagTable = {
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

/** `kubectl delete` options; the server dry run takes all but the output and interaction ones. */
export const KUBECTL_DELETE: FlagTable = {
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

const REPLACE: FlagTable = {
  long: {
    ...GLOBAL,
    ...OUTPUT,
    ...specs(['cascade', 'filename', 'grace-period', 'kustomize', 'raw', 'subresource', 'timeout', 'validate'], DROP_VALUE),
    ...specs(['force', 'recursive', 'save-config', 'wait'], DROP_SWITCH),
  },
  short: { ...GLOBAL_SHORT, f: 'filename', k: 'kustomize', R: 'recursive', o: 'output' },
};

const SCALE: FlagTable = {
  long: {
    ...GLOBAL,
    ...OUTPUT,
    ...specs(['current-replicas', 'filename', 'kustomize', 'replicas', 'resource-version', 'selector', 'timeout'], DROP_VALUE),
    ...specs(['all', 'recursive'], DROP_SWITCH),
  },
  short: { ...GLOBAL_SHORT, f: 'filename', k: 'kustomize', R: 'recursive', l: 'selector', o: 'output' },
};

const DRAIN: FlagTable = {
  long: {
    ...GLOBAL,
    ...specs(['chunk-size', 'grace-period', 'pod-selector', 'selector', 'skip-wait-for-delete-timeout', 'timeout'], DROP_VALUE),
    ...specs(['delete-emptydir-data', 'delete-local-data', 'disable-eviction', 'force', 'ignore-daemonsets'], DROP_SWITCH),
    'dry-run': DRY_RUN,
  },
  short: { ...GLOBAL_SHORT, l: 'selector' },
};

const PATCH: FlagTable = {
  long: {
    ...GLOBAL,
    ...OUTPUT,
    ...specs(['filename', 'kustomize', 'patch', 'patch-file', 'subresource', 'type'], DROP_VALUE),
    ...specs(['local', 'recursive'], DROP_SWITCH),
  },
  short: { ...GLOBAL_SHORT, f: 'filename', k: 'kustomize', p: 'patch', R: 'recursive', o: 'output' },
};

const TAINT: FlagTable = {
  long: {
    ...GLOBAL,
    ...OUTPUT,
    ...specs(['selector', 'validate'], DROP_VALUE),
    ...specs(['all', 'overwrite'], DROP_SWITCH),
  },
  short: { ...GLOBAL_SHORT, l: 'selector', o: 'output' },
};

/** The commands whose flags are read in full; every other command is read with the global options alone. */
export const KUBECTL_COMMANDS: Record<string, FlagTable> = {
  apply: KUBECTL_APPLY,
  delete: KUBECTL_DELETE,
  replace: REPLACE,
  scale: SCALE,
  drain: DRAIN,
  patch: PATCH,
  taint: TAINT,
};

/** Commands that only read (or change nothing in the cluster): the shims run these at once, without node. */
export const KUBECTL_READ_ONLY = [
  'get',
  'describe',
  'logs',
  'diff',
  'explain',
  'api-resources',
  'api-versions',
  'version',
  'cluster-info',
  'top',
  'events',
  'wait',
  'completion',
  'kustomize',
  'options',
  'help',
  'config',
  'port-forward',
];
