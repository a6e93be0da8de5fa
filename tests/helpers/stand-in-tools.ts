// Stand-ins for terraform, tofu, kubectl, oc, kubecolor, helm, helmfile and the cloud, container and database CLIs
// that record their argv, for tests that run
// a real bash with the shims first on PATH. Each stand-in answers guard's previews with a fixture that destroys
// production (`plan -out` writes a zip-signed file, `show -json` prints a plan, `--dry-run=server` a delete, `diff` a diff), and
// does nothing else: a recorded call that is no preview is a destructive run that got through.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_NAMES } from '../../src/hooks/prefilter.js';
import { recordedCalls } from './recorded-calls.js';
import { ROOT } from './run-cli.js';

export const STAND_IN_TOOLS = ['terraform', 'tofu', 'terragrunt', 'kubectl', 'oc', 'kubecolor', 'helm', 'helmfile', ...CLI_NAMES];

const SCRIPT = `#!/bin/sh
tool=\${0##*/}
{ printf '%s' "$tool"; for word in "$@"; do printf '\\t%s' "$word"; done; printf '\\n'; } >> "$STAND_IN_LOG"
case $tool in
  terraform|tofu)
    for word in "$@"; do case $word in -out=*) printf 'PK\\003\\004 stand-in plan' > "\${word#-out=}" ;; esac; done
    case " $* " in *" show "*) cat "$STAND_IN_PLAN_JSON" ;; esac ;;
  kubectl|oc)
    case " $* " in *" --dry-run=server "*) cat "$STAND_IN_DELETE" ;; esac
    if [ "\${1-}" = diff ]; then cat "$STAND_IN_DIFF"; exit 1; fi ;;
  helm)
    case "\${1-} \${2-}" in "diff upgrade") cat "$STAND_IN_HELM_DIFF" ;; "get manifest") cat "$STAND_IN_MANIFEST" ;; esac ;;
  psql|mysql|mariadb|sqlcmd|mongosh|mongo|redis-cli|cqlsh)
    [ -t 0 ] || cat >> "$STAND_IN_LOG.stdin" ;;
esac
[ -n "\${STAND_IN_SAY-}" ] && echo "$STAND_IN_SAY"
exit "\${STAND_IN_EXIT:-0}"
`;

/** Fixtures that make every preview destroy production. */
export const PRODUCTION_PREVIEWS = {
  STAND_IN_PLAN_JSON: join(ROOT, 'fixtures/terraform/prod-replace/plan.json'),
  STAND_IN_DELETE: join(ROOT, 'fixtures/kubernetes/kubectl-delete/namespace-new-form/delete.txt'),
  STAND_IN_DIFF: join(ROOT, 'fixtures/kubernetes/kubectl-diff/created-updated-pruned/diff.txt'),
  STAND_IN_HELM_DIFF: join(ROOT, 'fixtures/kubernetes/helm-diff/upgrade/helm-diff.txt'),
  STAND_IN_MANIFEST: join(ROOT, 'fixtures/kubernetes/objects/helm-manifest/manifest.yaml'),
};

export interface StandIns {
  bin: string;
  log: string;
  /** Every recorded call: the tool's name, then its arguments. */
  calls(): string[][];
}

export function standInTools(directory: string): StandIns {
  const bin = join(directory, 'stand-ins');
  mkdirSync(bin, { recursive: true });
  for (const tool of STAND_IN_TOOLS) {
    writeFileSync(join(bin, tool), SCRIPT);
    chmodSync(join(bin, tool), 0o755);
  }
  const log = join(directory, 'stand-ins.log');
  return {
    bin,
    log,
    calls: () => recordedCalls(log),
  };
}

/** Ordinary programs a command may use, and no way out of the sandbox: no sudo, su, ssh, docker, and no real tools. */
const UTILITIES = [
  'bash',
  'sh',
  'env',
  'cat',
  'echo',
  'printf',
  'xargs',
  'find',
  'timeout',
  'nice',
  'nohup',
  'stdbuf',
  'setsid',
  'ls',
  'grep',
  'sed',
  'tee',
  'cp',
  'mv',
  'rm',
  'mkdir',
  'touch',
  'chmod',
  'true',
  'false',
  'test',
  'base64',
  'tr',
  'rev',
  'head',
  'tail',
  'sleep',
  'perl',
  'dd',
  'ln',
  'wc',
  'sort',
  'xxd',
  'gzip',
  'gunzip',
  'script',
  'flock',
  'awk',
  'cut',
  'basename',
  'dirname',
  'which',
  'node',
  'python3',
  'date',
  'tac',
  'yes',
];

/** A directory of links to the utilities found here (python3 through its real executable, not a version manager's shim). */
export function sandboxUtilities(directory: string): string {
  const bin = join(directory, 'utilities');
  mkdirSync(bin, { recursive: true });
  for (const name of UTILITIES) {
    const found = spawnSync('sh', ['-c', name === 'python3' ? 'python3 -c "import sys; print(sys.executable)"' : `command -v ${name}`], {
      encoding: 'utf8',
    }).stdout.trim();
    if (found.startsWith('/')) symlinkSync(name === 'node' ? process.execPath : realpathSync(found), join(bin, name));
  }
  return bin;
}
