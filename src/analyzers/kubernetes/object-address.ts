// Names a Kubernetes object the way the report shows it: a stable address (`Deployment.apps/payments/web`) and the
// type the catalog and the configuration match (`Deployment`, or `group/Kind` for a custom resource).
import type { KubeObjectFacts, KubeObjectId } from './kube-change.js';

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

/** Whether the object is of a core (`v1`) kind: `isCoreKind(id, 'Namespace')`. */
export function isCoreKind(id: Pick<KubeObjectId, 'group' | 'kind'>, kind: string): boolean {
  return id.group === '' && id.kind === kind;
}

/** Whether the object is a CustomResourceDefinition. */
export function isCrd(id: Pick<KubeObjectId, 'group' | 'kind'>): boolean {
  return id.group === 'apiextensions.k8s.io' && id.kind === 'CustomResourceDefinition';
}

export type CrdDefines = { group: string; kind: string; plural?: string } | { group: string; kind?: undefined; plural: string };

/**
 * The group, and kind or plural, of the custom resources a CRD defines: from its spec when the input shows it, else
 * from its name, which Kubernetes requires to be `<plural>.<group>`.
 */
export function crdDefines(crd: { id: Pick<KubeObjectId, 'name'>; facts: KubeObjectFacts }): CrdDefines {
  const defines = crd.facts.defines;
  if (defines) return defines;
  const dot = crd.id.name.indexOf('.');
  return { group: crd.id.name.slice(dot + 1), plural: crd.id.name.slice(0, dot) };
}
