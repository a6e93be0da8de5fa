// The library entry: checks the given inputs under the configuration and returns the Report (no printing, no exit).
import type { AnalyzedInput, Report } from './model.js';
import type { CompiledConfig } from './config/compiled-config.js';
import { loadConfig } from './config/load-config.js';
import { UsageError } from './errors.js';
import { environmentClassifier } from './environment/classify.js';
import { loadInput, type LoadOptions } from './inputs/load-input.js';
import { applyExceptions } from './policy/apply-exceptions.js';
import { evaluatePolicy, type ClassifiedChange } from './policy/evaluate.js';
import { RULES } from './policy/rules/index.js';
import { buildReport } from './report.js';

export interface CheckOptions extends LoadOptions {
  /** Paths of plan files; `-` reads standard input (at most once). */
  files: string[];
  /** A configuration file; by default the nearest .blast-radius.yml above the working directory, if any. */
  config?: string;
  /** An already loaded configuration (takes precedence over `config`). */
  compiledConfig?: CompiledConfig;
}

/** Reads every input; a stream of plans in one file gives one analyzed input per plan. */
export async function analyzeInputs(options: CheckOptions): Promise<AnalyzedInput[]> {
  if (options.files.length === 0) throw new UsageError('Name at least one plan file to check (or - for standard input).');
  if (options.files.filter((f) => f === '-').length > 1) throw new UsageError('Standard input (-) can be read only once.');
  const inputs: AnalyzedInput[] = [];
  for (const file of options.files) inputs.push(...(await loadInput(file, inputs.length, options)));
  return inputs;
}

export async function check(options: CheckOptions): Promise<Report> {
  const config = options.compiledConfig ?? (await loadConfig(options.config));
  const inputs = await analyzeInputs(options);
  const classified: ClassifiedChange[] = inputs.flatMap((input) => {
    const { classify } = environmentClassifier(input.variables, config);
    return input.changes.map((change) => ({ change, environment: classify(change) }));
  });
  const rules = Object.values(RULES);
  const evaluated = evaluatePolicy(
    classified,
    inputs.flatMap((input) => input.drift),
    inputs.map((input) => input.file),
    rules,
    config.policy,
  );
  const { findings, exceptions } = applyExceptions(evaluated, config.exceptions);
  return buildReport(inputs, classified, findings, rules, { path: config.path, exceptions });
}
