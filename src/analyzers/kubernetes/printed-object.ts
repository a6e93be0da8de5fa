// The identity of an object that kubectl's text output names only by kind and name (`deployment.apps/web`,
// `namespace "payments-prod"`): a builtin cluster-scoped kind needs no namespace; any other kind's is unknown
// unless the output says it.
import type { KubeObjectId } from './kube-change.js';
import { kindFromPrinted } from './kind-names.js';

export function printedObject(printedKind: string, name: string, namespace?: string): { id: KubeObjectId; namespaceKnown: boolean } {
  const kind = kindFromPrinted(printedKind);
  const clusterScoped = kind.namespaced === false;
  const id: KubeObjectId = { group: kind.group, kind: kind.kind, name, ...(namespace === undefined || clusterScoped ? {} : { namespace }) };
  return { id, namespaceKnown: clusterScoped || namespace !== undefined };
}
