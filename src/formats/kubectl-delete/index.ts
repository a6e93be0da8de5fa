// Input format `kubectl-delete`: what `kubectl delete --dry-run` prints, one `<kind> "<name>" deleted (dry run)` line an object.
import type { InputFormat } from '../input-format.js';
import { kubernetesTextFormat, readKubernetesText } from '../kubernetes-text.js';

const kubectlDelete: InputFormat = {
  id: 'kubectl-delete',
  platform: 'kubernetes',
  detect: (head) => kubernetesTextFormat(head) === 'kubectl-delete',
  read: (input, options) => readKubernetesText(input, options, async () => (await import('../../analyzers/kubernetes/kubectl-delete.js')).readKubectlDelete),
};

export default kubectlDelete;
