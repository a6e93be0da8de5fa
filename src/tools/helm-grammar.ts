// helm's flag grammar (helm 3, `helm --help` and each command's --help): which flags take a value, for the commands
// whose flags decide what they delete, with what the guard does with each flag.
import { DROP_SWITCH, DROP_VALUE, DRY_RUN, PREVIEW_SWITCH, PREVIEW_VALUE, specs, type FlagSpec, type FlagTable } from './flag-grammar.js';

/** helm's global options (`helm --help`): where the command goes; helm hands them to its plugins too. */
const GLOBAL: Record<string, FlagSpec> = {
  ...specs(
    [
      'burst-limit',
      'kube-apiserver',
      'kube-as-group',
      'kube-as-user',
      'kube-ca-file',
      'kube-context',
      'kube-tls-server-name',
      'kube-token',
      'kubeconfig',
      'namespace',
      'qps',
      'registry-config',
      'repository-cache',
      'repository-config',
    ],
    PREVIEW_VALUE,
  ),
  ...specs(['kube-insecure-skip-tls-verify'], PREVIEW_SWITCH),
  debug: DROP_SWITCH,
  help: DROP_SWITCH,
};
const GLOBAL_SHORT: Record<string, string> = { n: 'namespace', h: 'help' };
export const HELM_GLOBALS: FlagTable = { long: GLOBAL, short: GLOBAL_SHORT };

const PULL_FIRST = 'helm diff cannot fetch the chart with it: `helm pull` the chart and guard the upgrade of the local chart';

/** `helm upgrade` options (helm 3); `helm diff upgrade` (databus23/helm-diff cmd/upgrade.go) takes the `preview` ones. */
export const HELM_UPGRADE: FlagTable = {
  long: {
    ...GLOBAL,
    ...specs(['values', 'set', 'set-string', 'set-file', 'set-json', 'set-literal', 'version', 'repo', 'post-renderer', 'post-renderer-args'], PREVIEW_VALUE),
    ...specs(
      [
        'install',
        'devel',
        'reuse-values',
        'reset-values',
        'reset-then-reuse-values',
        'no-hooks',
        'take-ownership',
        'enable-dns',
        'disable-openapi-validation',
        'skip-schema-validation',
        'insecure-skip-tls-verify',
      ],
      PREVIEW_SWITCH,
    ),
    // How the upgrade waits, records and reports itself: nothing the diff shows changes with them.
    ...specs(
      [
        'atomic',
        'rollback-on-failure',
        'cleanup-on-fail',
        'create-namespace',
        'wait',
        'wait-for-jobs',
        'hide-notes',
        'render-subchart-notes',
        'skip-crds',
        'hide-secret',
      ],
      DROP_SWITCH,
    ),
    ...specs(['timeout', 'description', 'history-max', 'output', 'labels', 'server-side'], DROP_VALUE),
    'dry-run': DRY_RUN,
    force: { value: false, role: 'refuse', why: 'it replaces every changed object, which helm diff does not show' },
    'dependency-update': { value: false, role: 'refuse', why: 'it rebuilds the chart after the check; run `helm dependency update` first' },
    ...specs(['ca-file', 'cert-file', 'key-file', 'keyring', 'username', 'password'], { value: true, role: 'refuse', why: PULL_FIRST }),
    ...specs(['verify', 'pass-credentials', 'plain-http'], { value: false, role: 'refuse', why: PULL_FIRST }),
  },
  short: { ...GLOBAL_SHORT, f: 'values', i: 'install', o: 'output' },
};

/** `helm uninstall` options (helm 3): none changes which objects are deleted but `--cascade=orphan`, which deletes fewer. */
export const HELM_UNINSTALL: FlagTable = {
  long: {
    ...GLOBAL,
    ...specs(['keep-history', 'no-hooks', 'wait', 'ignore-not-found'], DROP_SWITCH),
    ...specs(['timeout', 'cascade', 'description'], DROP_VALUE),
    'dry-run': DRY_RUN,
  },
  short: GLOBAL_SHORT,
};

export const HELM_UNINSTALL_NAMES = new Set(['uninstall', 'delete', 'del', 'un']);

/** `helm rollback` options (helm 3). */
export const HELM_ROLLBACK: FlagTable = {
  long: {
    ...GLOBAL,
    ...specs(['cleanup-on-fail', 'force', 'no-hooks', 'recreate-pods', 'wait', 'wait-for-jobs'], DROP_SWITCH),
    ...specs(['history-max', 'timeout'], DROP_VALUE),
    'dry-run': DRY_RUN,
  },
  short: GLOBAL_SHORT,
};

/** Commands that only read, render or fetch: the shims run these at once, without node. */
export const HELM_READ_ONLY = [
  'list',
  'ls',
  'template',
  'diff',
  'status',
  'get',
  'history',
  'hist',
  'show',
  'inspect',
  'search',
  'repo',
  'version',
  'env',
  'lint',
  'pull',
  'fetch',
  'package',
  'verify',
  'completion',
  'help',
  'dependency',
  'dep',
  'create',
  'plugin',
  'registry',
  'push',
];
