// Input format `kubectl-apply`: what `kubectl apply --dry-run` prints, one `<kind>/<name> <verb> (dry run)` line an object.
import type { InputFormat } from '../input-format.js';
import { kubernetesTextFormat, readKubernetesText } from '../kubernetes-text.js';

const kubectlApply: InputFormat = {
  id: 'kubectl-apply',
  platform: 'kubernetes',
  detect: (head) => kubernetesTextFormat(head) === 'kubectl-apply',
  read: (input, options) => readKubernetesText(input, options, async () => (await import('../../analyzers/kubernetes/kubectl-apply.js')).readKubectlApply),
};

export default kubectlApply;
