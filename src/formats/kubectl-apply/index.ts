// Input format `kubectl-apply`: what `kubectl apply --dry-run` prints, one `<kind>/<name> <verb> (dry run)` line an object.
import { detectKubernetesText } from '../../analyzers/kubernetes/detect-kubernetes-text.js';
import type { InputFormat } from '../input-format.js';
import { readKubernetesText } from '../kubernetes-text.js';

const kubectlApply: InputFormat = {
  id: 'kubectl-apply',
  platform: 'kubernetes',
  detect: (head) => detectKubernetesText(head.text) === 'kubectl-apply',
  read: (input, options) => readKubernetesText(input, options, async () => (await import('../../analyzers/kubernetes/kubectl-apply.js')).readKubectlApply),
};

export default kubectlApply;
