// Splits a `helm upgrade|uninstall …` command line into its guarded run: `upgrade` is previewed by the helm-diff
// plugin (`helm diff upgrade`) with the same chart, values and connection flags; `uninstall` by `helm get manifest`,
// whose objects are all deleted.
import { existsSync } from 'node:fs';
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

/** helm's global options (`helm --help`): where the command goes; helm hands them to its plugins too. */
const GLOBAL: Record<string, FlagSpec> = {
  ...specs(
    ['burst-limit', 'kube-apiserver', 'kube-as-group', 'kube-as-user', 'kube-ca-file', 'kube-context', 'kube-tls-server-name', 'kube-token', 'kubeconfig', 'namespace', 'qps', 'registry-config', 'repository-cache', 'repository-config'],
    PREVIEW_VALUE,
  ),
  ...specs(['kube-insecure-skip-tls-verify'], PREVIEW_SWITCH),
  debug: DROP_SWITCH,
};
const GLOBAL_SHORT: Record<string, string> = { n: 'namespace' };
const GLOBALS: FlagTable = { long: GLOBAL, short: GLOBAL_SHORT };

const PULL_FIRST = 'helm diff cannot fetch the chart with it: `helm pull` the chart and guard the upgrade of the local chart';

/** `helm upgrade` options (helm 3); `helm diff upgrade` (databus23/helm-diff cmd/upgrade.go) takes the `preview` ones. */
const UPGRADE: FlagTable = {
  long: {
    ...GLOBAL,
    ...specs(['values', 'set', 'set-string', 'set-file', 'set-json', 'set-literal', 'version', 'repo', 'post-renderer', 'post-renderer-args'], PREVIEW_VALUE),
    ...specs(
      ['install', 'devel', 'reuse-values', 'reset-values', 'reset-then-reuse-values', 'no-hooks', 'take-ownership', 'enable-dns', 'disable-openapi-validation', 'skip-schema-validation', 'insecure-skip-tls-verify'],
      PREVIEW_SWITCH,
    ),
    // How the upgrade waits, records and reports itself: nothing the diff shows changes with them.
    ...specs(['atomic', 'rollback-on-failure', 'cleanup-on-fail', 'create-namespace', 'wait', 'wait-for-jobs', 'hide-notes', 'render-subchart-notes', 'skip-crds', 'hide-secret'], DROP_SWITCH),
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
const UNINSTALL: FlagTable = {
  long: {
    ...GLOBAL,
    ...specs(['keep-history', 'no-hooks', 'wait', 'ignore-not-found'], DROP_SWITCH),
    ...specs(['timeout', 'cascade', 'description'], DROP_VALUE),
    'dry-run': DRY_RUN,
  },
  short: GLOBAL_SHORT,
};

const UNINSTALL_NAMES = new Set(['uninstall', 'delete', 'del', 'un']);

/** The chart when it is a local directory or archive, and the values files and `--set-file` files the upgrade reads. */
function upgradeInputs(chart: string, scanned: ReturnType<typeof scanWords>): string[] {
  const valuesFiles = flagValues(scanned, 'values').flatMap((value) => value.split(','));
  const setFiles = flagValues(scanned, 'set-file').flatMap((value) => value.split(',').map((pair) => pair.slice(pair.indexOf('=') + 1)));
  const all = [...valuesFiles, ...setFiles];
  if (all.includes('-')) throw new UsageError('blast-radius guard reads the values twice (to check them, then to upgrade), so it cannot take them from standard input: save them to a file.');
  return [...(existsSync(chart) ? [chart] : []), ...all];
}

export function parseHelmInvocation(words: string[]): KubernetesInvocation {
  const [binary = 'helm', ...rest] = words;
  const at = subcommandAt(rest, GLOBALS);
  const subcommand = rest[at] ?? '';
  const uninstall = UNINSTALL_NAMES.has(subcommand);
  if (!uninstall && subcommand !== 'upgrade') throw new UsageError(`blast-radius guard runs ${GUARDED_COMMANDS}; \`helm ${subcommand}\` is not one of them.`);
  const scanned = scanWords([...rest.slice(0, at), ...rest.slice(at + 1)], uninstall ? UNINSTALL : UPGRADE, `helm ${subcommand}`);
  refuseUnpreviewable(scanned, `helm ${subcommand}`);
  const common = {
    tool: 'helm' as const,
    binary,
    subcommand,
    args: rest,
    ...namedTarget(scanned, 'kube-context'),
  };
  if (uninstall) {
    if (scanned.positionals.length !== 1) throw new UsageError('blast-radius guard checks one helm release at a time: name exactly one release to uninstall.');
    const [release] = scanned.positionals as [string];
    return { ...common, previewArgs: ['get', 'manifest', release, ...previewFlagWords(scanned)], previewName: 'helm get manifest', previewExitCodes: [0], inputFormat: 'kubernetes-objects', localInputs: [] };
  }
  if (scanned.positionals.length !== 2) throw new UsageError('helm upgrade takes a release and a chart: `helm upgrade [--install] RELEASE CHART [flags]`.');
  const [release, chart] = scanned.positionals as [string, string];
  return {
    ...common,
    previewArgs: ['diff', 'upgrade', release, chart, ...previewFlagWords(scanned)],
    previewName: 'helm diff upgrade',
    previewExitCodes: [0],
    inputFormat: 'helm-diff',
    localInputs: upgradeInputs(chart, scanned),
  };
}
