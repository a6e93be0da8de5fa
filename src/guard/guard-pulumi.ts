// Guarded `pulumi up` and `pulumi destroy`: preview with --json (into a private file), check the preview, and run only
// on pass. Where pulumi can save an update plan, `up` previews with --save-plan and runs `up --plan` of exactly that
// plan (pinned and hashed as a Terraform plan is), so that the update cannot do what the preview did not show; a
// destroy, and an up where pulumi cannot, run with --skip-preview after the check (the stack could change between).
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EXIT_BLOCKED, EXIT_ERROR, EXIT_PASS, InputError } from '../errors.js';
import type { Report } from '../model.js';
import { checkOutput } from './check-output.js';
import { inPrivateDirectory } from '../files/private-directory.js';
import type { GuardCheckOptions, GuardOutcome, GuardRun } from './guard-terraform.js';
import { pinFile } from './pinned-file.js';
import type { PulumiInvocation } from './pulumi-invocation.js';
import { runCapturing, runProcess, runToFile } from './run-process.js';

/**
 * Whether this pulumi saves update plans: `pulumi preview --help` lists --save-plan (pulumi v3.190.0 on, where the flag
 * left its experimental state, and earlier versions with PULUMI_EXPERIMENTAL set, which show it and honour it).
 */
async function savesPlans(invocation: PulumiInvocation, scratch: string): Promise<boolean> {
  const help = join(scratch, 'preview-help.txt');
  const code = await runCapturing(invocation.binary, ['preview', '--help'], help, process.env);
  if (code !== 0) throw new InputError(`\`${basename(invocation.binary)} preview --help\` failed (exit ${code}); nothing was run.`);
  return /(^|\s)--save-plan\b/m.test(readFileSync(help, 'utf8'));
}

/** The preview's environment: the digest, not the stream of events PULUMI_ENABLE_STREAMING_JSON_PREVIEW asks for. */
function previewEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.PULUMI_ENABLE_STREAMING_JSON_PREVIEW;
  return env;
}

export interface CheckedPulumiPreview {
  report: Report;
  /** The plan file the preview saved, when pulumi saves plans (up only). */
  planFile?: string;
}

/** The preview's words as a person names them (`pulumi preview --json`). */
export function previewName(invocation: PulumiInvocation): string {
  const pulumi = basename(invocation.binary);
  return invocation.destroy ? `${pulumi} destroy --preview-only --json` : `${pulumi} preview --json`;
}

/** Runs the preview into `scratch` and checks it; `guard` and `approve -- pulumi …` share it. */
export async function checkPulumiPreview(invocation: PulumiInvocation, scratch: string, checkOptions: GuardCheckOptions): Promise<CheckedPulumiPreview> {
  const planFile = !invocation.destroy && (await savesPlans(invocation, scratch)) ? join(scratch, 'checked.plan.json') : undefined;
  const preview = invocation.destroy
    ? ['destroy', '--preview-only', '--json', ...invocation.previewFlags]
    : ['preview', '--json', ...(planFile === undefined ? [] : ['--save-plan', planFile]), ...invocation.previewFlags];
  const output = join(scratch, 'preview.json');
  const code = await runToFile(invocation.binary, preview, output, previewEnvironment());
  if (code !== 0 && statSync(output).size === 0)
    throw new InputError(`\`${previewName(invocation)}\` failed (exit ${code}) and printed no preview; nothing was run.`);
  // A failed preview prints its digest too, with the error among its diagnostics: the check says what it was.
  const report = await checkOutput(output, 'pulumi-preview', previewName(invocation), checkOptions);
  if (code !== 0) throw new InputError(`\`${previewName(invocation)}\` failed (exit ${code}); nothing was run.`);
  return { report, ...(planFile === undefined ? {} : { planFile }) };
}

/**
 * The plan file is pinned by its descriptor (pinned-file.ts) and hashed before the check and around the run, so that
 * `pulumi up --plan` reads the very plan whose preview was checked.
 */
export async function guardPulumi(invocation: PulumiInvocation, run: GuardRun): Promise<GuardOutcome> {
  const { printReport, checkOptions = {} } = run;
  const name = `${basename(invocation.binary)} ${invocation.subcommand}`;
  return inPrivateDirectory('guard', async (scratch) => {
    const { report, planFile } = await checkPulumiPreview(invocation, scratch, checkOptions);
    const plan = planFile === undefined ? undefined : pinFile(planFile);
    try {
      const checkedDigest = plan?.digest();
      printReport(report);
      if (report.verdict === 'block') return { exitCode: EXIT_BLOCKED, report, summary: `blast-radius blocked the change; \`${name}\` was not run.` };
      if (run.confirmApply && !invocation.autoApprove && !(await run.confirmApply(invocation.destroy))) {
        return { exitCode: EXIT_BLOCKED, report, summary: `Cancelled; \`${name}\` was not run.` };
      }
      if (plan && plan.digest() !== checkedDigest) throw new InputError('The update plan changed between the check and the update; nothing was run.');
      const args = [invocation.subcommand, '--yes', '--skip-preview', ...(plan ? ['--plan', plan.path] : []), ...invocation.runFlags];
      const ran = await runProcess(invocation.binary, args, run.toolOutput);
      if (plan && plan.digest() !== checkedDigest)
        throw new InputError('The update plan was changed while pulumi ran it: what was updated may not be the plan blast-radius checked.');
      if (ran !== 0) return { exitCode: EXIT_ERROR, toolExitCode: ran, report, summary: `\`${name}\` after the check failed (exit ${ran}).` };
      const how = plan
        ? 'constrained to the update plan of the preview blast-radius checked'
        : `after blast-radius checked its preview (${invocation.destroy ? 'pulumi saves no plan of a destroy' : 'this pulumi saves no update plan'}, so the stack could have changed in between)`;
      return { exitCode: EXIT_PASS, toolExitCode: 0, report, summary: `Ran \`${name}\` ${how}.` };
    } finally {
      plan?.close();
    }
  });
}
