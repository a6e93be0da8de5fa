// Runs one guarded command line, whichever tool it names: terraform or tofu (plan, check, apply the checked plan),
// kubectl or oc, helm (check the preview, then run the command). `guard` and the shims both start here.
import { parseKubernetesCommand, requireGuardedTool } from './guarded-command.js';
import type { GuardOutcome, GuardRun } from './guard-terraform.js';

export async function runGuard(words: string[], run: GuardRun): Promise<GuardOutcome> {
  const tool = requireGuardedTool(words);
  if (tool === 'terraform') {
    const [{ guardTerraform }, { parseTerraformInvocation }] = await Promise.all([import('./guard-terraform.js'), import('./terraform-invocation.js')]);
    return guardTerraform(parseTerraformInvocation(words), run);
  }
  const { guardKubernetes } = await import('./guard-kubernetes.js');
  return guardKubernetes(await parseKubernetesCommand(words, tool), run);
}
