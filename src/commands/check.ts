// The `check` command: reads plans, writes the report in each chosen format (stdout or a file), and returns 0 or 1.
import { approvalsPath } from '../approvals/store.js';
import { check, type CheckOptions } from '../check.js';
import type { CommandSpec } from '../cli/command-spec.js';
import { terminalProgressBar } from '../cli/progress-bar.js';
import { exitCode } from '../report.js';
import { parseFormatTargets } from '../reporters/format-targets.js';
import { REPORTERS } from '../reporters/index.js';
import { prepareOutputs } from '../reporters/report-outputs.js';

interface CheckArgs {
  files: string[];
  /** `name` or `name=path` each; a list when given (yargs: when repeated), the default as a string. */
  format: string | string[];
  config?: string;
  'tf-dir'?: string;
  'tf-base'?: string;
  'terraform-bin'?: string;
  color?: boolean;
  approvals: boolean;
}

const command: CommandSpec<CheckArgs> = {
  usage: 'check <files..>',
  describe: 'Check Terraform plans and fail when they destroy protected resources.',
  positional: {
    name: 'files',
    describe: 'plan files: `terraform show -json` output, or binary plans from `terraform plan -out`; - reads stdin.',
  },
  options: {
    format: {
      type: 'string',
      alias: 'f',
      multiple: true,
      default: 'text',
      describe: `Output format: ${Object.keys(REPORTERS).join(', ')}; name=path writes a file instead of standard output. Repeatable: one run feeds every consumer.`,
    },
    config: { type: 'string', describe: 'Configuration file (default: the nearest .blast-radius.yml above the working directory).' },
    'tf-dir': { type: 'string', describe: 'Terraform sources read for evidence (default: the plan file\'s directory when it holds .tf files).' },
    'tf-base': { type: 'string', describe: 'Git revision (the PR base): blocks deleting resources that had prevent_destroy = true there.' },
    'terraform-bin': { type: 'string', describe: 'terraform or tofu binary used to read binary plan files.' },
    color: { type: 'boolean', describe: 'Force colour on or off (default: on for terminals, off with NO_COLOR).' },
    approvals: { type: 'boolean', default: true, describe: 'Honour approvals from `blast-radius approve` (--no-approvals: ignore them, as CI should).' },
  },
  examples: [
    ['$0 check plan.json', 'Check the output of `terraform show -json tfplan > plan.json`.'],
    ['terraform show -json tfplan | $0 check -', 'Check a plan read from standard input.'],
    ['$0 check tfplan --format json', 'Read a binary plan with terraform, print the JSON report.'],
    ['$0 check plan.json --format text --format sarif=results.sarif --format markdown=summary.md', 'Print text, and write SARIF and Markdown files.'],
  ],
  run: async (args) => {
    const writeReport = await prepareOutputs(parseFormatTargets([args.format].flat()));
    if (args.color !== undefined) (await import('kleur')).default.enabled = args.color;
    const options: CheckOptions = { files: args.files, approveArgs: args.files.map((file) => (file === '-' ? 'PLAN_FILE' : file)) };
    if (args.approvals) options.approvalsFile = approvalsPath(process.env);
    for (const name of ['terraform-bin', 'config', 'tf-dir', 'tf-base'] as const) {
      if (args[name]) options.approveArgs?.push(`--${name}`, args[name]);
    }
    if (args['terraform-bin']) options.terraformBin = args['terraform-bin'];
    if (args.config) options.config = args.config;
    if (args['tf-dir']) options.tfDir = args['tf-dir'];
    if (args['tf-base']) options.tfBase = args['tf-base'];
    const progress = terminalProgressBar();
    if (progress) options.onProgress = progress.update;
    const report = await check(options).finally(() => progress?.done());
    await writeReport(report);
    return exitCode(report);
  },
};

export default command;
