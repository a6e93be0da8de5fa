// The library entry: checks the given inputs under the configuration and returns the Report (no printing, no exit).
import type { AnalyzedInput, ClassifiedChange, Report } from './model.js';
import type { CompiledConfig } from './config/compiled-config.js';
import { homedir } from 'node:os';
import { applyApprovals, type ApprovalOptions } from './approvals/apply-approvals.js';
import { dirname, resolve } from 'node:path';
import { loadConfig } from './config/load-config.js';
import { UsageError } from './errors.js';
import { environmentClassifier, type ClassifierInputs } from './environment/classify.js';
import { inheritEnvironments } from './environment/inherit-environment.js';
import { INPUT_FORMATS } from './formats/index.js';
import { loadInput, type LoadOptions } from './formats/load-input.js';
import { applyExceptions } from './policy/apply-exceptions.js';
import { attachBlastRadius } from './policy/attach-blast-radius.js';
import { evaluatePolicy } from './policy/evaluate.js';
import { goesToKubeContext, readsSources } from './platforms/index.js';
import { RULES } from './policy/rules/index.js';
import { buildReport } from './report.js';
import { hasTerraformFiles } from './terraform-source/has-terraform-files.js';
import type { SourceEvidence } from './terraform-source/source-evidence.js';
import type { StateStorage } from './terraform-source/state-storage.js';
import type { KubeReading } from './analyzers/kubernetes/kube-change.js';
import type { ClusterLookup } from './analyzers/kubernetes/live/cluster-lookup.js';

export interface CheckOptions extends LoadOptions, ApprovalOptions {
  /** Paths of inputs (plans, Kubernetes diff or dry-run output); `-` reads standard input (at most once). */
  files: string[];
  /** Files of Kubernetes objects that will be deleted (`kubectl get -o yaml`, `helm get manifest`). */
  deleting?: string[];
  /** The Kubernetes context the Kubernetes inputs go to (default: kubectl's current context, when one is set). */
  context?: string;
  /**
   * Ask the live cluster (read-only) what Kubernetes deletions take with them, from this kubeconfig (default:
   * kubectl's); false: do not, whatever the configuration says (default: as the configuration's kubernetes.cluster).
   */
  cluster?: { kubeconfig?: string } | false;
  /** A configuration file; by default the nearest .blast-radius.yml above the working directory, up to the repository root or home. */
  config?: string;
  /** An already loaded configuration (takes precedence over `config`). */
  compiledConfig?: CompiledConfig;
  /** Terraform source directory read for evidence (default: a plan file's own directory when it holds .tf files). */
  tfDir?: string;
  /** A git revision (the PR's base): resources whose block had prevent_destroy = true there may not be destroyed. */
  tfBase?: string;
}

/** What the environment classifier reads beside an input, as its platform says: the kube contexts, the .tf sources, or nothing. */
export function evidenceBeside(input: AnalyzedInput, contexts: string[], source: SourceEvidence | undefined): ClassifierInputs {
  if (goesToKubeContext(input.platform)) return { contexts };
  return readsSources(input.platform) && source ? { source } : {};
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
  state: StateStorage;
  preventDestroyAtBase?: Set<string>;
}

/** Reads the .tf sources (and the base revision) once per directory; hcl2json is loaded only when there are any. */
async function readSources(directory: string, base: string | undefined): Promise<SourceFacts> {
  const { readTerraformDir } = await import('./terraform-source/read-terraform-dir.js');
  const facts: SourceFacts = await readTerraformDir(directory);
  if (base !== undefined) {
    const { preventDestroyAtBase } = await import('./terraform-source/prevent-destroy-at-base.js');
    facts.preventDestroyAtBase = await preventDestroyAtBase(directory, base);
  }
  return facts;
}

/** The Terraform source evidence for a plan file (from --tf-dir, else .tf files beside it), as check reads it. */
export async function sourceEvidence(file: string, options: CheckOptions): Promise<SourceEvidence | undefined> {
  const directory = sourceDirectory(file, options);
  return directory === undefined ? undefined : (await readSources(directory, undefined)).evidence;
}

function checkFileList(files: string[], deleting: string[] = []): void {
  if (files.length === 0 && deleting.length === 0)
    throw new UsageError('Name at least one input to check: a plan file or Kubernetes output (- reads standard input), or --deleting FILE.');
  if ([...files, ...deleting].filter((f) => f === '-').length > 1) throw new UsageError('Standard input (-) can be read only once.');
}

