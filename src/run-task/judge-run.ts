// Judges one run task request: downloads the run's JSON plan to a private temporary directory, checks it under the
// server's configuration, and says the task result; whatever goes wrong is a failed result with one sentence.
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { check } from '../check.js';
import type { CompiledConfig } from '../config/compiled-config.js';
import { isUserError } from '../errors.js';
import { inPrivateDirectory } from '../files/private-directory.js';
import { isZipArchive } from '../inputs/is-zip-archive.js';
import { downloadPlan, PlanDownloadError } from './download-plan.js';
import { PLAN_STAGES, type TaskRequest } from './task-request.js';
import { failureResult, reportResult, type TaskResult } from './task-result.js';

export interface JudgeOptions {
  compiledConfig: CompiledConfig;
  maxPlanBytes: number;
  /** Where an internal error's details go (the server log), as they do not belong in the task result. */
  log: (line: string) => void;
}

async function startsAsZip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return isZipArchive(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

async function checkPlan(request: TaskRequest & { planUrl: string }, file: string, options: JudgeOptions): Promise<TaskResult> {
  await downloadPlan(request.planUrl, request.accessToken, options.maxPlanBytes, file);
  // plan_json_api_url serves `terraform show -json` output; a binary plan here would make the check run terraform.
  if (await startsAsZip(file)) return failureResult('plan_json_api_url gave a binary plan, not the JSON plan it serves.');
  // No approvals: they are a person's decision at their own terminal, and a server has none.
  return reportResult(await check({ files: [file], compiledConfig: options.compiledConfig }), request.acceptsOutcomes);
}

export async function judgeRun(request: TaskRequest, options: JudgeOptions): Promise<TaskResult> {
  const { planUrl } = request;
  if (!PLAN_STAGES.has(request.stage) || planUrl === undefined) {
    return failureResult(`the ${request.stage} stage has no plan to read; attach the run task at the post_plan or pre_apply stage.`);
  }
  return inPrivateDirectory('run-task', async (directory) => {
    const file = join(directory, 'plan.json');
    try {
      return await checkPlan({ ...request, planUrl }, file, options);
    } catch (error) {
      if (error instanceof PlanDownloadError) return failureResult(error.message);
      // The file's temporary path means nothing to whoever reads the result: it is the run's plan.
      if (isUserError(error)) return failureResult(error.message.split(file).join(`the plan of ${request.runId}`));
      options.log(`${request.runId}: internal error: ${(error as Error)?.message ?? String(error)}`);
      return failureResult('an internal error stopped the check (the server log says which).');
    }
  });
}
