// The `approve` command: a person at a terminal approves exactly the destructive changes of one blocked plan (named
// by its fingerprint), after seeing the report again (a command guard ran is previewed as guard does, executing
// nothing) and typing the environment's name; never from an agent.
import type { CommandSpec } from './kit/command-spec.js';
import { INPUT_OPTIONS, deletingFiles, inputCheckOptions, type InputArgs } from './kit/input-options.js';
import { agentSession } from '../agents/agent-session.js';
import { approverName } from '../approvals/apply-approvals.js';
import { approverIdentity } from '../approvals/approver.js';
import { confirmApproval, confirmationWord, requireInteractiveTerminal, type Terminal } from '../approvals/confirm.js';
import { DEFAULT_EXPIRY, parseExpiry } from '../approvals/expiry.js';
import { FINGERPRINT_PATTERN } from '../approvals/fingerprint-format.js';
import { readApprovals, writeApprovals } from '../approvals/store.js';
import { EXIT_PASS, InputError, UsageError } from '../errors.js';
import { inPrivateDirectory } from '../files/private-directory.js';
import { guardedToolOf, parseKubernetesCommand } from '../guard/guarded-command.js';
import type { GuardCheckOptions } from '../guard/guard-terraform.js';
import { blocks, type Report } from '../model.js';
import { approvalsPath } from '../state-paths.js';

interface ApproveArgs extends InputArgs {
  words: string[];
  reason?: string;
  expires: string;
}

/** `approve <fp> -- terraform apply …`: the words name a Terraform command to plan, not plan files. */
function isTerraformCommand(words: string[]): boolean {
  return guardedToolOf(words) === 'terraform' && words.some((w) => w === 'apply' || w === 'destroy');
}

/** The report of the plan `guard -- terraform …` applies. */
async function terraformReport(targets: string[], options: GuardCheckOptions): Promise<Report> {
  const [{ checkPlan, makePlan }, { parseTerraformInvocation }] = await Promise.all([
    import('../guard/guard-terraform.js'),
    import('../guard/terraform-invocation.js'),
  ]);
  const invocation = parseTerraformInvocation(targets);
  return inPrivateDirectory('guard', async (scratch) => {
    const planFile = `${scratch}/checked.tfplan`;
    const failed = await makePlan(invocation, planFile);
    if (failed) throw new InputError(failed.summary.replace('nothing was applied', 'nothing was approved'));
    return checkPlan(invocation, planFile, options);
  });
}

/** The report of the preview `guard -- kubectl …` / `guard -- helm …` checks. */
async function kubernetesReport(targets: string[], tool: 'kubectl' | 'helm', options: GuardCheckOptions): Promise<Report> {
  const { checkPreview } = await import('../guard/guard-kubernetes.js');
  const invocation = await parseKubernetesCommand(targets, tool);
  const { report } = await inPrivateDirectory('guard', (scratch) => checkPreview(invocation, scratch, options));
  if (!report) throw new InputError(`\`${invocation.previewName}\` shows no change, so there is nothing to approve.`);
  return report;
}

/** The report of the preview `guard -- pulumi …` checks (its update plan, if saved, is thrown away: approving runs nothing). */
async function pulumiReport(targets: string[], options: GuardCheckOptions): Promise<Report> {
  const [{ checkPulumiPreview }, { parsePulumiInvocation }] = await Promise.all([import('../guard/guard-pulumi.js'), import('../guard/pulumi-invocation.js')]);
  const invocation = parsePulumiInvocation(targets);
  return (await inPrivateDirectory('guard', (scratch) => checkPulumiPreview(invocation, scratch, options))).report;
}

/** The report of the change set `guard -- aws cloudformation …` / `guard -- cdk deploy …` checks; one made for it is deleted again. */
async function changeSetReport(targets: string[], tool: 'aws' | 'cdk', options: GuardCheckOptions): Promise<Report> {
  const [{ approvalReport }, { parseChangeSetInvocation }] = await Promise.all([
    import('../guard/guard-change-set.js'),
    import('../guard/change-set-invocation.js'),
  ]);
  const invocation = parseChangeSetInvocation(targets, tool);
  const report = await inPrivateDirectory('guard', (scratch) => approvalReport(invocation, scratch, options));
  if (!report) throw new InputError(`CloudFormation found no changes for \`${invocation.name}\`, so there is nothing to approve.`);
  return report;
}

