// Guarded apply for Terraform and OpenTofu: plan into a private file, check that plan, and apply exactly that file
// (its digest verified between check and apply) only when nothing protected would be destroyed.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApprovalOptions } from '../approvals/apply-approvals.js';
import { check } from '../check.js';
import { EXIT_BLOCKED, EXIT_ERROR, EXIT_PASS, InputError } from '../errors.js';
import type { Report } from '../model.js';
import { fileDigest } from './file-digest.js';
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

/** How one guarded run reports and runs: shared by `guard` and the shims. */
export interface GuardRun {
  printReport(report: Report): void;
  approvals?: ApprovalOptions;
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
export function checkPlan(invocation: TerraformInvocation, planFile: string, approvals: ApprovalOptions): Promise<Report> {
  return check({ files: [planFile], terraformBin: invocation.binary, terraformArgs: invocation.globalArgs, ...approvals });
}

/** A directory only this process can use (mode 0700, outside the project), removed afterwards whatever happens. */
export async function inPrivateDirectory<T>(use: (directory: string) => Promise<T>): Promise<T> {
  const scratch = mkdtempSync(join(tmpdir(), 'blast-radius-guard-'));
  try {
    return await use(scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The plan file lives in a private directory, is hashed before the check reads it, and again right before apply:
 * a plan swapped in between is refused, never applied. An approval of the plan's fingerprint lets a blocked plan pass.
 */
export async function guardTerraform(invocation: TerraformInvocation, run: GuardRun): Promise<GuardOutcome> {
  const { printReport, approvals = {} } = run;
  return inPrivateDirectory(async (scratch) => {
    const planFile = join(scratch, 'checked.tfplan');
    const { binary, globalArgs } = invocation;
    const failed = await makePlan(invocation, planFile);
    if (failed) return failed;
    const checkedDigest = fileDigest(planFile);
    const report = await checkPlan(invocation, planFile, approvals);
    printReport(report);
    if (report.verdict === 'block') {
      return { exitCode: EXIT_BLOCKED, report, summary: 'blast-radius blocked the plan; nothing was applied.' };
    }
    if (fileDigest(planFile) !== checkedDigest) {
      throw new InputError('The plan file changed between the check and the apply; nothing was applied.');
    }
    if (run.confirmApply && !invocation.autoApprove && !(await run.confirmApply(invocation.destroy))) {
      return { exitCode: EXIT_BLOCKED, report, summary: 'Apply cancelled; nothing was applied.' };
    }
    const applied = await runProcess(binary, [...globalArgs, 'apply', '-input=false', ...invocation.applyArgs, planFile], run.toolOutput);
    if (applied !== 0) return { exitCode: EXIT_ERROR, toolExitCode: applied, report, summary: `\`${binary} apply\` of the checked plan failed (exit ${applied}).` };
    return { exitCode: EXIT_PASS, toolExitCode: 0, report, summary: 'Applied exactly the plan blast-radius checked.' };
  });
}
