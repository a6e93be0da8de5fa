// The Kubernetes platform: diffs and dry runs of kubectl and helm, whose deletions cascade, judged with the context they go to.
import type { PlatformProfile } from './platform.js';

const kubernetes: PlatformProfile = {
  id: 'kubernetes',
  noun: 'change',
  tool: 'kubectl',
  dependents: 'cascade',
  evidence: 'kube-context',
  keepDeleted:
    'keep the object in the manifests you apply (or outside the prune selector), do not delete the namespace of objects that must stay, or annotate the object for the tool that deletes it (`helm.sh/resource-policy: keep`, Argo CD `Prune=false`, Flux `prune: disabled`)',
  otherChangesAlone: 'To apply only the other changes now, apply only their manifests (without the prune flags), and check that diff first.',
  checkAgain: 'diff and check again',
};

export default kubernetes;