async function blockedReport(args: ApproveArgs, targets: string[]): Promise<Report> {
  // The guarded forms read the configuration guard read (`approve --config F -- …` for `guard --config F -- …`).
  const options: GuardCheckOptions = args.config === undefined ? {} : { config: args.config };
  if (isTerraformCommand(targets)) return terraformReport(targets, options);
  const tool = guardedToolOf(targets);
  if (tool === 'kubectl' || tool === 'helm') return kubernetesReport(targets, tool, options);
  if (tool === 'pulumi') return pulumiReport(targets, options);
  if (tool === 'aws' || tool === 'cdk') return changeSetReport(targets, tool, options);
  if ([...targets, ...deletingFiles(args)].includes('-'))
    throw new UsageError(
      'blast-radius approve reads the terminal for the confirmation, so it cannot read a plan from standard input: save the plan to a file.',
    );
  const { check } = await import('../check.js');
  return check(inputCheckOptions(targets, args));
}

/** Runs `approve` against injectable surroundings, for tests; run() passes the real process. */
export async function approve(args: ApproveArgs, env: NodeJS.ProcessEnv, terminal: Terminal, now: Date = new Date()): Promise<number> {
  const [fingerprint = '', ...targets] = args.words;
  if (!FINGERPRINT_PATTERN.test(fingerprint))
    throw new UsageError(`"${fingerprint}" is not a fingerprint: copy the 32 hexadecimal characters the blocked report shows.`);
  if (targets.length === 0 && args.deleting === undefined)
    throw new UsageError(
      'Name the plan files of the blocked change (or -- and the terraform, kubectl, helm, pulumi, aws cloudformation or cdk command guard ran), so that it can be checked again.',
    );
  const session = agentSession(env);
  if (session) {
    throw new UsageError(
      `blast-radius approve refuses to run inside a ${session.agent} session (${session.variable} is set): only a person approves, in their own terminal.`,
    );
  }
  requireInteractiveTerminal(terminal);
  const expires = parseExpiry(args.expires, now);
  const store = approvalsPath(env);
  const report = await blockedReport(args, targets);
  if (report.fingerprint === undefined) throw new InputError('Nothing in these plans is blocked, so there is nothing to approve.');
  if (report.fingerprint !== fingerprint) {
    throw new InputError(
      `These plans have the fingerprint ${report.fingerprint}, not ${fingerprint}: what they destroy changed since the report you read; nothing was approved.`,
    );
  }
  const { default: formatText } = await import('../reporters/text.js');
  terminal.output.write(`${formatText(report, { approving: true })}\n`);
  const environments = [
    ...new Set(
      report.findings
        .filter(blocks)
        .map((f) => f.environment)
        .filter((name) => name !== ''),
    ),
  ];
  const reason = await confirmApproval(terminal, confirmationWord(environments, fingerprint), args.reason);
  const who = approverIdentity();
  const kept = readApprovals(store).filter((a) => a.fingerprint !== fingerprint && Date.parse(a.expires) > now.getTime());
  writeApprovals(store, [...kept, { fingerprint, ...who, reason, environments, approvedAt: now.toISOString(), expires: expires.toISOString() }]);
  terminal.output.write(
    `Approved ${fingerprint} as ${approverName(who)} until ${expires.toISOString()} (${store}). ` +
      '`blast-radius check` and `guard` now let exactly these destructive changes through; any other change is blocked as before.\n',
  );
  return EXIT_PASS;
}

const command: CommandSpec<ApproveArgs> = {
  usage: 'approve <fingerprint> [plans..]',
  describe: 'Approve exactly the destructive changes of a blocked plan, by its fingerprint: for a person at a terminal, never an agent.',
  positional: {
    name: 'words',
    describe:
      '<fingerprint> and the plan files checked, or <fingerprint> -- the terraform, kubectl, helm, pulumi, aws cloudformation or cdk command guard ran.',
    parts: {
      fingerprint: 'The fingerprint the blocked report shows.',
      plans: 'The plan files checked (or --deleting), or -- and the terraform, kubectl, helm, pulumi, aws cloudformation or cdk command guard ran.',
    },
  },
  exitCodes: 'Exit codes: 0 approved, 2 usage or input error, or the approval refused (nothing was approved).',
  options: {
    reason: { type: 'string', describe: 'Why the destruction is intended (asked for when not given).' },
    expires: { type: 'string', default: DEFAULT_EXPIRY, describe: 'How long the approval holds: 90m, 24h, 7d (at most) or an ISO date.' },
    ...INPUT_OPTIONS,
  },
  examples: [
    [
      '$0 approve 3f9a2c… plan.json --reason "Retiring the old database (OPS-42)"',
      'Check plan.json again, show it, and record the approval after you type the environment name.',
    ],
    ['$0 approve 3f9a2c… -- terraform apply -auto-approve', 'Plan as `guard` does, check, and approve that plan.'],
    ['$0 approve 3f9a2c… -- kubectl delete namespace payments-prod', 'Run the server dry run as `guard` does, check, and approve those deletions.'],
  ],
  run: (args) => approve(args, process.env, { input: process.stdin, output: process.stdout, errors: process.stderr }),
};

export default command;
