// The `guard` command: `guard -- terraform apply|destroy [args]` plans, checks the plan, and applies exactly the
// checked plan only when nothing protected would be destroyed, or a person approved exactly these destructive changes
// (the safe path the agent hooks point to).
import { approvalsPath } from '../approvals/store.js';
import type { CommandSpec } from '../cli/command-spec.js';
import { guardTerraform } from '../guard/guard-terraform.js';
import { parseTerraformInvocation } from '../guard/terraform-invocation.js';
import { REPORTERS, loadReporter } from '../reporters/index.js';

interface GuardArgs {
  command: string[];
  format: string;
}

const command: CommandSpec<GuardArgs> = {
  usage: 'guard <command..>',
  describe: 'Plan, check, and apply exactly the checked plan: `guard -- terraform apply` (or destroy, or tofu).',
  positional: { name: 'command', describe: 'the terraform or tofu apply/destroy command to guard, after --.' },
  options: {
    format: { type: 'string', alias: 'f', default: 'text', choices: Object.keys(REPORTERS), describe: 'Format of the report of the checked plan.' },
  },
  examples: [
    ['$0 guard -- terraform apply -auto-approve', 'Plan, check, apply the checked plan if nothing protected is destroyed.'],
    ['$0 guard -- terraform -chdir=infra destroy -var-file=staging.tfvars', 'Plan the destroy, check it, apply it only if allowed.'],
    ['$0 guard -- tofu apply tfplan', 'Check a saved plan and apply exactly it.'],
  ],
  run: async (args) => {
    const reporter = await loadReporter(args.format);
    const approvals = { approvalsFile: approvalsPath(process.env), approveArgs: ['--', ...args.command] };
    const outcome = await guardTerraform(parseTerraformInvocation(args.command), (report) => process.stdout.write(reporter(report)), approvals);
    process.stderr.write(`blast-radius guard: ${outcome.summary}\n`);
    return outcome.exitCode;
  },
};

export default command;
