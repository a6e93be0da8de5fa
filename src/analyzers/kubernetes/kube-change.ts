// What every Kubernetes reader hands on: the objects an input changes, with the few safe facts the check needs.
// No reader ever copies a Secret's data/stringData, or any value other than those named here.

/** An object's identity: `group` is '' for the core API (`v1`). */
export interface KubeObjectId {
  group: string;
  /** API version without the group (`v1`), when the input says it. */
  version?: string;
  kind: string;
  /** Undefined for cluster-scoped objects, and where the input does not say (then `namespaceKnown` is false). */
  namespace?: string;
  name: string;
}

/** What the input says happens to the object. */
export type KubeAction = 'create' | 'update' | 'delete' | 'replace' | 'no-op';

/** An owner reference of the object (metadata.ownerReferences). */
export interface KubeOwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid?: string;
}

/** The facts about an object that decide its environment and what its deletion takes with it. */
export interface KubeObjectFacts {
  labels?: Record<string, string>;
  /** metadata.annotations without `kubectl.kubernetes.io/last-applied-configuration` (which can hold Secret data). */
  annotations?: Record<string, string>;
  uid?: string;
  ownerReferences?: KubeOwnerReference[];
  /** PersistentVolume: spec.persistentVolumeReclaimPolicy. */
  reclaimPolicy?: string;
  /** PersistentVolume: spec.claimRef. */
  claimRef?: { namespace?: string; name: string };
  /** PersistentVolumeClaim: spec.volumeName (the bound PersistentVolume). */
  volumeName?: string;
  storageClassName?: string;
  /** StatefulSet: names of spec.volumeClaimTemplates. */
  volumeClaimTemplates?: string[];
  /** StatefulSet: spec.persistentVolumeClaimRetentionPolicy.whenDeleted. */
  claimRetentionWhenDeleted?: string;
  /** CustomResourceDefinition: the group and kind of the custom resources it defines. */
  defines?: { group: string; kind: string; plural?: string };
}

/** One object the input changes. */
export interface KubeChange {
  id: KubeObjectId;
  action: KubeAction;
  /** Why, in the input's words: `pruned`, `immutable field spec.selector changed` … */
  reason?: string;
  /** For a replace forced by an immutable field: the fields, as dotted paths (`spec.selector`). */
  replacePaths?: string[];
  facts: KubeObjectFacts;
  /** For an update whose input shows the whole body before it too (helm-diff): the facts of that body. */
  factsBefore?: KubeObjectFacts;
  /**
   * `object`: the input carried the object's body (labels, annotations …); `name`: only its kind and name
   * (text outputs such as `kubectl delete --dry-run`), so its environment rests on less evidence.
   */
  evidence: 'object' | 'name';
  /** False when a text input names the object without saying its namespace. */
  namespaceKnown: boolean;
}

/** An object the input mentions but could not be judged from it (kubectl printed an error instead of a diff). */
export interface UnjudgedObject {
  /** The object, when the error names it. */
  id?: Partial<KubeObjectId>;
  /** The error, as the tool printed it (one line, no values). */
  message: string;
}

/** Everything one Kubernetes input says. */
export interface KubeReading {
  /** `kubectl-diff`, `kubectl-apply`, `kubectl-delete`, `kubernetes-objects`, `helm-diff`. */
  format: string;
  changes: KubeChange[];
  unjudged: UnjudgedObject[];
}
