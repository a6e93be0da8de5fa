// Tells which guarded run a command line asks for, by its program: terraform or tofu, kubectl or oc, helm, pulumi,
// aws (CloudFormation), cdk; refuses everything else with one sentence saying what `guard` runs.
import { UsageError } from '../errors.js';
import { GUARDED_COMMANDS, type KubernetesInvocation } from './kubernetes-invocation.js';

export type GuardedTool = 'terraform' | 'kubectl' | 'helm' | 'pulumi' | 'aws' | 'cdk';

const TOOLS: Record<string, GuardedTool> = {
  terraform: 'terraform',
  tofu: 'terraform',
  kubectl: 'kubectl',
  oc: 'kubectl',
  helm: 'helm',
  pulumi: 'pulumi',
  aws: 'aws',
  cdk: 'cdk',
};

/** The tool the words run, by the program's name (a path to it is fine); undefined for any other program. */
export function guardedToolOf(words: readonly string[]): GuardedTool | undefined {
  const program = words[0] ?? '';
  const name = program.slice(program.lastIndexOf('/') + 1);
  return Object.hasOwn(TOOLS, name) ? TOOLS[name] : undefined;
}

export function requireGuardedTool(words: readonly string[]): GuardedTool {
  const tool = guardedToolOf(words);
  if (tool === undefined) throw new UsageError(`blast-radius guard runs ${GUARDED_COMMANDS}; "${words[0] ?? ''}" is not one of them.`);
  return tool;
}

/** The guarded run of a kubectl or helm command line; its parser is loaded only when needed. */
export async function parseKubernetesCommand(words: string[], tool: 'kubectl' | 'helm'): Promise<KubernetesInvocation> {
  if (tool === 'kubectl') return (await import('./kubectl-invocation.js')).parseKubectlInvocation(words);
  return (await import('./helm-invocation.js')).parseHelmInvocation(words);
}
