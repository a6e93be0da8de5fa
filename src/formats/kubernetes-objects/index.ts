// Input format `kubernetes-objects`: objects that will be deleted (`kubectl get -o yaml`, `helm get manifest`), read
// only when named (`--deleting`): objects alone do not say they are going.
import { looksLikeKubernetesObjects } from '../../analyzers/kubernetes/looks-like-objects.js';
import type { InputFormat } from '../input-format.js';
import { readKubernetesText } from '../kubernetes-text.js';

const kubernetesObjects: InputFormat = {
  id: 'kubernetes-objects',
  platform: 'kubernetes',
  detect: () => false,
  undetectedSentence: (head, name) =>
    looksLikeKubernetesObjects(head.text)
      ? `${name} holds Kubernetes objects, not a change: to check their deletion, pass it with --deleting ${name}.`
      : undefined,
  read: (input, options) => readKubernetesText(input, options, async () => (await import('../../analyzers/kubernetes/read-objects.js')).readDeletedObjects),
};

export default kubernetesObjects;
