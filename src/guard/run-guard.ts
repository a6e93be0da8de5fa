// Runs one guarded command line, whichever tool it names: terraform or tofu (plan, check, apply the checked plan),
// kubectl or oc, helm (check the preview, then run the command), pulumi (preview, check, up with the checked plan),
// aws cloudformation and cdk (make or name a change set, check it, execute exactly it). `guard` and the shims both start here.
import { homedir } from 'node:os';
import { useApproval } from '../approvals/store.js';
import { findRealTool } from '../shims/find-real-tool.js';
import { parseKubernetesCommand, requireGuardedTool } from './guarded-command.js';
import type { GuardOutcome, GuardRun } from './guard-terraform.js';
import { shimDirectory } from '../state-paths.js';

/** The program named by its name alone is looked up past the shims: guard's own runs must not come back to guard. */
function pastTheShims(words: string[], env: NodeJS.ProcessEnv): string[] {
  const [program = '', ...rest] = words;
  if (program.includes('/')) return words;
  return [realTool(program, env), ...rest];
}

function realTool(program: string, env: NodeJS.ProcessEnv): string {
  return findRealTool(program, env.PATH, shimDirectory(env, homedir())) ?? program;
}

export async function runGuard(named: string[], run: GuardRun, env: NodeJS.ProcessEnv = process.env): Promise<GuardOutcome> {
  const outcome = await runTool(pastTheShims(named, env), run, env);
  // An approval is for one run: the run that applied it uses it up (`check` only reports it).
  const approval = outcome.report?.approval;
  if (outcome.toolExitCode !== undefined && approval?.status === 'honoured' && run.checkOptions?.approvalsFile !== undefined)
    useApproval(run.checkOptions.approvalsFile, approval.fingerprint);
  return outcome;
}

async function runTool(words: string[], run: GuardRun, env: NodeJS.ProcessEnv): Promise<GuardOutcome> {
  const tool = requireGuardedTool(words);
  if (tool === 'terraform') {
    const [{ guardTerraform }, { parseTerraformInvocation }] = await Promise.all([import('./guard-terraform.js'), import('./terraform-invocation.js')]);
    return guardTerraform(parseTerraformInvocation(words), run);
  }
  if (tool === 'pulumi') {
    const [{ guardPulumi }, { parsePulumiInvocation }] = await Promise.all([import('./guard-pulumi.js'), import('./pulumi-invocation.js')]);
    return guardPulumi(parsePulumiInvocation(words), run);
  }
  if (tool === 'aws' || tool === 'cdk') {
    const [{ guardChangeSet }, { parseChangeSetInvocation }] = await Promise.all([import('./guard-change-set.js'), import('./change-set-invocation.js')]);
    // cdk's change set is described and executed with the AWS CLI, found past the shims too.
    return guardChangeSet(parseChangeSetInvocation(words, tool, realTool('aws', env)), run);
  }
  const { guardKubernetes } = await import('./guard-kubernetes.js');
  return guardKubernetes(await parseKubernetesCommand(words, tool), run);
}
