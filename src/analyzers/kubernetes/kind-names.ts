// Maps the kind names kubectl prints (`deployment.apps`, `persistentvolumeclaim`) to an API group and Kind, and
// says which builtin kinds are cluster-scoped (their text output needs no namespace to be complete).

export interface PrintedKind {
  group: string;
  /** The Kind (`Deployment`); for a kind that is not builtin, the lowercase name kubectl printed (`widget`). */
  kind: string;
  /** Whether the kind is a builtin Kubernetes kind, so that `kind` has its real spelling and `namespaced` is known. */
  builtin: boolean;
  /** Undefined for kinds that are not builtin: their scope is not known from text. */
  namespaced?: boolean;
}

/** Builtin kinds by API group: [Kind, namespaced]. Versions do not matter here: kubectl prints none. */
const BUILTIN_KINDS: Record<string, [string, boolean][]> = {
  '': [
    ['Binding', true],
    ['ComponentStatus', false],
    ['ConfigMap', true],
    ['Endpoints', true],
    ['Event', true],
    ['LimitRange', true],
    ['Namespace', false],
    ['Node', false],
    ['PersistentVolume', false],
    ['PersistentVolumeClaim', true],
    ['Pod', true],
    ['PodTemplate', true],
    ['ReplicationController', true],
    ['ResourceQuota', true],
    ['Secret', true],
    ['Service', true],
    ['ServiceAccount', true],
  ],
  'admissionregistration.k8s.io': [
    ['MutatingWebhookConfiguration', false],
    ['ValidatingWebhookConfiguration', false],
    ['ValidatingAdmissionPolicy', false],
    ['ValidatingAdmissionPolicyBinding', false],
    ['MutatingAdmissionPolicy', false],
    ['MutatingAdmissionPolicyBinding', false],
  ],
  'apiextensions.k8s.io': [['CustomResourceDefinition', false]],
  'apiregistration.k8s.io': [['APIService', false]],
  apps: [
    ['ControllerRevision', true],
    ['DaemonSet', true],
    ['Deployment', true],
    ['ReplicaSet', true],
    ['StatefulSet', true],
  ],
  autoscaling: [['HorizontalPodAutoscaler', true]],
  batch: [
    ['CronJob', true],
    ['Job', true],
  ],
  'certificates.k8s.io': [
    ['CertificateSigningRequest', false],
    ['ClusterTrustBundle', false],
  ],
  'coordination.k8s.io': [['Lease', true]],
  'discovery.k8s.io': [['EndpointSlice', true]],
  'events.k8s.io': [['Event', true]],
  'flowcontrol.apiserver.k8s.io': [
    ['FlowSchema', false],
    ['PriorityLevelConfiguration', false],
  ],
  'networking.k8s.io': [
    ['Ingress', true],
    ['IngressClass', false],
    ['NetworkPolicy', true],
    ['IPAddress', false],
    ['ServiceCIDR', false],
  ],
  'node.k8s.io': [['RuntimeClass', false]],
  policy: [['PodDisruptionBudget', true]],
  'rbac.authorization.k8s.io': [
    ['ClusterRole', false],
    ['ClusterRoleBinding', false],
    ['Role', true],
    ['RoleBinding', true],
  ],
  'scheduling.k8s.io': [['PriorityClass', false]],
  'storage.k8s.io': [
    ['CSIDriver', false],
    ['CSINode', false],
    ['CSIStorageCapacity', true],
    ['StorageClass', false],
    ['VolumeAttachment', false],
    ['VolumeAttributesClass', false],
  ],
};

/** `group/lowercase kind` → the builtin entry. */
const BY_PRINTED = new Map<string, PrintedKind>(
  Object.entries(BUILTIN_KINDS).flatMap(([group, kinds]) =>
    kinds.map(([kind, namespaced]): [string, PrintedKind] => [`${group}/${kind.toLowerCase()}`, { group, kind, builtin: true, namespaced }]),
  ),
);

/**
 * Reads what kubectl prints for a kind: the lowercase Kind, then `.` and the group unless it is the core group
 * (`deployment.apps`, `configmap`, `customresourcedefinition.apiextensions.k8s.io`, `widget.example.com`).
 * A Kind never holds a dot, so the group is everything after the first one.
 */
export function kindFromPrinted(printed: string): PrintedKind {
  const dot = printed.indexOf('.');
  const lowerKind = (dot < 0 ? printed : printed.slice(0, dot)).toLowerCase();
  const group = dot < 0 ? '' : printed.slice(dot + 1);
  return BY_PRINTED.get(`${group}/${lowerKind}`) ?? { group, kind: lowerKind, builtin: false };
}

/** The builtin kind with this group and Kind (any case), if there is one. */
export function builtinKind(group: string, kind: string): PrintedKind | undefined {
  return BY_PRINTED.get(`${group}/${kind.toLowerCase()}`);
}

/** The builtin kinds spelled `kind` (any case) in every group: kubectl's invalid-object message names no group. */
export function builtinKindsNamed(kind: string): PrintedKind[] {
  return [...BY_PRINTED.values()].filter((builtin) => builtin.kind.toLowerCase() === kind.toLowerCase());
}
