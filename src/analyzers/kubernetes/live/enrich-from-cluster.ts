// Asks the live cluster (--cluster) what the input cannot say: the labels and namespace of objects a text output only
// names, every object in the namespaces whose objects are deleted (for namespace and owner cascades), the custom
// resources of deleted CRDs and the reclaim policy of the volumes behind deleted claims.
import type { KnownObject } from '../cascades.js';
import type { KubeChange, KubeReading } from '../kube-change.js';
import { crdDefines, isCoreKind, isCrd } from '../object-address.js';
import type { ClusterLookup, LiveObject } from './cluster-lookup.js';

export interface Enriched {
  reading: KubeReading;
  liveObjects: KnownObject[];
}

const known = (object: LiveObject): KnownObject => ({ ...object, evidence: 'object' });

async function withLiveBody(change: KubeChange, cluster: ClusterLookup): Promise<KubeChange> {
  if (change.evidence === 'object') return change;
  const live = await cluster.object(change.id);
  if (!live) return change;
  return { ...change, id: live.id, facts: { ...live.facts, ...change.facts }, evidence: 'object', namespaceKnown: true };
}

export async function enrichFromCluster(reading: KubeReading, cluster: ClusterLookup): Promise<Enriched> {
  const changes = await Promise.all(reading.changes.map((change) => withLiveBody(change, cluster)));
  const destroyed = changes.filter((c) => c.action === 'delete' || c.action === 'replace');
  const namespaces = new Set<string>();
  for (const change of destroyed) {
    if (isCoreKind(change.id, 'Namespace')) namespaces.add(change.id.name);
    else if (change.id.namespace !== undefined) namespaces.add(change.id.namespace);
  }
  const lists = await Promise.all([
    ...[...namespaces].map((namespace) => cluster.objectsInNamespace(namespace)),
    ...destroyed
      .filter((c) => isCrd(c.id))
      .map((crd) => {
        const defines = crdDefines(crd);
        return cluster.customResources(defines.group, defines.kind ?? defines.plural);
      }),
  ]);
  const liveObjects = lists.flat().map(known);
  const claims = [...changes, ...liveObjects].filter((o) => isCoreKind(o.id, 'PersistentVolumeClaim') && o.facts.volumeName !== undefined);
  const volumeNames = [...new Set(claims.map((claim) => claim.facts.volumeName as string))];
  const volumes = await Promise.all(volumeNames.map(async (name) => ({ name, facts: await cluster.persistentVolume(name) })));
  for (const { name, facts } of volumes) {
    if (facts) liveObjects.push({ id: { group: '', version: 'v1', kind: 'PersistentVolume', name }, facts, evidence: 'object' });
  }
  return { reading: { ...reading, changes }, liveObjects };
}
