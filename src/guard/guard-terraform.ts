// Guarded apply for Terraform and OpenTofu: plan into a private file, check that plan, and apply exactly that file
// (its digest verified between check and apply) only when nothing protected would be destroyed.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../check.js';
import { EXIT_BLOCKED, EXIT_ERROR, EXIT_PASS, InputError } from '../errors.js';
import type { Report } from '../model.js';
import { fileDigest } from './file-digest.js';
import { runProcess } from './run-process.js';
import type { TerraformInvocation } from './terraform-invocation.js';

export interface GuardOutcome {
  exitCode: number;
  /** The report of the checked plan, when the run got that far. */
  report?: Report;
  /** One sentence on what happened, for stderr. */
  summary: string;
}

/**
 * The plan file lives in a directory only this process created (mode 0700, outside the project), is hashed
 * before the check reads it, and again right before apply: a plan swapped in between is refused, never applied.
 */
export async function guardTerraform(invocation: TerraformInvocation, printReport: (report: Report) => void): Promise<GuardOutcome> {
  const scratch = mkdtempSync(join(tmpdir(), 'blast-radius-guard-'));
  const planFile = join(scratch, 'checked.tfplan');
  const { binary, globalArgs } = invocation;
  try {
    if (invocation.savedPlan !== undefined) {
      copyFileSync(invocation.savedPlan, planFile);
    } else {
      const planArgs = [...globalArgs, 'plan', '-input=false', `-out=${planFile}`, ...(invocation.destroy ? ['-destroy'] : []), ...invocation.planArgs];
      const planned = await runProcess(binary, planArgs);
      if (planned !== 0) return { exitCode: EXIT_ERROR, summary: `\`${binary} plan\` failed (exit ${planned}); nothing was applied.` };
    }
    const checkedDigest = fileDigest(planFile);
    const report = await check({ files: [planFile], terraformBin: binary, terraformArgs: globalArgs });
    printReport(report);
    if (report.verdict === 'block') {
      return { exitCode: EXIT_BLOCKED, report, summary: 'blast-radius blocked the plan; nothing was applied.' };
    }
    if (fileDigest(planFile) !== checkedDigest) {
      throw new InputError('The plan file changed between the check and the apply; nothing was applied.');
    }
    const applied = await runProcess(binary, [...globalArgs, 'apply', '-input=false', ...invocation.applyArgs, planFile]);
    if (applied !== 0) return { exitCode: EXIT_ERROR, report, summary: `\`${binary} apply\` of the checked plan failed (exit ${applied}).` };
    return { exitCode: EXIT_PASS, report, summary: 'Applied exactly the plan blast-radius checked.' };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
