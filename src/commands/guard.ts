// The `guard` command: `guard -- terraform apply|destroy [args]` plans, checks the plan, and applies exactly the
// checked plan; `guard -- kubectl apply|delete …` and `guard -- helm upgrade|uninstall …` check the command's preview
// (kubectl diff, a server dry run, helm diff, helm get manifest) and run the command only on pass; `guard -- pulumi
// up|destroy …` checks the preview and runs with its update plan where pulumi saves one; `guard -- aws cloudformation
// deploy|execute-change-set …` and `guard -- cdk deploy STACK` check the change set and execute exactly it. A person's
// approval of exactly the blocked changes lets them through (the safe path the agent hooks point to).
import type { CommandSpec } from './kit/command-spec.js';
import { agentSession } from '../agents/agent-session.js';
import { atTerminal, confirmApply } from '../guard/confirm-apply.js';
import type { GuardCheckOptions } from '../guard/guard-terraform.js';
import { runGuard } from '../guard/run-guard.js';
import { UsageError } from '../errors.js';
import type { Report } from '../model.js';
import { REPORTERS, loadReporter } from '../reporters/index.js';
import { approvalsPath } from '../state-paths.js';
import { errorLine } from '../cli/error-line.js';

function refuseToAsk(): Promise<boolean> {
  process.stderr.write(
    "blast-radius guard: without -auto-approve (terraform) or --yes (pulumi), the tool asks a person for a 'yes', and there is no terminal (or this is an agent's session) to ask; add -auto-approve or --yes to run the checked change without asking.\n",
  );
  return Promise.resolve(false);
}

interface GuardArgs {
  command: string[];
  format: string;
  config?: string;
  approvals: boolean;
}

const command: CommandSpec<GuardArgs> = {
  usage: 'guard <command..>',
  describe:
    'Check a change before it is made: `guard -- terraform apply|destroy`, `guard -- kubectl apply|delete …`, `guard -- helm upgrade|uninstall …`, `guard -- pulumi up|destroy …`, `guard -- aws cloudformation deploy|execute-change-set …`, `guard -- cdk deploy STACK`.',
  positional: {
    name: 'command',
    describe:
      'the terraform/tofu apply|destroy, kubectl apply|delete, helm upgrade|uninstall, pulumi up|destroy, aws cloudformation deploy|execute-change-set or cdk deploy command to guard, after --.',
  },
  exitCodes:
    'Exit codes: 0 applied (or ran, or nothing to change), 1 blocked (nothing applied or run), 2 error (plan, preview or apply failed, inputs changed, unsupported command).',
  options: {
    format: { type: 'string', alias: 'f', default: 'text', choices: Object.keys(REPORTERS), describe: 'Format of the report of the checked change.' },
    config: {
      type: 'string',
      describe:
        'The .blast-radius.yml to judge by (default: the nearest one, from the working directory up to the repository root). Refused in an agent session.',
    },
    approvals: { type: 'boolean', default: true, describe: 'Honour approvals from `blast-radius approve` (--no-approvals: ignore them, as CI should).' },
  },
  examples: [
    ['$0 guard -- terraform apply -auto-approve', 'Plan, check, apply the checked plan if nothing protected is destroyed.'],
    ['$0 guard -- terraform -chdir=infra destroy -var-file=staging.tfvars', 'Plan the destroy, check it, apply it only if allowed.'],
    ['$0 guard -- tofu apply tfplan', 'Check a saved plan and apply exactly it.'],
    ['$0 guard -- kubectl apply -f k8s/ --prune -l app=web', 'Check `kubectl diff --prune`, then apply only if nothing protected is deleted or replaced.'],
    ['$0 guard -- kubectl delete namespace payments-staging', 'Check the server dry run of the delete, then delete only if allowed.'],
    ['$0 guard -- helm upgrade payments ./chart -f values.yaml', 'Check `helm diff upgrade` (helm-diff plugin), then upgrade only if allowed.'],
    ['$0 guard -- helm uninstall payments -n payments-staging', "Check the release's objects as deleted, then uninstall only if allowed."],
    ['$0 guard -- pulumi up -s production --yes', 'Check `pulumi preview --json` (saving its update plan), then `pulumi up --plan` of exactly that plan.'],
    ['$0 guard -- pulumi destroy -s staging --yes', 'Check `pulumi destroy --preview-only --json`, then destroy only if allowed.'],
    [
      '$0 guard -- aws cloudformation deploy --stack-name orders --template-file t.yaml',
      'Create the change set without executing it, check it, execute exactly it (deleted when blocked).',
    ],
    ['$0 guard -- cdk deploy OrdersStack', "Prepare the stack's change set with cdk, check it, execute exactly it with the AWS CLI."],
  ],
  run: async (args) => {
    const session = agentSession(process.env);
    // An agent could write a lenient file anywhere and name it: in its session guard reads only the configuration found
    // where the command runs, which the hooks keep the agent from writing.
    if (args.config !== undefined && session !== undefined) {
      throw new UsageError(
        `blast-radius guard refuses --config inside a ${session.agent} session (${session.variable} is set): it reads the configuration found from the working directory up.`,
      );
    }
    const reporter = await loadReporter(args.format);
    const configWords = args.config === undefined ? [] : ['--config', args.config];
    const checkOptions: GuardCheckOptions = { approveArgs: [...configWords, '--', ...args.command] };
    if (args.config !== undefined) checkOptions.config = args.config;
    if (args.approvals) checkOptions.approvalsFile = approvalsPath(process.env);
    // With approvals off (as in CI) the report offers no approve command: it would not be honoured.
    const printReport = (report: Report) => process.stdout.write(reporter(args.approvals ? report : { ...report, approveCommand: undefined }));
    // Without -auto-approve terraform asks for a `yes`: so does guard, at a terminal outside an agent session, and
    // nowhere else (a script or an agent cannot be the person who says yes).
    const ask = atTerminal() && session === undefined ? confirmApply : refuseToAsk;
    const outcome = await runGuard(args.command, { printReport, checkOptions, confirmApply: ask });
    process.stderr.write(`${errorLine(outcome.summary, 'blast-radius guard')}\n`);
    return outcome.exitCode;
  },
};

export default command;
