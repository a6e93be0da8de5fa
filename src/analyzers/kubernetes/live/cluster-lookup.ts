// What the check may ask a live cluster (`--cluster`): what a namespace or CRD deletion takes with it, and the facts
// of objects a text input only names. Only types here: the implementation (and @kubernetes/client-node) load on demand.
import type { KubeObjectFacts, KubeObjectId } from '../kube-change.js';

/** An object as the cluster holds it: identity and safe facts (a Secret's data is never read into it). */
export interface LiveObject {
  id: KubeObjectId;
  facts: KubeObjectFacts;
}

export interface ClusterLookup {
  /** The kube context the answers come from, and its API server. */
  readonly context: string;
  readonly server: string;
  /** Where names without a namespace are looked up: the context's namespace, else `default` (as kubectl does). */
  readonly defaultNamespace: string;
  /** Every object in the namespace, of every namespaced kind the server lists (events left out). */
  objectsInNamespace(namespace: string): Promise<LiveObject[]>;
  /** Every object of a custom kind (its `kind` or plural resource name), in all namespaces; none when the group is not served. */
  customResources(group: string, kindOrPlural: string): Promise<LiveObject[]>;
  /** The live object; undefined when it does not exist (or its kind is not served). A missing namespace means `defaultNamespace`. */
  object(id: KubeObjectId): Promise<LiveObject | undefined>;
  /** A PersistentVolume's reclaim policy and labels; undefined when it does not exist. */
  persistentVolume(name: string): Promise<Pick<KubeObjectFacts, 'reclaimPolicy' | 'labels'> | undefined>;
}
