// Runs one guarded command line, whichever tool it names: terraform or tofu (plan, check, apply the checked plan),
// kubectl or oc, helm (check the preview, then run the command). `guard` and the shims both start here.
import { homedir } from 'node:os';
import { findRealTool } from '../shims/find-real-tool.js';
import { shimDirectory } from '../shims/data-directory.js';
import { parseKubernetesCommand, requireGuardedTool } from './guarded-command.js';
import type { GuardOutcome, GuardRun } from './guard-terraform.js';

/** The program named by its name alone is looked up past the shims: guard's own runs must not come back to guard. */
function pastTheShims(words: string[], env: NodeJS.ProcessEnv): string[] {
  const [program = '', ...rest] = words;
  if (program.includes('/')) return words;
  return [findRealTool(program, env.PATH, shimDirectory(env, homedir())) ?? program, ...rest];
}

export async function runGuard(named: string[], run: GuardRun, env: NodeJS.ProcessEnv = process.env): Promise<GuardOutcome> {
  const tool = requireGuardedTool(named);
  const words = pastTheShims(named, env);
  if (tool === 'terraform') {
    const [{ guardTerraform }, { parseTerraformInvocation }] = await Promise.all([import('./guard-terraform.js'), import('./terraform-invocation.js')]);
    return guardTerraform(parseTerraformInvocation(words), run);
  }
  const { guardKubernetes } = await import('./guard-kubernetes.js');
  return guardKubernetes(await parseKubernetesCommand(words, tool), run);
}
