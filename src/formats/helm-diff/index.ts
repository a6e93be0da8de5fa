// Input format `helm-diff`: the helm-diff plugin's output, as its diff, simple or JSON output writes it.
import type { InputFormat } from '../input-format.js';
import { kubernetesTextFormat, readKubernetesText } from '../kubernetes-text.js';

const helmDiff: InputFormat = {
  id: 'helm-diff',
  platform: 'kubernetes',
  detect: (head) => kubernetesTextFormat(head) === 'helm-diff',
  read: (input, options) => readKubernetesText(input, options, async () => (await import('../../analyzers/kubernetes/helm-diff.js')).readHelmDiff),
};

export default helmDiff;
