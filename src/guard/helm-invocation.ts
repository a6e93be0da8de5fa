// Splits a `helm upgrade|uninstall …` command line into its guarded run: `upgrade` is previewed by the helm-diff
// plugin (`helm diff upgrade`) with the same chart, values and connection flags; `uninstall` by `helm get manifest`,
// whose objects are all deleted.
import { existsSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { flagValues, previewFlagWords, refuseUnpreviewable, scanWords, subcommandAt } from '../tools/flag-grammar.js';
import { HELM_GLOBALS, HELM_UNINSTALL, HELM_UNINSTALL_NAMES, HELM_UPGRADE } from '../tools/helm-grammar.js';
import { GUARDED_COMMANDS, namedTarget, type KubernetesInvocation } from './kubernetes-invocation.js';

/** The chart when it is a local directory or archive, and the values files and `--set-file` files the upgrade reads. */
function upgradeInputs(chart: string, scanned: ReturnType<typeof scanWords>): string[] {
  const valuesFiles = flagValues(scanned, 'values').flatMap((value) => value.split(','));
  const setFiles = flagValues(scanned, 'set-file').flatMap((value) => value.split(',').map((pair) => pair.slice(pair.indexOf('=') + 1)));
  const all = [...valuesFiles, ...setFiles];
  if (all.includes('-'))
    throw new UsageError(
      'blast-radius guard reads the values twice (to check them, then to upgrade), so it cannot take them from standard input: save them to a file.',
    );
  return [...(existsSync(chart) ? [chart] : []), ...all];
}

export function parseHelmInvocation(words: string[]): KubernetesInvocation {
  const [binary = 'helm', ...rest] = words;
  const at = subcommandAt(rest, HELM_GLOBALS);
  const subcommand = rest[at] ?? '';
  const uninstall = HELM_UNINSTALL_NAMES.has(subcommand);
  if (!uninstall && subcommand !== 'upgrade') throw new UsageError(`blast-radius guard runs ${GUARDED_COMMANDS}; \`helm ${subcommand}\` is not one of them.`);
  const scanned = scanWords([...rest.slice(0, at), ...rest.slice(at + 1)], uninstall ? HELM_UNINSTALL : HELM_UPGRADE, `helm ${subcommand}`);
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
    return {
      ...common,
      previewArgs: ['get', 'manifest', release, ...previewFlagWords(scanned)],
      previewName: 'helm get manifest',
      previewExitCodes: [0],
      inputFormat: 'kubernetes-objects',
      localInputs: [],
    };
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
