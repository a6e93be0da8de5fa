// Splits a `pulumi up|destroy …` command line into its guarded run: the preview's words (`preview --json` for up,
// `destroy --preview-only --json` for destroy) with the flags that decide what it plans, and the run's words with
// every flag of the user's but --yes and --skip-preview, which the guard gives itself.
import { UsageError } from '../errors.js';
import { isOn, refuseUnpreviewable, scanWords, subcommandAt, type ScannedFlag } from '../tools/flag-grammar.js';
import { PULUMI_DESTROY, PULUMI_DESTROY_NAMES, PULUMI_GLOBALS, PULUMI_UP, PULUMI_UP_NAMES, type PulumiFlagSpec } from '../tools/pulumi-grammar.js';
import { GUARDED_COMMANDS } from './kubernetes-invocation.js';

export interface PulumiInvocation {
  /** `pulumi`, or a path to it. */
  binary: string;
  /** The subcommand as written (`up`, `update`, `destroy`, `down`, `dn`). */
  subcommand: string;
  destroy: boolean;
  /** --yes or --skip-preview was given (or PULUMI_SKIP_CONFIRMATIONS is set): nobody is asked before the run. */
  autoApprove: boolean;
  /** The user's flags the preview takes too, in their long form. */
  previewFlags: string[];
  /** The user's flags the run takes (all but --yes and --skip-preview), in their long form. */
  runFlags: string[];
}

/** Each flag in its long form (`-s prod` → `--stack prod`, `-ys prod` → `--yes`, `--stack prod`), so that one can be left out. */
const words = (flags: readonly ScannedFlag[]): string[] =>
  flags.flatMap((flag) =>
    flag.value === undefined ? [`--${flag.name}`] : flag.spec.value ? [`--${flag.name}`, flag.value] : [`--${flag.name}=${flag.value}`],
  );

/** Go's strconv.ParseBool true, which Pulumi's env package reads PULUMI_SKIP_CONFIRMATIONS with. */
const TRUTHY = /^(1|t|T|true|TRUE|True)$/;

export function parsePulumiInvocation(all: string[], env: NodeJS.ProcessEnv = process.env): PulumiInvocation {
  const [binary = 'pulumi', ...rest] = all;
  const at = subcommandAt(rest, PULUMI_GLOBALS);
  const subcommand = rest[at] ?? '';
  const destroy = PULUMI_DESTROY_NAMES.has(subcommand);
  if (!destroy && !PULUMI_UP_NAMES.has(subcommand))
    throw new UsageError(`blast-radius guard runs ${GUARDED_COMMANDS}; \`pulumi ${subcommand}\` is not one of them.`);
  const scanned = scanWords([...rest.slice(0, at), ...rest.slice(at + 1)], destroy ? PULUMI_DESTROY : PULUMI_UP, `pulumi ${subcommand}`);
  refuseUnpreviewable(scanned, `pulumi ${subcommand}`);
  if (scanned.positionals.length > 0)
    throw new UsageError(
      `blast-radius guard runs \`pulumi ${subcommand}\` on the project in the working directory (or --cwd); "${scanned.positionals[0]}" would make it run another one, which the preview would not show.`,
    );
  const role = (flag: ScannedFlag): PulumiFlagSpec['pulumi'] => (flag.spec as PulumiFlagSpec).pulumi;
  return {
    binary,
    subcommand,
    destroy,
    autoApprove: isOn(scanned, 'yes') || isOn(scanned, 'skip-preview') || TRUTHY.test(env.PULUMI_SKIP_CONFIRMATIONS ?? ''),
    previewFlags: words(scanned.flags.filter((flag) => role(flag) === 'both')),
    runFlags: words(scanned.flags.filter((flag) => role(flag) !== 'ours')),
  };
}
