// Reads a Kubernetes object body (parsed JSON or YAML) into its identity and the few safe facts the check needs.
// It copies nothing else: a Secret's data and stringData, and the last-applied annotation that repeats them, stay behind.
import type { KubeObjectFacts, KubeObjectId, KubeOwnerReference } from './kube-change.js';

/** Holds the whole previous configuration, Secret data included: never carried. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export type Body = Record<string, unknown>;

export function isBody(value: unknown): value is Body {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** `apps/v1` → { group: 'apps', version: 'v1' }; `v1` → { group: '', version: 'v1' }. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** A map of string values; other entries (which a valid object never has) are left out. */
function stringMap(value: unknown, leaveOut?: string): Record<string, string> | undefined {
  if (!isBody(value)) return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== leaveOut);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function ownerReferences(value: unknown): KubeOwnerReference[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const owners = value.filter(isBody).flatMap((owner): KubeOwnerReference[] => {
    const apiVersion = text(owner.apiVersion);
    const kind = text(owner.kind);
    const name = text(owner.name);
    if (apiVersion === undefined || kind === undefined || name === undefined) return [];
    const uid = text(owner.uid);
    return [uid === undefined ? { apiVersion, kind, name } : { apiVersion, kind, name, uid }];
  });
  return owners.length > 0 ? owners : undefined;
}

function kindFacts(kind: string, spec: Body): KubeObjectFacts {
  const facts: KubeObjectFacts = {};
  const storageClassName = text(spec.storageClassName);
  if (storageClassName !== undefined) facts.storageClassName = storageClassName;
  if (kind === 'PersistentVolume') {
    const reclaimPolicy = text(spec.persistentVolumeReclaimPolicy);
    if (reclaimPolicy !== undefined) facts.reclaimPolicy = reclaimPolicy;
    if (isBody(spec.claimRef) && text(spec.claimRef.name) !== undefined) {
      const namespace = text(spec.claimRef.namespace);
      facts.claimRef = { name: text(spec.claimRef.name) as string, ...(namespace === undefined ? {} : { namespace }) };
    }
  } else if (kind === 'PersistentVolumeClaim') {
    const volumeName = text(spec.volumeName);
    if (volumeName !== undefined) facts.volumeName = volumeName;
  } else if (kind === 'StatefulSet') {
    if (Array.isArray(spec.volumeClaimTemplates)) {
      const names = spec.volumeClaimTemplates.filter(isBody).flatMap((t) => (isBody(t.metadata) && text(t.metadata.name) ? [t.metadata.name as string] : []));
      if (names.length > 0) facts.volumeClaimTemplates = names;
    }
    const retention = isBody(spec.persistentVolumeClaimRetentionPolicy) ? text(spec.persistentVolumeClaimRetentionPolicy.whenDeleted) : undefined;
    if (retention !== undefined) facts.claimRetentionWhenDeleted = retention;
  } else if (kind === 'CustomResourceDefinition') {
    const group = text(spec.group);
    const names = isBody(spec.names) ? spec.names : {};
    const definedKind = text(names.kind);
    if (group !== undefined && definedKind !== undefined) {
      const plural = text(names.plural);
      facts.defines = { group, kind: definedKind, ...(plural === undefined ? {} : { plural }) };
    }
  }
  return facts;
}

/**
 * The identity and facts of one object body; undefined when it lacks apiVersion, kind or metadata.name (the caller
 * decides whether that is an error for its input).
 */
export function objectFacts(body: Body): { id: KubeObjectId; facts: KubeObjectFacts } | undefined {
  const apiVersion = text(body.apiVersion);
  const kind = text(body.kind);
  const metadata = isBody(body.metadata) ? body.metadata : undefined;
  const name = metadata && text(metadata.name);
  if (apiVersion === undefined || kind === undefined || metadata === undefined || name === undefined) return undefined;
  const namespace = text(metadata.namespace);
  const id: KubeObjectId = { ...splitApiVersion(apiVersion), kind, name, ...(namespace === undefined ? {} : { namespace }) };
  const facts: KubeObjectFacts = isBody(body.spec) ? kindFacts(kind, body.spec) : {};
  const labels = stringMap(metadata.labels);
  if (labels) facts.labels = labels;
  const annotations = stringMap(metadata.annotations, LAST_APPLIED);
  if (annotations) facts.annotations = annotations;
  const uid = text(metadata.uid);
  if (uid !== undefined) facts.uid = uid;
  const owners = ownerReferences(metadata.ownerReferences);
  if (owners) facts.ownerReferences = owners;
  return { id, facts };
}
