// The `explain` command: how one resource of a plan (or object of Kubernetes output) got its environment — every rule
// tried, in order, and what it found — and which policy rules the configuration sets apart from their defaults.
import type { CommandSpec } from './kit/command-spec.js';
import { analyzeInputs, evidenceBeside, kubernetesContexts, sourceEvidence, type CheckOptions } from '../check.js';
import { INPUT_OPTIONS } from './kit/input-options.js';
import type { InputFormatId } from '../formats/index.js';
import { loadConfig } from '../config/load-config.js';
import { environmentClassifier } from '../environment/classify.js';
import { EXIT_PASS, UsageError } from '../errors.js';
import { goesToKubeContext, readsSources } from '../platforms/index.js';
import type { CompiledConfig } from '../config/compiled-config.js';
import { changedSettings } from '../policy/rule-settings.js';
import { RULES } from '../policy/rules/index.js';

interface ExplainArgs {
  words: string[];
  config?: string;
  context?: string;
  'tf-dir'?: string;
  'input-format'?: InputFormatId;
  'terraform-bin'?: string;
}

/** The policy rules whose level or options the configuration changes, with the keys that changed them. */
function ruleSettingLines(config: CompiledConfig): string[] {
  const changed = changedSettings(Object.values(RULES), config.ruleSettings);
  if (changed.length === 0) return [];
  return [
    `policy rules ${config.path} sets (the others run at their defaults, see blast-radius rules):`,
    ...changed.map(({ rule, setting, optionsChanged }) => {
      const options = optionsChanged ? ` ${JSON.stringify(setting.options)}` : '';
      return `  ${rule.id}: ${setting.level}${options} (from ${setting.from.join(', ')})`;
    }),
    '',
  ];
}

const command: CommandSpec<ExplainArgs> = {
  usage: 'explain <plan> <address>',
  describe:
    'Explain how a resource of a plan got its environment: every rule tried, which matched, on what evidence; and the policy rules the configuration changes.',
  positional: {
    name: 'words',
    describe: 'the plan file, then the resource address.',
    parts: { plan: 'The plan file (or Kubernetes output).', address: 'The resource address (or object: Deployment.apps/payments/web).' },
  },
  exitCodes: 'Exit codes: 0 explained, 2 usage or input error (the input has no such resource).',
  options: {
    config: { type: 'string', describe: 'Configuration file (default: the nearest .blast-radius.yml).' },
    context: { type: 'string', describe: 'The Kubernetes context of a Kubernetes input (default: the current context of the kubeconfig).' },
    'tf-dir': INPUT_OPTIONS['tf-dir'],
    'input-format': INPUT_OPTIONS['input-format'],
    'terraform-bin': INPUT_OPTIONS['terraform-bin'],
  },
  examples: [
    ['$0 explain plan.json aws_db_instance.main', 'Show the rules tried for aws_db_instance.main.'],
    ['$0 explain diff.txt Deployment.apps/payments/web', 'Show the rules tried for an object of `kubectl diff` output.'],
  ],
  run: async (args) => {
    const [plan, address, ...extra] = args.words;
    if (plan === undefined || address === undefined || extra.length > 0) throw new UsageError('Give the plan file and one resource address.');
    const config = await loadConfig(args.config);
    // Read as check reads it: the given format and terraform binary, and the Terraform sources for evidence.
    const options: CheckOptions = { files: [plan] };
    if (args['tf-dir']) options.tfDir = args['tf-dir'];
    if (args['input-format']) options.inputFormat = args['input-format'];
    if (args['terraform-bin']) options.terraformBin = args['terraform-bin'];
    const inputs = await analyzeInputs(options);
    const lines: string[] = [];
    const contexts = inputs.some((input) => goesToKubeContext(input.platform)) ? await kubernetesContexts(args) : [];
    const source = inputs.some((input) => readsSources(input.platform)) ? await sourceEvidence(plan, options) : undefined;
    for (const input of inputs) {
      const classifier = environmentClassifier(input.variables, config, evidenceBeside(input, contexts, source));
      for (const change of input.changes.filter((c) => c.address === address)) {
        const { environment, steps } = classifier.explain(change);
        lines.push(`${change.address} (${change.type}, ${change.action}) in ${input.file}`);
        lines.push(`  configuration: ${config.path ?? 'none (built-in rules only)'}`);
        for (const step of steps) {
          const found = step.found.length > 0 ? step.found.join('; ') : 'no evidence';
          lines.push(`  ${step.matched ? 'matched' : 'no match'}  ${step.rule}: ${found}`);
        }
        if (!config.defaults) lines.push('  (built-in rules are turned off by `defaults: false`)');
        lines.push(`  => ${environment.name}${environment.protected ? ' (protected)' : ''}: ${environment.reason}`, '');
      }
    }
    if (lines.length === 0) {
      const known = inputs.flatMap((i) => i.changes.map((c) => c.address));
      const close = known.filter((a) => a.includes(address) || address.includes(a)).slice(0, 5);
      throw new UsageError(`${plan} has no resource change at ${address}${close.length > 0 ? `; did you mean ${close.join(', ')}?` : '.'}`);
    }
    process.stdout.write(`${[...lines, ...ruleSettingLines(config)].join('\n')}`);
    return EXIT_PASS;
  },
};

export default command;
