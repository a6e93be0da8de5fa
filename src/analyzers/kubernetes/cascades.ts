// Finds what else goes down when Kubernetes objects are destroyed: a namespace's objects, a CRD's custom resources,
// objects whose owner is deleted (Deployment → ReplicaSet → Pod), a claim's volume when its reclaim policy is Delete,
// and a StatefulSet's claims when its retention policy deletes them; each with the object that takes it down.
import { namespaceDeletedReason } from './namespace-cascade.js';
import type { KubeObjectFacts, KubeObjectId, KubeOwnerReference } from './kube-change.js';
import { crdDefines, isCoreKind, isCrd, objectAddress } from './object-address.js';

/** An object the input (or the live cluster) shows, whatever happens to it. */
export interface KnownObject {
  id: KubeObjectId;
  facts: KubeObjectFacts;
  evidence: 'object' | 'name';
}

/** An object deleted because another one is. */
export interface CascadedObject extends KnownObject {
  /** The address of the object whose deletion takes this one down. */
  because: string;
  /** Why, completing "deleted because …": `namespace payments is deleted`. */
  reason: string;
}

export interface Cascade {
  cascaded: CascadedObject[];
  /** Address → the addresses its deletion takes down directly. */
  dependents: Map<string, Set<string>>;
}

/** `widgets` for `Widget`, `policies` for `Policy`, `classes` for `Class`: enough to match a CRD's plural to a kind. */
function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  return `${lower}s`;
}

/** The group of the custom resources a CRD defines, and whether an object's kind is theirs. */
function definedBy(crd: KnownObject): { group: string; matches: (kind: string) => boolean } {
  const { group, kind: defined, plural } = crdDefines(crd);
  // Text outputs print custom kinds in lower case (`widget.example.com/w1`): compare without case.
  if (defined !== undefined) return { group, matches: (kind) => kind.toLowerCase() === defined.toLowerCase() };
  return { group, matches: (kind) => pluralOf(kind) === plural || kind === plural };
}

function ownedBy(owner: KubeOwnerReference, object: KnownObject, deleted: KnownObject): boolean {
  if (owner.uid !== undefined && deleted.facts.uid !== undefined) return owner.uid === deleted.facts.uid;
  const sameScope = deleted.id.namespace === undefined || deleted.id.namespace === object.id.namespace;
  return sameScope && owner.kind === deleted.id.kind && owner.name === deleted.id.name;
}

function claimedBy(volume: KnownObject, claim: KnownObject): boolean {
  const ref = volume.facts.claimRef;
  if (ref !== undefined) return ref.name === claim.id.name && (ref.namespace ?? claim.id.namespace) === claim.id.namespace;
  return claim.facts.volumeName === volume.id.name;
}

/** What deleting `deleted` takes down among the known objects, each with the reason. */
function victims(deleted: KnownObject, known: readonly KnownObject[]): { object: KnownObject; reason: string }[] {
  const address = objectAddress(deleted.id);
  if (isCoreKind(deleted.id, 'Namespace')) {
    return known.filter((o) => o.id.namespace === deleted.id.name).map((object) => ({ object, reason: namespaceDeletedReason(deleted.id.name) }));
  }
  const found: { object: KnownObject; reason: string }[] = [];
  if (isCrd(deleted.id)) {
    const { group, matches } = definedBy(deleted);
    for (const object of known) {
      if (object.id.group === group && matches(object.id.kind)) found.push({ object, reason: `its custom resource definition ${deleted.id.name} is deleted` });
    }
  }
  for (const object of known) {
    if (object.facts.ownerReferences?.some((owner) => ownedBy(owner, object, deleted))) {
      found.push({ object, reason: `its owner ${address} is deleted` });
    }
  }
  if (isCoreKind(deleted.id, 'PersistentVolumeClaim')) found.push(...volumesOf(deleted, known));
  if (deleted.id.group === 'apps' && deleted.id.kind === 'StatefulSet' && deleted.facts.claimRetentionWhenDeleted === 'Delete') {
    for (const object of known) {
      if (isCoreKind(object.id, 'PersistentVolumeClaim') && object.id.namespace === deleted.id.namespace && isTemplateClaim(object.id.name, deleted)) {
        found.push({ object, reason: `its StatefulSet ${address} is deleted and its claim retention policy (whenDeleted) is Delete` });
      }
    }
  }
  return found;
}

/** A StatefulSet names the claims of its templates `<template>-<statefulset>-<ordinal>`. */
function isTemplateClaim(claim: string, statefulSet: KnownObject): boolean {
  return (statefulSet.facts.volumeClaimTemplates ?? []).some((template) => {
    const prefix = `${template}-${statefulSet.id.name}-`;
    return claim.startsWith(prefix) && /^\d+$/.test(claim.slice(prefix.length));
  });
}

/** The volume bound to a deleted claim, when deleting the claim deletes it (reclaim policy Delete, or not shown). */
function volumesOf(claim: KnownObject, known: readonly KnownObject[]): { object: KnownObject; reason: string }[] {
  const address = objectAddress(claim.id);
  const volumes = known.filter((o) => isCoreKind(o.id, 'PersistentVolume') && claimedBy(o, claim));
  if (volumes.length === 0 && claim.facts.volumeName !== undefined) {
    const volume: KnownObject = { id: { group: '', version: 'v1', kind: 'PersistentVolume', name: claim.facts.volumeName }, facts: {}, evidence: 'name' };
    return [
      {
        object: volume,
        reason: `its claim ${address} is deleted, and the input does not show the volume's reclaim policy (dynamically provisioned volumes default to Delete)`,
      },
    ];
  }
  return volumes.flatMap((object) => {
    const policy = object.facts.reclaimPolicy;
    if (policy === undefined)
      return [
        {
          object,
          reason: `its claim ${address} is deleted, and the input does not show the volume's reclaim policy (dynamically provisioned volumes default to Delete)`,
        },
      ];
    return policy === 'Delete'
      ? [{ object, reason: `its claim ${address} is deleted and its reclaim policy is Delete: the volume and its data are deleted` }]
      : [];
  });
}

/** Follows every deletion to what it takes down, until nothing new goes down. */
export function findCascades(destroyed: readonly KnownObject[], known: readonly KnownObject[]): Cascade {
  const down = new Set(destroyed.map((o) => objectAddress(o.id)));
  const queue = [...destroyed];
  const cascaded: CascadedObject[] = [];
  const dependents = new Map<string, Set<string>>();
  for (let deleted = queue.shift(); deleted !== undefined; deleted = queue.shift()) {
    const because = objectAddress(deleted.id);
    for (const { object, reason } of victims(deleted, known)) {
      const address = objectAddress(object.id);
      if (!dependents.has(because)) dependents.set(because, new Set());
      dependents.get(because)?.add(address);
      if (down.has(address)) continue;
      down.add(address);
      const victim: CascadedObject = { ...object, because, reason };
      cascaded.push(victim);
      queue.push(victim);
    }
  }
  return { cascaded, dependents };
}
