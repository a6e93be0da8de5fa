// The `check` command: reads plans and Kubernetes outputs, writes the report in each chosen format (stdout or a file), and returns 0 or 1.
import { check, type CheckOptions } from '../check.js';
import type { CommandSpec } from './kit/command-spec.js';
import { INPUT_OPTIONS, inputCheckOptions, inputWords, type InputArgs } from './kit/input-options.js';
import { terminalProgressBar } from './kit/progress-bar.js';
import { exitCode } from '../report.js';
import { parseFormatTargets } from '../reporters/format-targets.js';
import { REPORTERS } from '../reporters/index.js';
import { prepareOutputs } from '../reporters/report-outputs.js';
import { approvalsPath } from '../state-paths.js';

interface CheckArgs extends InputArgs {
  files: string[];
  /** `name` or `name=path` each; a list when given (yargs: when repeated), the default as a string. */
  format: string | string[];
  cluster?: boolean;
  kubeconfig?: string;
  color?: boolean;
  approvals: boolean;
}

const command: CommandSpec<CheckArgs> = {
  usage: 'check [files..]',
  describe: 'Check Terraform plans and Kubernetes changes, and fail when they destroy protected resources.',
  positional: {
    name: 'files',
    describe:
      'plan files (`terraform show -json` output, or binary plans from `terraform plan -out`), or `kubectl diff`, `kubectl apply|delete --dry-run` or `helm diff` output; - reads stdin.',
    optional: true,
  },
  options: {
    format: {
      type: 'string',
      alias: 'f',
      multiple: true,
      default: 'text',
      describe: `Output format: ${Object.keys(REPORTERS).join(', ')}; name=path writes a file instead of standard output. Repeatable: one run feeds every consumer.`,
    },
    ...INPUT_OPTIONS,
    cluster: {
      type: 'boolean',
      describe:
        'Ask the cluster (read-only) what a namespace or CRD deletion takes, and the labels of objects a text input only names (--no-cluster: do not, whatever the configuration says).',
    },
    kubeconfig: { type: 'string', describe: 'The kubeconfig file --cluster uses (default: KUBECONFIG, else ~/.kube/config).' },
    color: { type: 'boolean', describe: 'Force colour on or off (default: on for terminals, off with NO_COLOR).' },
    approvals: { type: 'boolean', default: true, describe: 'Honour approvals from `blast-radius approve` (--no-approvals: ignore them, as CI should).' },
  },
  examples: [
    ['$0 check plan.json', 'Check the output of `terraform show -json tfplan > plan.json`.'],
    ['terraform show -json tfplan | $0 check -', 'Check a plan read from standard input.'],
    ['$0 check tfplan --format json', 'Read a binary plan with terraform, print the JSON report.'],
    ['kubectl diff -f k8s/ 2>&1 | $0 check -', 'Check what `kubectl apply -f k8s/` would change (errors included).'],
    ['$0 check --deleting <(kubectl get all -n payments -o yaml)', 'Check deleting the objects listed.'],
    ['$0 check plan.json --format text --format sarif=results.sarif --format markdown=summary.md', 'Print text, and write SARIF and Markdown files.'],
  ],
  run: async (args) => {
    const writeReport = await prepareOutputs(parseFormatTargets([args.format].flat()));
    if (args.color !== undefined) (await import('kleur')).default.enabled = args.color;
    const options: CheckOptions = { ...inputCheckOptions(args.files, args), approveArgs: inputWords(args.files, args) };
    if (args.approvals) options.approvalsFile = approvalsPath(process.env);
    if (args.cluster !== undefined) options.cluster = args.cluster && (args.kubeconfig === undefined ? {} : { kubeconfig: args.kubeconfig });
    const progress = terminalProgressBar();
    if (progress) options.onProgress = progress.update;
    const checked = await check(options).finally(() => progress?.done());
    // Where no approval is honoured (CI), no report may tell anyone to run `blast-radius approve`: it would change nothing.
    const report = args.approvals ? checked : { ...checked, approveCommand: undefined };
    await writeReport(report);
    return exitCode(report);
  },
};

export default command;
