// Pulumi's flag grammar for the commands guard runs (`pulumi up|update`, `pulumi destroy|down|dn`), read from
// pulumi/pulumi pkg/cmd/pulumi/pulumi.go (the root's persistent flags) and pkg/cmd/pulumi/operations/{up,destroy,preview}.go:
// which flags take a value (spf13/pflag, as flag-grammar.ts reads it) and what the guard does with each.
import { specs, type FlagSpec, type FlagTable } from './flag-grammar.js';

/**
 * `both`: given to the preview and to the run (what they plan from: stack, program, config, targets, refresh);
 * `run`: given to the run only (display, messages, what happens on failure: nothing the preview's JSON shows changes
 * with them); `ours`: left out, the guard gives its own (--yes, --skip-preview); `refuse`: the run would not be what
 * the preview showed.
 */
type PulumiRole = 'both' | 'run' | 'ours' | 'refuse';

/** pflag's flag spec with the guard's role; `role` in FlagSpec stays `preview`/`drop`/`refuse` for the shared helpers. */
export interface PulumiFlagSpec extends FlagSpec {
  pulumi: PulumiRole;
}

const flag = (value: boolean, pulumi: PulumiRole, why?: string): PulumiFlagSpec => ({
  value,
  pulumi,
  role: pulumi === 'refuse' ? 'refuse' : pulumi === 'both' ? 'preview' : 'drop',
  ...(why === undefined ? {} : { why }),
});

const BOTH_VALUE = flag(true, 'both');
const BOTH_SWITCH = flag(false, 'both');
const RUN_VALUE = flag(true, 'run');
const RUN_SWITCH = flag(false, 'run');
/** A flag whose value is optional (pflag's NoOptDefVal: `--refresh`, `--refresh=false`), read as a switch. */
const BOTH_OPTIONAL = BOTH_SWITCH;
const RUN_OPTIONAL = RUN_SWITCH;

const REMOTE = 'it runs the operation in Pulumi Deployments, where blast-radius cannot check what runs';

/** The root command's persistent flags (pulumi.go), accepted before or after the subcommand. */
const GLOBAL: Record<string, PulumiFlagSpec> = {
  ...specs(['cwd', 'tracing', 'otel-traces', 'profiling', 'memprofilerate', 'verbose', 'tracing-header', 'color'], BOTH_VALUE),
  ...specs(['logtostderr', 'logflow', 'non-interactive', 'disable-integrity-checking', 'fully-qualify-stack-names'], BOTH_SWITCH),
  emoji: RUN_SWITCH,
  help: flag(false, 'refuse', 'it only shows help; run it directly'),
};
const GLOBAL_SHORT: Record<string, string> = { C: 'cwd', v: 'verbose', e: 'emoji', Q: 'fully-qualify-stack-names', h: 'help' };
export const PULUMI_GLOBALS: FlagTable = { long: GLOBAL, short: GLOBAL_SHORT };

/** Flags `up` and `destroy` share, with the same meaning for the preview. */
const SHARED: Record<string, PulumiFlagSpec> = {
  ...GLOBAL,
  ...specs(['stack', 'config-file', 'config', 'target', 'exclude', 'parallel', 'message', 'override-env'], BOTH_VALUE),
  ...specs(['config-path', 'target-dependents', 'ignore-protect', 'run-program', 'skip-config-validation', 'skip-plugin-pre-install'], BOTH_SWITCH),
  refresh: BOTH_OPTIONAL,
  ...specs(
    ['diff', 'json', 'show-config', 'show-replacement-steps', 'show-sames', 'urns', 'suppress-outputs', 'suppress-progress', 'show-full-output', 'debug'],
    RUN_SWITCH,
  ),
  ...specs(['continue-on-error', 'neo', 'copilot'], RUN_SWITCH),
  ...specs(['output', 'event-log'], RUN_VALUE),
  'suppress-permalink': RUN_OPTIONAL,
  ...specs(['yes', 'skip-preview'], flag(false, 'ours')),
  client: flag(true, 'refuse', 'it runs a language host already started elsewhere, whose program the preview would not be sure to run'),
  ...specs(['exec-kind', 'exec-agent'], flag(true, 'refuse', 'it is internal to Pulumi Deployments')),
  remote: flag(false, 'refuse', REMOTE),
  ...specs(['suppress-stream-logs', 'remote-inherit-settings', 'remote-skip-install-dependencies'], flag(false, 'refuse', REMOTE)),
  ...specs(
    [
      'remote-env',
      'remote-env-secret',
      'remote-pre-run-command',
      'remote-git-branch',
      'remote-git-commit',
      'remote-git-repo-dir',
      'remote-git-auth-access-token',
      'remote-git-auth-ssh-private-key',
      'remote-git-auth-ssh-private-key-path',
    ],
    flag(true, 'refuse', REMOTE),
  ),
};
const SHARED_SHORT: Record<string, string> = {
  ...GLOBAL_SHORT,
  s: 'stack',
  c: 'config',
  t: 'target',
  x: 'exclude',
  p: 'parallel',
  m: 'message',
  r: 'refresh',
  d: 'debug',
  j: 'json',
  y: 'yes',
  f: 'skip-preview',
};

/** `pulumi up` (up.go). */
export const PULUMI_UP: FlagTable = {
  long: {
    ...SHARED,
    ...specs(['replace', 'target-replace', 'policy-pack', 'policy-pack-config'], BOTH_VALUE),
    ...specs(['expect-no-changes', 'exclude-dependents'], BOTH_SWITCH),
    ...specs(['show-secrets', 'show-reads', 'show-policy-remediations', 'neo-task-on-failure'], RUN_SWITCH),
    'secrets-provider': RUN_VALUE,
    'attach-debugger': flag(false, 'refuse', 'it waits for a debugger to attach, which no guarded run can do'),
    plan: flag(true, 'refuse', 'blast-radius makes the plan from the preview it checks, and applies that one'),
    strict: flag(false, 'refuse', 'blast-radius makes the plan from the preview it checks, and applies that one'),
  },
  short: SHARED_SHORT,
};

/** `pulumi destroy` (destroy.go). */
export const PULUMI_DESTROY: FlagTable = {
  long: {
    ...SHARED,
    'exclude-protected': BOTH_SWITCH,
    remove: RUN_SWITCH,
    'preview-only': flag(false, 'refuse', 'it is already a preview; run it directly'),
  },
  short: SHARED_SHORT,
};

/** The subcommands guard runs, by the names pulumi takes for them. */
export const PULUMI_UP_NAMES = new Set(['up', 'update']);
export const PULUMI_DESTROY_NAMES = new Set(['destroy', 'down', 'dn']);
