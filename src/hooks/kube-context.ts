// Which kube context a refused kubectl or helm command would reach (its --context / --kube-context, else the current
// context of its kubeconfig, read from the file without contacting the cluster), judged by the environment rules:
// when it is protected, the refusal says so first.
import { judgeReading } from '../credentials/judge-reading.js';
import { currentKubeContext } from '../credentials/kubernetes.js';
import { kubeTarget } from '../tools/kube-target.js';
import type { Refusal } from './invocations/invocation.js';
import type { HookContext } from './protected-files.js';

/** The names that decide where the command runs: the explicit context, or the current context and its cluster. */
function targetNames(words: string[], context: HookContext): { label: string; text: string }[] {
  const { context: explicit, kubeconfig } = kubeTarget(words);
  if (explicit !== undefined) return [{ label: 'kube context', text: explicit }];
  const env = kubeconfig === undefined ? context.env : { ...context.env, KUBECONFIG: kubeconfig };
  const current = currentKubeContext(env, context.home);
  if (!current) return [];
  return [{ label: 'current kube context', text: current.context }, ...(current.cluster ? [{ label: 'cluster', text: current.cluster }] : [])];
}

/** Prefixes the refusal's reason with the protected environment its kube context is in, when it is. */
export function addKubeContext(refusal: Refusal, words: string[], context: HookContext): void {
  for (const { label, text } of targetNames(words, context)) {
    const { environment } = judgeReading({
      source: 'kubernetes',
      what: label,
      value: text,
      where: label,
      basis: { kind: 'name', text, label: `${label} name` },
    });
    if (!environment.protected) continue;
    refusal.why = `it would run against the ${label} "${text}", which is ${environment.name} (${environment.reason}); ${refusal.why}`;
    return;
  }
}
