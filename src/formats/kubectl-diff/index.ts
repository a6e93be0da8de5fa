// Input format `kubectl-diff`: what `kubectl diff` prints (a unified diff of its LIVE and MERGED directories), or only its errors.
import type { InputFormat } from '../input-format.js';
import { kubernetesTextFormat, readKubernetesText } from '../kubernetes-text.js';

const kubectlDiff: InputFormat = {
  id: 'kubectl-diff',
  platform: 'kubernetes',
  detect: (head) => kubernetesTextFormat(head) === 'kubectl-diff',
  read: (input, options) => readKubernetesText(input, options, async () => (await import('../../analyzers/kubernetes/kubectl-diff.js')).readKubectlDiff),
};

export default kubectlDiff;
