// The input formats `check` reads, as `--input-format` names them; `check` detects each by content unless told.

export const KUBERNETES_FORMATS = ['kubectl-diff', 'kubectl-apply', 'kubectl-delete', 'helm-diff', 'kubernetes-objects'] as const;

export const INPUT_FORMATS = ['terraform', ...KUBERNETES_FORMATS] as const;

export type KubernetesFormat = (typeof KUBERNETES_FORMATS)[number];
export type InputFormat = (typeof INPUT_FORMATS)[number];

export function isKubernetesFormat(format: string | undefined): format is KubernetesFormat {
  return (KUBERNETES_FORMATS as readonly string[]).includes(format ?? '');
}
