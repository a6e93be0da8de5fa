// Guarded apply for Terraform and OpenTofu: plan into a private file, check that plan, and apply exactly that file
// (its digest verified between check and apply) only when nothing protected would be destroyed.
import { copyFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ApprovalOptions } from '../approvals/apply-approvals.js';
import { check } from '../check.js';
import { EXIT_BLOCKED, EXIT_ERROR, EXIT_PASS, InputError } from '../errors.js';
import type { Report } from '../model.js';
import { inPrivateDirectory } from '../files/private-directory.js';
import { hasTerraformFiles } from '../terraform-source/has-terraform-files.js';
import { runByGuard, withInputName } from './named-input.js';
import { pinFile } from './pinned-file.js';
import { runProcess } from './run-process.js';
import type { TerraformInvocation } from './terraform-invocation.js';

export interface GuardOutcome {
  exitCode: number;
  /** The exit code of the guarded tool's own run, when it ran (a shim exits with it). */
  toolExitCode?: number;
  /** The report of the checked plan, when the run got that far. */
  report?: Report;
  /** One sentence on what happened, for stderr. */
  summary: string;
}

/** What a guarded run's check reads besides the preview: the approvals, and the configuration `guard --config` names. */
export interface GuardCheckOptions extends ApprovalOptions {
  /** The configuration file (default: the nearest `.blast-radius.yml`, as `check` finds it). */
  config?: string;
}

/** How one guarded run reports and runs: shared by `guard` and the shims. */
export interface GuardRun {
  printReport: (report: Report) => void;
  checkOptions?: GuardCheckOptions;
  /** Where the tool's own standard output goes (default stderr: `guard`'s stdout is the report). */
  toolOutput?: 'stdout' | 'stderr';
  /** Asked, as Terraform asks, before applying a plan given without -auto-approve; absent: applied without asking. */
  confirmApply?(destroy: boolean): Promise<boolean>;
}

/**
 * Plans into `planFile` (or copies the saved plan there); returns the outcome when planning failed. `guard` and
 * `approve -- terraform …` share it, so that both judge the very plan Terraform would apply.
 */
export async function makePlan(invocation: TerraformInvocation, planFile: string): Promise<GuardOutcome | undefined> {
  const { binary, globalArgs } = invocation;
  if (invocation.savedPlan !== undefined) {
    copyFileSync(invocation.savedPlan, planFile);
    return undefined;
  }
  const planArgs = [...globalArgs, 'plan', '-input=false', `-out=${planFile}`, ...(invocation.destroy ? ['-destroy'] : []), ...invocation.planArgs];
  const planned = await runProcess(binary, planArgs);
  return planned === 0 ? undefined : { exitCode: EXIT_ERROR, summary: `\`${binary} plan\` failed (exit ${planned}); nothing was applied.` };
}

/** Checks the plan file the way `terraform show` in the invocation's directory reads it. */
/** The directory terraform plans in (`-chdir=DIR`, else the working directory), when it holds the .tf sources. */
function sourceDirectory(invocation: TerraformInvocation): { tfDir?: string } {
  const chdir = invocation.globalArgs.find((arg) => arg.startsWith('-chdir='))?.slice('-chdir='.length);
  const directory = resolve(chdir ?? '.');
  return hasTerraformFiles(directory) ? { tfDir: directory } : {};
}

/** The plan as the person knows it: their saved plan file, or the plan command guard ran for them. */
function planName(invocation: TerraformInvocation): string {
  if (invocation.savedPlan !== undefined) return invocation.savedPlan;
  return runByGuard([basename(invocation.binary), ...invocation.globalArgs, 'plan', ...(invocation.destroy ? ['-destroy'] : [])].join(' '));
}

/** Checks the plan guard made, with the .tf sources it was planned from as evidence (as `check --tf-dir` reads them). */
export async function checkPlan(invocation: TerraformInvocation, planFile: string, options: GuardCheckOptions): Promise<Report> {
  const report = await check({
    files: [planFile],
    terraformBin: invocation.binary,
    terraformArgs: invocation.globalArgs,
    ...sourceDirectory(invocation),
    ...options,
  });
  return withInputName(report, planFile, planName(invocation));
}

/**
 * The plan file lives in a private directory and is pinned by its descriptor (pinned-file.ts): the check and the apply
 * read the same opened file, never a name someone could rename another plan over. It is hashed before the check and
 * again right before and after the apply. An approval of the plan's fingerprint lets a blocked plan pass.
 */
export async function guardTerraform(invocation: TerraformInvocation, run: GuardRun): Promise<GuardOutcome> {
  const { printReport, checkOptions = {} } = run;
  return inPrivateDirectory('guard', async (scratch) => {
    const { binary, globalArgs } = invocation;
    const failed = await makePlan(invocation, join(scratch, 'checked.tfplan'));
    if (failed) return failed;
    const plan = pinFile(join(scratch, 'checked.tfplan'));
    try {
      const checkedDigest = plan.digest();
      const report = await checkPlan(invocation, plan.path, checkOptions);
      printReport(report);
      if (report.verdict === 'block') {
        return { exitCode: EXIT_BLOCKED, report, summary: 'blast-radius blocked the plan; nothing was applied.' };
      }
      if (run.confirmApply && !invocation.autoApprove && !(await run.confirmApply(invocation.destroy))) {
        return { exitCode: EXIT_BLOCKED, report, summary: 'Apply cancelled; nothing was applied.' };
      }
      if (plan.digest() !== checkedDigest) throw new InputError('The plan file changed between the check and the apply; nothing was applied.');
      const applied = await runProcess(binary, [...globalArgs, 'apply', '-input=false', ...invocation.applyArgs, plan.path], run.toolOutput);
      // Only a writer holding the same open file could have changed it: say so, even though it is too late to stop.
      if (plan.digest() !== checkedDigest)
        throw new InputError('The plan file was changed while terraform applied it: what was applied may not be the plan blast-radius checked.');
      if (applied !== 0)
        return { exitCode: EXIT_ERROR, toolExitCode: applied, report, summary: `\`${binary} apply\` of the checked plan failed (exit ${applied}).` };
      return { exitCode: EXIT_PASS, toolExitCode: 0, report, summary: 'Applied exactly the plan blast-radius checked.' };
    } finally {
      plan.close();
    }
  });
}
