// Guarded kubectl and helm commands: run the preview (kubectl diff, the server dry run, helm diff, helm get manifest)
// with its output and errors captured together, check it, and run the user's command, once, only on pass; the local
// manifests, charts and values files are hashed before the check and verified before the command runs.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { EXIT_BLOCKED, EXIT_ERROR, EXIT_PASS, InputError, isUserError } from '../errors.js';
import type { Report } from '../model.js';
import { pathsDigest } from './file-digest.js';
import { runByGuard, withInputName } from './named-input.js';
import { inPrivateDirectory } from '../files/private-directory.js';
import type { GuardCheckOptions, GuardOutcome, GuardRun } from './guard-terraform.js';
import type { KubernetesInvocation } from './kubernetes-invocation.js';
import { runCapturing, runProcess } from './run-process.js';

/** What cobra prints when helm has no `diff` command: the helm-diff plugin is not installed. */
const NO_DIFF_PLUGIN = /unknown command "diff" for "helm"/;

/** The preview's checked report; none when the preview shows no change at all (empty output). */
export interface CheckedPreview {
  report?: Report;
}

/** The context the command reaches, as `check` judges it: the named one, else the current one of its kubeconfig. */
async function targetContext(invocation: KubernetesInvocation): Promise<string | undefined> {
  const named = invocation.context ?? (invocation.tool === 'helm' ? process.env.HELM_KUBECONTEXT || undefined : undefined);
  if (named !== undefined || invocation.kubeconfig === undefined) return named;
  const { currentKubeContext } = await import('../credentials/kubernetes.js');
  // Another kubeconfig than the one check reads by default: its current context, or none.
  return currentKubeContext({ ...process.env, KUBECONFIG: invocation.kubeconfig }, homedir())?.context ?? '';
}

/** The preview's environment: the default diff program, whose unified output the kubectl-diff reader reads. */
function previewEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.KUBECTL_EXTERNAL_DIFF;
  return env;
}

/** True when some line starts an error kubectl prints (which the readers turn into unjudged objects or replaces). */
async function printsKubectlError(output: string): Promise<boolean> {
  const [{ readKubectlError }, { outputLines }] = await Promise.all([
    import('../analyzers/kubernetes/kubectl-errors.js'),
    import('../analyzers/kubernetes/tool-output-lines.js'),
  ]);
  const lines = outputLines(output);
  return lines.some((_line, index) => readKubectlError(lines, index) !== undefined);
}

/** Lines of a diff body (`+`, `-`, context, hunk and file headers): never echoed, they may hold a Secret's values. */
const DIFF_BODY_LINE = /^(?:[-+ @]|diff |Only in )/;
/** How many of a failed preview's other lines are echoed. */
const ECHOED_LINES = 20;

/** Echoes what a failed preview said (its diff bodies left out), then the error that stops the run. */
function failed(invocation: KubernetesInvocation, code: number, output: string): InputError {
  const said = output.split(/\r?\n/).filter((line) => line.trim() !== '' && !DIFF_BODY_LINE.test(line));
  for (const line of said.slice(-ECHOED_LINES)) process.stderr.write(`${line}\n`);
  return new InputError(`\`${invocation.previewName}\` failed (exit ${code}) without an error blast-radius could judge; nothing was run.`);
}

/**
 * Runs the preview in `scratch` and checks what it prints. A kubectl preview that failed is judged by the errors it
 * printed (objects that could not be judged, which block, or immutable-field rejections, which are replaces); one that
 * failed without printing any kubectl error, and any failed helm preview, is an InputError: nothing is run.
 */
export async function checkPreview(invocation: KubernetesInvocation, scratch: string, checkOptions: GuardCheckOptions): Promise<CheckedPreview> {
  const outputFile = join(scratch, `${invocation.previewName.split(' ').slice(0, 2).join('-')}.txt`);
  const code = await runCapturing(invocation.binary, invocation.previewArgs, outputFile, previewEnvironment());
  const output = readFileSync(outputFile, 'utf8');
  const worked = invocation.previewExitCodes.includes(code);
  if (invocation.tool === 'helm' && NO_DIFF_PLUGIN.test(output)) {
    throw new InputError(
      '`helm diff` is not installed: install the helm-diff plugin (helm plugin install https://github.com/databus23/helm-diff) so that the upgrade can be checked; nothing was run.',
    );
  }
  if (worked && output.trim() === '') return {};
  // helm prints its errors as prose, not objects: a failed helm preview cannot be judged; a failed kubectl one only by its errors.
  if (!worked && (invocation.tool === 'helm' || !(await printsKubectlError(output)))) throw failed(invocation, code, output);
  const context = await targetContext(invocation);
  const { check } = await import('../check.js');
  const options = { ...checkOptions, ...(context === undefined ? {} : { context }) };
  let report: Report;
  try {
    report = await (invocation.inputFormat === 'kubernetes-objects'
      ? check({ ...options, files: [], deleting: [outputFile] })
      : check({ ...options, files: [outputFile], inputFormat: invocation.inputFormat }));
  } catch (error) {
    if (!isUserError(error)) throw error;
    if (!worked) throw failed(invocation, code, output);
    const reason = error.message.replaceAll(`${outputFile}: `, '').replaceAll(outputFile, 'it').replace(/\.$/, '');
    throw new InputError(`The output of \`${invocation.previewName}\` could not be read (${reason}); nothing was run.`);
  }
  return { report: withInputName(report, outputFile, runByGuard(invocation.previewName)) };
}

export async function guardKubernetes(invocation: KubernetesInvocation, run: GuardRun): Promise<GuardOutcome> {
  const { printReport, checkOptions = {} } = run;
  const name = `${basename(invocation.binary)} ${invocation.subcommand}`;
  const checkedDigest = pathsDigest(invocation.localInputs);
  const { report } = await inPrivateDirectory('guard', (scratch) => checkPreview(invocation, scratch, checkOptions));
  if (report) printReport(report);
  if (report?.verdict === 'block') {
    return { exitCode: EXIT_BLOCKED, report, summary: `blast-radius blocked the change; \`${name}\` was not run.` };
  }
  if (pathsDigest(invocation.localInputs) !== checkedDigest) {
    throw new InputError(`The files \`${name}\` reads (${invocation.localInputs.join(', ')}) changed between the check and the run; nothing was run.`);
  }
  const ran = await runProcess(invocation.binary, invocation.args, run.toolOutput);
  const checked = report ? 'checked by blast-radius' : `shown by \`${invocation.previewName}\` as no change`;
  if (ran !== 0) return { exitCode: EXIT_ERROR, toolExitCode: ran, ...(report ? { report } : {}), summary: `\`${name}\` (${checked}) failed (exit ${ran}).` };
  return { exitCode: EXIT_PASS, toolExitCode: 0, ...(report ? { report } : {}), summary: `Ran \`${name}\` after its change was ${checked}.` };
}
