// Turns what a Kubernetes input says into the normalized model: one change per object, the objects its deletions
// take down with them (cascades), keep annotations honoured where the deleting tool reads them, and the objects the
// input could not judge.
import type { Action, AnalyzedInput, Label, ResourceChange } from '../../model.js';
import { collectKeptAttributes, type ValueSide } from '../terraform/kept-attributes.js';
import { ChangeTally, type QuietChanges } from '../terraform/change-tally.js';
import { findCascades, type KnownObject } from './cascades.js';
import { keepDecision, type DeletingTool } from './keep-annotations.js';
import type { KubeChange, KubeObjectFacts, KubeReading } from './kube-change.js';
import { objectAddress, objectType } from './object-address.js';

/** What each input format shows, and who deletes what it says is deleted. */
const FORMATS: Record<string, { describe: string; deleter: string; honours: readonly DeletingTool[] }> = {
  'kubectl-diff': { describe: '`kubectl diff` output', deleter: 'kubectl apply --prune', honours: [] },
  'kubectl-apply': { describe: '`kubectl apply --dry-run` output', deleter: 'kubectl apply --prune', honours: [] },
  'kubectl-delete': { describe: '`kubectl delete --dry-run` output', deleter: 'kubectl delete', honours: [] },
  'helm-diff': { describe: 'helm-diff output', deleter: 'helm', honours: ['helm'] },
  'kubernetes-objects': { describe: 'the objects to delete (--deleting)', deleter: 'the tool that deletes them', honours: ['helm', 'argocd', 'flux'] },
};

/** Annotation values longer than this are configuration blobs, not evidence of an environment. */
const MAX_ANNOTATION_VALUE = 200;

export interface KubernetesAnalysisOptions {
  /** Objects the live cluster shows (--cluster): what a namespace, CRD, owner or claim deletion takes with it. */
  liveObjects?: readonly KnownObject[];
  quietChanges?: QuietChanges;
}

function labelsOf(facts: KubeObjectFacts): Label[] {
  const labels = Object.entries(facts.labels ?? {}).map(([key, value]) => ({ key, value, field: 'metadata.labels' }));
  for (const [key, value] of Object.entries(facts.annotations ?? {})) {
    if (value.length <= MAX_ANNOTATION_VALUE) labels.push({ key, value, field: 'metadata.annotations' });
  }
  return labels;
}

function evidenceNote(change: Pick<KubeChange, 'evidence' | 'namespaceKnown'>, describe: string): string | undefined {
  if (change.evidence === 'object') return undefined;
  const missing = change.namespaceKnown ? 'its labels and annotations' : 'its namespace, labels and annotations';
  return `decided on less evidence: ${describe} names the object without ${missing}`;
}

const joinReasons = (...reasons: (string | undefined)[]): string | undefined => {
  const given = reasons.filter((r): r is string => r !== undefined && r !== '');
  return given.length > 0 ? given.join('; ') : undefined;
};

/** The facts the recoverability and protection tables read of an object, at their place in its body. */
function factsSide(facts: KubeObjectFacts): ValueSide {
  const { reclaimPolicy, claimRetentionWhenDeleted, annotations } = facts;
  const spec = {
    persistentVolumeReclaimPolicy: reclaimPolicy ?? null,
    persistentVolumeClaimRetentionPolicy: { whenDeleted: claimRetentionWhenDeleted ?? null },
  };
  return { values: { spec, metadata: { annotations: annotations ?? {} } } };
}

/**
 * The kept attributes of an object: before a delete or replace, from the body the input shows; before and after an
 * update whose input shows both bodies (helm-diff); none when the input only named the object.
 */
function keptOf(object: KnownObject & { factsBefore?: KubeObjectFacts }, action: Action): ResourceChange['keptAttributes'] {
  if (object.evidence !== 'object') return undefined;
  if (action === 'delete' || action === 'replace') return collectKeptAttributes(objectType(object.id), factsSide(object.facts), undefined);
  if (action === 'update' && object.factsBefore !== undefined) {
    return collectKeptAttributes(objectType(object.id), factsSide(object.factsBefore), factsSide(object.facts));
  }
  return undefined;
}

/** The model of one object: identity, action and labels; the caller adds reasons and notes. */
function baseChange(object: KnownObject, action: Action, input: number): ResourceChange {
  const model: ResourceChange = {
    source: 'kubernetes',
    input,
    address: objectAddress(object.id),
    type: objectType(object.id),
    name: object.id.name,
    modulePath: [],
    action,
    labels: labelsOf(object.facts),
    nameHints: [],
    accounts: [],
  };
  if (object.id.namespace !== undefined) model.namespace = object.id.namespace;
  const kept = keptOf(object, action);
  if (kept !== undefined) model.keptAttributes = kept;
  return model;
}

export function analyzeKubernetes(reading: KubeReading, file: string, input: number, options: KubernetesAnalysisOptions = {}): AnalyzedInput {
  const format = FORMATS[reading.format] ?? { describe: reading.format, deleter: 'kubectl', honours: [] };
  const honoured = new Set(format.honours);
  const live = new Map((options.liveObjects ?? []).map((o) => [objectAddress(o.id), o]));

  const changes = new Map<string, ResourceChange>();
  const destroyed: KnownObject[] = [];
  for (const change of reading.changes) {
    const address = objectAddress(change.id);
    const keep = change.action === 'delete' ? keepDecision(change.facts.annotations, honoured, format.deleter) : {};
    const action: Action = keep.keptBy ? 'forget' : change.action;
    const model = baseChange(change, action, input);
    if (action === 'replace') model.replaceOrder = 'delete-first';
    const reason = joinReasons(keep.keptBy ?? change.reason, keep.ignored);
    if (reason !== undefined) model.reason = reason;
    if (change.replacePaths && change.replacePaths.length > 0) model.replacePaths = change.replacePaths;
    const note = evidenceNote(change, format.describe);
    if (note !== undefined) model.evidenceNote = note;
    if (keep.keptBy !== undefined) model.keptBy = keep.keptBy;
    changes.set(address, model);
    if (action === 'delete' || action === 'replace') destroyed.push(change);
  }

  const known = new Map<string, KnownObject>(live);
  for (const change of reading.changes) known.set(objectAddress(change.id), change);
  const { cascaded, dependents } = findCascades(destroyed, [...known.values()]);
  for (const object of cascaded) {
    const address = objectAddress(object.id);
    const existing = changes.get(address);
    const model = existing ?? baseChange(object, 'delete', input);
    model.action = 'delete';
    const kept = keptOf(object, 'delete');
    if (kept !== undefined) model.keptAttributes = kept;
    model.reason = object.reason;
    delete model.keptBy;
    delete model.replaceOrder;
    const note = existing === undefined ? evidenceNote({ evidence: object.evidence, namespaceKnown: true }, format.describe) : model.evidenceNote;
    if (note !== undefined) model.evidenceNote = note;
    changes.set(address, model);
  }

  const tally = new ChangeTally(options.quietChanges ?? 'keep', new Set());
  const kept = [...changes.values()].filter((change) => tally.count(change.action, change.address));
  const analyzed: AnalyzedInput = {
    file,
    format: reading.format,
    platform: 'kubernetes',
    changes: kept,
    actionCounts: tally.actionCounts,
    drift: [],
    variables: [],
    outputActions: [],
    dependents,
  };
  if (reading.unjudged.length > 0) {
    analyzed.unjudged = reading.unjudged.map((u) => (u.id?.name !== undefined ? `${u.id.kind ?? 'object'} ${u.id.name}: ${u.message}` : u.message));
  }
  return analyzed;
}
