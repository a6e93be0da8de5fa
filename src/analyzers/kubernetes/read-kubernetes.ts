// Reads a Kubernetes input with the reader of its format: the one given (--input-format, --deleting), else the one its
// content shows; undefined when the content is no Kubernetes output at all, so that the plan readers say what it is.
import { InputError } from '../../errors.js';
import type { InputFormat } from '../../inputs/input-format.js';
import { detectKubernetesText } from './detect-kubernetes-text.js';
import { readHelmDiff } from './helm-diff.js';
import type { KubeReading } from './kube-change.js';
import { readKubectlApply } from './kubectl-apply.js';
import { readKubectlDelete } from './kubectl-delete.js';
import { readKubectlDiff } from './kubectl-diff.js';
import { looksLikeKubernetesObjects, readDeletedObjects } from './read-objects.js';

const READERS: Record<Exclude<InputFormat, 'terraform'>, (text: string, file: string) => KubeReading> = {
  'kubectl-diff': readKubectlDiff,
  'kubectl-apply': readKubectlApply,
  'kubectl-delete': readKubectlDelete,
  'helm-diff': readHelmDiff,
  'kubernetes-objects': readDeletedObjects,
};

/**
 * kubectl and helm end every line they print, the last one too: text without a final line break was cut short (a cut
 * at a line end cannot be told). JSON is exempt, as its brackets show where it ends.
 */
function checkFinalLineBreak(text: string, name: string): void {
  if (!text.endsWith('\n') && !/^\s*[[{]/.test(text)) {
    throw new InputError(`${name} does not end with a line break, as kubectl and helm output always does: it is truncated.`);
  }
}

export function readKubernetes(text: string, name: string, format: InputFormat | undefined): KubeReading | undefined {
  if (format === 'terraform') return undefined;
  const chosen = format ?? detectKubernetesText(text);
  if (chosen !== undefined) {
    checkFinalLineBreak(text, name);
    return READERS[chosen](text, name);
  }
  if (looksLikeKubernetesObjects(text)) {
    throw new InputError(`${name} holds Kubernetes objects, not a change: to check their deletion, pass it with --deleting ${name}.`);
  }
  return undefined;
}
