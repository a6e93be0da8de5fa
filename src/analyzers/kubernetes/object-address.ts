// Names a Kubernetes object the way the report shows it: a stable address (`Deployment.apps/payments/web`) and the
// type the catalog and the configuration match (`Deployment`, or `group/Kind` for a custom resource).
import type { KubeObjectId } from './kube-change.js';

/** API groups served by Kubernetes itself: their kinds are named alone; any other group's kinds are custom. */
const BUILTIN_GROUPS: ReadonlySet<string> = new Set([
  '',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'apps',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'resource.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
  'storagemigration.k8s.io',
]);

/** `Deployment.apps`, or `Secret` for the core group: the form kubectl accepts as a resource type. */
export function kindWithGroup(id: Pick<KubeObjectId, 'group' | 'kind'>): string {
  return id.group === '' ? id.kind : `${id.kind}.${id.group}`;
}

/** `Deployment.apps/payments/web`; cluster-scoped objects (and those whose namespace the input omits) have no namespace part. */
export function objectAddress(id: KubeObjectId): string {
  const namespace = id.namespace === undefined ? '' : `${id.namespace}/`;
  return `${kindWithGroup(id)}/${namespace}${id.name}`;
}

/** The type the catalog and the configuration's `type` condition see. */
export function objectType(id: Pick<KubeObjectId, 'group' | 'kind'>): string {
  return BUILTIN_GROUPS.has(id.group) ? id.kind : `${id.group}/${id.kind}`;
}
