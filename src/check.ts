// The library entry: checks the given inputs and returns the Report (no printing, no exit).
import type { AnalyzedInput, Report } from './model.js';
import { UsageError } from './errors.js';
import { environmentClassifier } from './environment/classify.js';
import { loadInput, type LoadOptions } from './inputs/load-input.js';
import { evaluatePolicy, type ClassifiedChange } from './policy/evaluate.js';
import { RULES } from './policy/rules/index.js';
import { buildReport } from './report.js';

export interface CheckOptions extends LoadOptions {
  /** Paths of plan files; `-` reads standard input (at most once). */
  files: string[];
}

export async function check(options: CheckOptions): Promise<Report> {
  if (options.files.length === 0) throw new UsageError('Name at least one plan file to check (or - for standard input).');
  if (options.files.filter((f) => f === '-').length > 1) throw new UsageError('Standard input (-) can be read only once.');
  const inputs: AnalyzedInput[] = [];
  for (const file of options.files) inputs.push(...(await loadInput(file, inputs.length, options)));
  const classified: ClassifiedChange[] = inputs.flatMap((input) => {
    const classify = environmentClassifier(input.variables);
    return input.changes.map((change) => ({ change, environment: classify(change) }));
  });
  const rules = Object.values(RULES);
  const findings = evaluatePolicy(
    classified,
    inputs.flatMap((input) => input.drift),
    (index) => inputs[index]?.file ?? '',
    rules,
  );
  return buildReport(inputs, classified, findings, rules);
}