/** With --cluster, Kubernetes inputs are analyzed with what the live cluster adds; the connection is made once, when first needed. */
function withCluster(options: CheckOptions): CheckOptions {
  const { cluster } = options;
  if (cluster === undefined || cluster === false) return options;
  let connected: Promise<ClusterLookup> | undefined;
  const analyzeKubernetes = async (reading: KubeReading, name: string, input: number): Promise<AnalyzedInput> => {
    const [{ connectCluster }, { enrichFromCluster }, analyzer] = await Promise.all([
      import('./analyzers/kubernetes/live/connect-cluster.js'),
      import('./analyzers/kubernetes/live/enrich-from-cluster.js'),
      import('./analyzers/kubernetes/analyze-kubernetes.js'),
    ]);
    connected ??= connectCluster({ ...cluster, ...(options.context === undefined ? {} : { context: options.context }) });
    const enriched = await enrichFromCluster(reading, await connected);
    const quiet = options.quietChanges ?? 'count';
    return analyzer.analyzeKubernetes(enriched.reading, name, input, { liveObjects: enriched.liveObjects, quietChanges: quiet });
  };
  return { ...options, analyzeKubernetes };
}

/** Every input as loadInput reads it: the files in their detected (or given) format, then the objects to delete. */
function inputList(given: CheckOptions): { file: string; options: LoadOptions }[] {
  const options = withCluster(given);
  return [
    ...options.files.map((file) => ({ file, options })),
    ...(options.deleting ?? []).map((file) => ({ file, options: { ...options, inputFormat: 'kubernetes-objects' as const } })),
  ];
}

/** Reads every input; a stream of plans in one file gives one analyzed input per plan, numbered from `firstIndex`. */
export async function analyzeInputs(options: CheckOptions, firstIndex = 0): Promise<AnalyzedInput[]> {
  checkFileList(options.files, options.deleting);
  const inputs: AnalyzedInput[] = [];
  for (const input of inputList(options)) inputs.push(...(await loadInput(input.file, firstIndex + inputs.length, input.options)));
  return inputs;
}

/** The context (and its cluster) Kubernetes inputs go to: --context, else kubectl's current one, else none. */
export async function kubernetesContexts(options: Pick<CheckOptions, 'context'>): Promise<string[]> {
  if (options.context !== undefined) return [options.context];
  const { currentKubeContext } = await import('./credentials/kubernetes.js');
  const current = currentKubeContext(process.env, homedir());
  return current ? [current.context, ...(current.cluster === undefined ? [] : [current.cluster])] : [];
}

export async function check(options: CheckOptions): Promise<Report> {
  checkFileList(options.files, options.deleting);
  const config = options.compiledConfig ?? (await loadConfig(options.config));
  const list = inputList(options.cluster === undefined && config.cluster ? { ...options, cluster: config.cluster } : options);
  const directories = list.map(({ file, options: given }) =>
    given.inputFormat !== undefined && !readsSources(INPUT_FORMATS[given.inputFormat].platform) ? undefined : sourceDirectory(file, options),
  );
  if (options.tfBase !== undefined && directories.every((directory) => directory === undefined)) {
    throw new UsageError('--tf-base needs the Terraform sources: pass --tf-dir, or keep the plan file beside its .tf files.');
  }
  const inputs: AnalyzedInput[] = [];
  const sources = new Map<number, SourceFacts>();
  const byDirectory = new Map<string, SourceFacts>();
  for (const [i, { file, options: given }] of list.entries()) {
    const loaded = await loadInput(file, inputs.length, { quietChanges: 'count', ...given });
    const directory = loaded.some((input) => !readsSources(input.platform)) ? undefined : directories[i];
    if (directory !== undefined) {
      if (!byDirectory.has(directory)) byDirectory.set(directory, await readSources(directory, options.tfBase));
      loaded.forEach((_input, i) => sources.set(inputs.length + i, byDirectory.get(directory) as SourceFacts));
    }
    inputs.push(...loaded);
  }
  const contexts = inputs.some((input) => goesToKubeContext(input.platform)) ? await kubernetesContexts(options) : [];
  const classified: ClassifiedChange[] = inheritEnvironments(
    inputs.flatMap((input, index) => {
      const { classify } = environmentClassifier(input.variables, config, evidenceBeside(input, contexts, sources.get(index)?.evidence));
      return input.changes.map((change) => ({ change, environment: classify(change) }));
    }),
    inputs,
  );
  const preventDestroy = new Map<number, ReadonlySet<string>>();
  for (const [index, facts] of sources) if (facts.preventDestroyAtBase) preventDestroy.set(index, facts.preventDestroyAtBase);
  const stateStorage = new Map([...sources].map(([index, facts]) => [index, facts.state]));
  const rules = Object.values(RULES);
  const evaluated = evaluatePolicy(
    classified,
    inputs.flatMap((input) => input.drift),
    inputs,
    rules,
    config.ruleSettings,
    preventDestroy,
    stateStorage,
  );
  const excepted = applyExceptions(attachBlastRadius(evaluated, inputs), config.exceptions);
  const { findings, fields } = applyApprovals(excepted.findings, classified, inputs, options.files, { ...options, kubeContexts: contexts });
  return { ...buildReport(inputs, classified, findings, rules, { path: config.path, exceptions: excepted.exceptions }), ...fields };
}
