// The library entry: checks the given inputs under the configuration and returns the Report (no printing, no exit).
import type { AnalyzedInput, Report } from './model.js';
import type { CompiledConfig } from './config/compiled-config.js';
import { applyApprovals, type ApprovalOptions } from './approvals/apply-approvals.js';
import { dirname, resolve } from 'node:path';
import { loadConfig } from './config/load-config.js';
import { UsageError } from './errors.js';
import { environmentClassifier } from './environment/classify.js';
import { loadInput, type LoadOptions } from './inputs/load-input.js';
import { applyExceptions } from './policy/apply-exceptions.js';
import { attachBlastRadius } from './policy/attach-blast-radius.js';
import { evaluatePolicy, type ClassifiedChange } from './policy/evaluate.js';
import { RULES } from './policy/rules/index.js';
import { buildReport } from './report.js';
import { hasTerraformFiles } from './terraform-source/has-terraform-files.js';
import type { SourceEvidence } from './terraform-source/source-evidence.js';

export interface CheckOptions extends LoadOptions, ApprovalOptions {
  /** Paths of plan files; `-` reads standard input (at most once). */
  files: string[];
  /** A configuration file; by default the nearest .blast-radius.yml above the working directory, if any. */
  config?: string;
  /** An already loaded configuration (takes precedence over `config`). */
  compiledConfig?: CompiledConfig;
  /** Terraform source directory read for evidence (default: a plan file's own directory when it holds .tf files). */
  tfDir?: string;
  /** A git revision (the PR's base): resources whose block had prevent_destroy = true there may not be destroyed. */
  tfBase?: string;
}

/** The Terraform source directory that goes with a plan file, if any. */
function sourceDirectory(file: string, options: CheckOptions): string | undefined {
  if (options.tfDir !== undefined) return options.tfDir;
  if (file === '-') return undefined;
  const directory = dirname(resolve(file));
  return hasTerraformFiles(directory) ? directory : undefined;
}

interface SourceFacts {
  evidence: SourceEvidence;
  preventDestroyAtBase?: Set<string>;
}

/** Reads the .tf sources (and the base revision) once per directory; hcl2json is loaded only when there are any. */
async function readSources(directory: string, base: string | undefined): Promise<SourceFacts> {
  const { readTerraformDir } = await import('./terraform-source/read-terraform-dir.js');
  const facts: SourceFacts = { evidence: await readTerraformDir(directory) };
  if (base !== undefined) {
    const { preventDestroyAtBase } = await import('./terraform-source/prevent-destroy-at-base.js');
    facts.preventDestroyAtBase = await preventDestroyAtBase(directory, base);
  }
  return facts;
}

function checkFileList(files: string[]): void {
  if (files.length === 0) throw new UsageError('Name at least one plan file to check (or - for standard input).');
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('Standard input (-) can be read only once.');
}

/** Reads every input; a stream of plans in one file gives one analyzed input per plan, numbered from `firstIndex`. */
export async function analyzeInputs(options: CheckOptions, firstIndex = 0): Promise<AnalyzedInput[]> {
  checkFileList(options.files);
  const inputs: AnalyzedInput[] = [];
  for (const file of options.files) inputs.push(...(await loadInput(file, firstIndex + inputs.length, options)));
  return inputs;
}

export async function check(options: CheckOptions): Promise<Report> {
  checkFileList(options.files);
  const config = options.compiledConfig ?? (await loadConfig(options.config));
  const directories = options.files.map((file) => sourceDirectory(file, options));
  if (options.tfBase !== undefined && directories.every((directory) => directory === undefined)) {
    throw new UsageError('--tf-base needs the Terraform sources: pass --tf-dir, or keep the plan file beside its .tf files.');
  }
  const inputs: AnalyzedInput[] = [];
  const sources = new Map<number, SourceFacts>();
  const byDirectory = new Map<string, SourceFacts>();
  for (const [i, file] of options.files.entries()) {
    const loaded = await analyzeInputs({ quietChanges: 'count', ...options, files: [file] }, inputs.length);
    const directory = directories[i];
    if (directory !== undefined) {
      if (!byDirectory.has(directory)) byDirectory.set(directory, await readSources(directory, options.tfBase));
      loaded.forEach((_input, i) => sources.set(inputs.length + i, byDirectory.get(directory) as SourceFacts));
    }
    inputs.push(...loaded);
  }
  const classified: ClassifiedChange[] = inputs.flatMap((input, index) => {
    const evidence = sources.get(index)?.evidence;
    const { classify } = environmentClassifier(input.variables, config, evidence ? { source: evidence } : {});
    return input.changes.map((change) => ({ change, environment: classify(change) }));
  });
  const preventDestroy = new Map<number, ReadonlySet<string>>();
  for (const [index, facts] of sources) if (facts.preventDestroyAtBase) preventDestroy.set(index, facts.preventDestroyAtBase);
  const rules = Object.values(RULES);
  const evaluated = evaluatePolicy(
    classified,
    inputs.flatMap((input) => input.drift),
    inputs.map((input) => input.file),
    rules,
    config.policy,
    preventDestroy,
  );
  const excepted = applyExceptions(attachBlastRadius(evaluated, inputs), config.exceptions);
  const { findings, fields } = applyApprovals(excepted.findings, classified, inputs, options.files, options);
  return { ...buildReport(inputs, classified, findings, rules, { path: config.path, exceptions: excepted.exceptions }), ...fields };
}
