// The `check` command: reads plans, prints the report in the chosen format, and sets exit code 0 or 1.
import type { CommandModule } from 'yargs';
import { check } from '../check.js';
import { setExitCode } from './exit-code.js';
import { exitCode } from '../report.js';
import { REPORTERS, loadReporter } from '../reporters/index.js';

interface CheckArgs {
  files: string[];
  format: string;
  'terraform-bin'?: string;
  color?: boolean;
}

const command: CommandModule<object, CheckArgs> = {
  command: 'check <files..>',
  describe: 'Check Terraform plans and fail when they destroy protected resources.',
  builder: (yargs) =>
    yargs
      .positional('files', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'Plan files: `terraform show -json` output or binary plans from `terraform plan -out`; - for stdin.',
      })
      .option('format', { alias: 'f', type: 'string', default: 'text', choices: Object.keys(REPORTERS), describe: 'Output format.' })
      .option('terraform-bin', { type: 'string', describe: 'terraform or tofu binary used to read binary plan files.' })
      .option('color', { type: 'boolean', describe: 'Force colour on or off (default: on for terminals, off with NO_COLOR).' })
      .example('$0 check plan.json', 'Check the output of `terraform show -json tfplan > plan.json`.')
      .example('terraform show -json tfplan | $0 check -', 'Check a plan from standard input.')
      .example('$0 check tfplan --format json', 'Read a binary plan with terraform, print the JSON report.'),
  handler: async (args) => {
    const reporter = await loadReporter(args.format);
    if (args.color !== undefined) (await import('kleur')).default.enabled = args.color;
    const options: Parameters<typeof check>[0] = { files: args.files };
    if (args['terraform-bin']) options.terraformBin = args['terraform-bin'];
    const report = await check(options);
    process.stdout.write(reporter(report));
    setExitCode(exitCode(report));
  },
};

export default command;
