// Asks the live cluster (--cluster) what the input cannot say: the labels and namespace of objects a text output only
// names, every object in the namespaces whose objects are deleted (for namespace and owner cascades), the custom
// resources of deleted CRDs and the reclaim policy of the volumes behind deleted claims.
import type { KnownObject } from '../cascades.js';
import type { KubeChange, KubeReading } from '../kube-change.js';
import type { ClusterLookup, LiveObject } from './cluster-lookup.js';

export interface Enriched {
  reading: KubeReading;
  liveObjects: KnownObject[];
}

const known = (object: LiveObject): KnownObject => ({ ...object, evidence: 'object' });
const isCore = (change: Pick<KubeChange, 'id'>, kind: string): boolean => change.id.group === '' && change.id.kind === kind;

async function withLiveBody(change: KubeChange, cluster: ClusterLookup): Promise<KubeChange> {
  if (change.evidence === 'object') return change;
  const live = await cluster.object(change.id);
  if (!live) return change;
  return { ...change, id: live.id, facts: { ...live.facts, ...change.facts }, evidence: 'object', namespaceKnown: true };
}

/** The group and kind (or plural) a CRD defines: its spec, else its name `<plural>.<group>`. */
function definedKind(crd: KubeChange): { group: string; kindOrPlural: string } {
  const defines = crd.facts.defines;
  if (defines) return { group: defines.group, kindOrPlural: defines.kind };
  const dot = crd.id.name.indexOf('.');
  return { group: crd.id.name.slice(dot + 1), kindOrPlural: crd.id.name.slice(0, dot) };
}

export async function enrichFromCluster(reading: KubeReading, cluster: ClusterLookup): Promise<Enriched> {
  const changes = await Promise.all(reading.changes.map((change) => withLiveBody(change, cluster)));
  const destroyed = changes.filter((c) => c.action === 'delete' || c.action === 'replace');
  const namespaces = new Set<string>();
  for (const change of destroyed) {
    if (isCore(change, 'Namespace')) namespaces.add(change.id.name);
    else if (change.id.namespace !== undefined) namespaces.add(change.id.namespace);
  }
  const lists = await Promise.all([
    ...[...namespaces].map((namespace) => cluster.objectsInNamespace(namespace)),
    ...destroyed
      .filter((c) => c.id.group === 'apiextensions.k8s.io' && c.id.kind === 'CustomResourceDefinition')
      .map((crd) => {
        const { group, kindOrPlural } = definedKind(crd);
        return cluster.customResources(group, kindOrPlural);
      }),
  ]);
  const liveObjects = lists.flat().map(known);
  const claims = [...changes, ...liveObjects].filter((o) => isCore(o, 'PersistentVolumeClaim') && o.facts.volumeName !== undefined);
  const volumeNames = [...new Set(claims.map((claim) => claim.facts.volumeName as string))];
  const volumes = await Promise.all(volumeNames.map(async (name) => ({ name, facts: await cluster.persistentVolume(name) })));
  for (const { name, facts } of volumes) {
    if (facts) liveObjects.push({ id: { group: '', version: 'v1', kind: 'PersistentVolume', name }, facts, evidence: 'object' });
  }
  return { reading: { ...reading, changes }, liveObjects };
}
