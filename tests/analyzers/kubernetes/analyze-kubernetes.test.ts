// The Kubernetes analyzer: cascades (namespace, CRD, owners, claim → volume, StatefulSet claims), keep annotations
// honoured only by the tool that reads them, evidence notes for text inputs, and unjudged objects.
import { analyzeKubernetes } from '../../../src/analyzers/kubernetes/analyze-kubernetes.js';
import type { KubeChange, KubeObjectId, KubeReading } from '../../../src/analyzers/kubernetes/kube-change.js';

const id = (kind: string, name: string, namespace?: string, group = ''): KubeObjectId => ({
  group,
  kind,
  name,
  ...(namespace === undefined ? {} : { namespace }),
});

function change(
  objectId: KubeObjectId,
  action: KubeChange['action'],
  facts: KubeChange['facts'] = {},
  evidence: KubeChange['evidence'] = 'object',
): KubeChange {
  return { id: objectId, action, facts, evidence, namespaceKnown: true };
}

const reading = (format: string, changes: KubeChange[], unjudged: KubeReading['unjudged'] = []): KubeReading => ({ format, changes, unjudged });

/** The changes that do something (the unchanged objects the input shows only as context are left out). */
function byAddress(format: string, changes: KubeChange[]): Map<string, { action: string; reason?: string }> {
  const analyzed = analyzeKubernetes(reading(format, changes), 'in.txt', 0, { quietChanges: 'count' });
  return new Map(analyzed.changes.map((c) => [c.address, { action: c.action, ...(c.reason === undefined ? {} : { reason: c.reason }) }]));
}

describe('cascades', () => {
  it('deletes every object the input shows in a deleted namespace, and records them as its dependents', () => {
    const analyzed = analyzeKubernetes(
      reading('kubernetes-objects', [
        change(id('Namespace', 'payments'), 'delete'),
        change(id('Deployment', 'web', 'payments', 'apps'), 'no-op'),
        change(id('ConfigMap', 'settings', 'other'), 'no-op'),
      ]),
      'in.yaml',
      0,
    );
    const deployment = analyzed.changes.find((c) => c.address === 'Deployment.apps/payments/web');
    expect(deployment).toMatchObject({ action: 'delete', reason: 'namespace payments is deleted', namespace: 'payments' });
    expect(analyzed.changes.find((c) => c.address === 'ConfigMap/other/settings')?.action).toBe('no-op');
    expect([...(analyzed.dependents.get('Namespace/payments') ?? [])]).toEqual(['Deployment.apps/payments/web']);
  });

  it('follows owner references by uid down the chain Deployment → ReplicaSet → Pod', () => {
    const owner = (kind: string, name: string, uid: string) => ({ apiVersion: 'apps/v1', kind, name, uid });
    const changes = byAddress('kubectl-delete', [
      change(id('Deployment', 'web', 'shop', 'apps'), 'delete', { uid: 'u1' }),
      change(id('ReplicaSet', 'web-5d9', 'shop', 'apps'), 'no-op', { uid: 'u2', ownerReferences: [owner('Deployment', 'web', 'u1')] }),
      change(id('Pod', 'web-5d9-abc', 'shop'), 'no-op', { ownerReferences: [owner('ReplicaSet', 'web-5d9', 'u2')] }),
      change(id('Pod', 'other', 'shop'), 'no-op', { ownerReferences: [owner('ReplicaSet', 'web-5d9', 'u-other')] }),
    ]);
    expect(changes.get('ReplicaSet.apps/shop/web-5d9')).toEqual({ action: 'delete', reason: 'its owner Deployment.apps/shop/web is deleted' });
    expect(changes.get('Pod/shop/web-5d9-abc')).toEqual({ action: 'delete', reason: 'its owner ReplicaSet.apps/shop/web-5d9 is deleted' });
    expect(changes.has('Pod/shop/other')).toBe(false);
  });

  it('matches owners by kind and name in the same namespace when the input has no uids', () => {
    const changes = byAddress('kubectl-delete', [
      change(id('Job', 'migrate', 'shop', 'batch'), 'delete'),
      change(id('Pod', 'migrate-x', 'shop'), 'no-op', { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'migrate' }] }),
      change(id('Pod', 'migrate-y', 'elsewhere'), 'no-op', { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'migrate' }] }),
    ]);
    expect(changes.get('Pod/shop/migrate-x')?.action).toBe('delete');
    expect(changes.has('Pod/elsewhere/migrate-y')).toBe(false);
  });

  it('deletes the custom resources of a deleted CRD, from its spec or, without one, from its name', () => {
    const crd = id('CustomResourceDefinition', 'databases.example.com', undefined, 'apiextensions.k8s.io');
    const withSpec = byAddress('kubectl-delete', [
      change(crd, 'delete', { defines: { group: 'example.com', kind: 'Database', plural: 'databases' } }),
      change(id('Database', 'orders', 'shop', 'example.com'), 'no-op'),
      change(id('Database', 'orders', 'shop', 'other.io'), 'no-op'),
    ]);
    expect(withSpec.get('Database.example.com/shop/orders')).toEqual({
      action: 'delete',
      reason: 'its custom resource definition databases.example.com is deleted',
    });
    expect(withSpec.has('Database.other.io/shop/orders')).toBe(false);
    const fromName = byAddress('kubectl-delete', [
      change(id('CustomResourceDefinition', 'policies.example.com', undefined, 'apiextensions.k8s.io'), 'delete', {}, 'name'),
      change(id('Policy', 'p1', 'shop', 'example.com'), 'no-op'),
    ]);
    expect(fromName.get('Policy.example.com/shop/p1')?.action).toBe('delete');
  });

  it("deletes a claim's volume when its reclaim policy is Delete, keeps it when Retain, and assumes Delete when unseen", () => {
    const changes = byAddress('kubernetes-objects', [
      change(id('PersistentVolumeClaim', 'data', 'db'), 'delete', { volumeName: 'pv-delete' }),
      change(id('PersistentVolume', 'pv-delete'), 'no-op', { reclaimPolicy: 'Delete', claimRef: { namespace: 'db', name: 'data' } }),
      change(id('PersistentVolumeClaim', 'logs', 'db'), 'delete', { volumeName: 'pv-retain' }),
      change(id('PersistentVolume', 'pv-retain'), 'no-op', { reclaimPolicy: 'Retain', claimRef: { namespace: 'db', name: 'logs' } }),
      change(id('PersistentVolumeClaim', 'cache', 'db'), 'delete', { volumeName: 'pv-unseen' }),
    ]);
    expect(changes.get('PersistentVolume/pv-delete')).toEqual({
      action: 'delete',
      reason: 'its claim PersistentVolumeClaim/db/data is deleted and its reclaim policy is Delete: the volume and its data are deleted',
    });
    expect(changes.has('PersistentVolume/pv-retain')).toBe(false);
    expect(changes.get('PersistentVolume/pv-unseen')?.reason).toMatch(/does not show the volume's reclaim policy/);
  });

  it("deletes a StatefulSet's template claims only when its retention policy says whenDeleted: Delete", () => {
    const claims = [change(id('PersistentVolumeClaim', 'data-db-0', 'shop'), 'no-op'), change(id('PersistentVolumeClaim', 'data-dbx-0', 'shop'), 'no-op')];
    const deleting = byAddress('kubectl-delete', [
      change(id('StatefulSet', 'db', 'shop', 'apps'), 'delete', { volumeClaimTemplates: ['data'], claimRetentionWhenDeleted: 'Delete' }),
      ...claims,
    ]);
    expect(deleting.get('PersistentVolumeClaim/shop/data-db-0')?.action).toBe('delete');
    expect(deleting.has('PersistentVolumeClaim/shop/data-dbx-0')).toBe(false);
    const retaining = byAddress('kubectl-delete', [change(id('StatefulSet', 'db', 'shop', 'apps'), 'delete', { volumeClaimTemplates: ['data'] }), ...claims]);
    expect(retaining.has('PersistentVolumeClaim/shop/data-db-0')).toBe(false);
  });

  it('chains cascades: a namespace takes its claim, and the claim its volume', () => {
    const changes = byAddress('kubectl-delete', [
      change(id('Namespace', 'db'), 'delete'),
      change(id('PersistentVolumeClaim', 'data', 'db'), 'no-op', { volumeName: 'pv-1' }),
      change(id('PersistentVolume', 'pv-1'), 'no-op', { reclaimPolicy: 'Delete' }),
    ]);
    expect(changes.get('PersistentVolumeClaim/db/data')?.reason).toBe('namespace db is deleted');
    expect(changes.get('PersistentVolume/pv-1')?.reason).toMatch(/^its claim PersistentVolumeClaim\/db\/data is deleted/);
  });

  it('takes objects down with a replaced owner too (an immutable field change deletes and recreates it)', () => {
    const changes = byAddress('helm-diff', [
      change(id('Deployment', 'web', 'shop', 'apps'), 'replace', { uid: 'u1' }),
      change(id('ReplicaSet', 'web-1', 'shop', 'apps'), 'no-op', { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u1' }] }),
    ]);
    expect(changes.get('Deployment.apps/shop/web')?.action).toBe('replace');
    expect(changes.get('ReplicaSet.apps/shop/web-1')?.action).toBe('delete');
  });

  it('adds the objects the live cluster lists to what a namespace deletion takes', () => {
    const analyzed = analyzeKubernetes(reading('kubectl-delete', [change(id('Namespace', 'payments'), 'delete', {}, 'name')]), 'in.txt', 0, {
      liveObjects: [{ id: id('Secret', 'db-password', 'payments'), facts: { labels: { env: 'prod' } }, evidence: 'object' }],
    });
    expect(analyzed.changes.map((c) => [c.address, c.action])).toEqual([
      ['Namespace/payments', 'delete'],
      ['Secret/payments/db-password', 'delete'],
    ]);
    expect(analyzed.changes[1]?.labels).toEqual([{ key: 'env', value: 'prod', field: 'metadata.labels' }]);
  });
});

describe('keep annotations', () => {
  const kept = (annotations: Record<string, string>) => change(id('PersistentVolumeClaim', 'data', 'shop'), 'delete', { annotations });

  it.each([
    ['helm-diff', { 'helm.sh/resource-policy': 'keep' }, 'helm'],
    ['kubernetes-objects', { 'argocd.argoproj.io/sync-options': 'ServerSideApply=true,Prune=false' }, 'Argo CD'],
    ['kubernetes-objects', { 'argocd.argoproj.io/sync-options': 'Delete=false' }, 'Argo CD'],
    ['kubernetes-objects', { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' }, 'Flux'],
  ])('%s: %j keeps the object (forget, with the annotation as the reason)', (format, annotations, tool) => {
    const [model] = analyzeKubernetes(reading(format, [kept(annotations)]), 'in', 0).changes;
    expect(model?.action).toBe('forget');
    expect(model?.keptBy).toContain(`(${tool} leaves it in place)`);
  });

  it('does not keep an object from a tool that ignores the annotation, and says so', () => {
    const [model] = analyzeKubernetes(reading('kubectl-delete', [kept({ 'helm.sh/resource-policy': 'keep' })]), 'in', 0).changes;
    expect(model?.action).toBe('delete');
    expect(model?.reason).toBe('its annotation helm.sh/resource-policy: keep only stops helm, not kubectl delete');
  });

  it('does not keep an object whose annotation has another value', () => {
    const [model] = analyzeKubernetes(reading('helm-diff', [kept({ 'helm.sh/resource-policy': 'delete' })]), 'in', 0).changes;
    expect(model?.action).toBe('delete');
  });

  it('does not save a kept object from its namespace deletion', () => {
    const changes = byAddress('helm-diff', [
      change(id('Namespace', 'shop'), 'delete'),
      change(id('PersistentVolumeClaim', 'data', 'shop'), 'delete', { annotations: { 'helm.sh/resource-policy': 'keep' } }),
    ]);
    expect(changes.get('PersistentVolumeClaim/shop/data')).toEqual({ action: 'delete', reason: 'namespace shop is deleted' });
  });
});

describe('the model', () => {
  it('carries labels and short annotations as labels, and never a long annotation value', () => {
    const [model] = analyzeKubernetes(
      reading('kubernetes-objects', [
        change(id('Service', 'api', 'shop'), 'delete', { labels: { tier: 'web' }, annotations: { note: 'x'.repeat(500), owner: 'team-a' } }),
      ]),
      'in',
      0,
    ).changes;
    expect(model?.labels).toEqual([
      { key: 'tier', value: 'web', field: 'metadata.labels' },
      { key: 'owner', value: 'team-a', field: 'metadata.annotations' },
    ]);
  });

  it('notes less evidence for objects a text output only names, and says when the namespace is missing too', () => {
    const named: KubeChange = { id: id('Deployment', 'web', undefined, 'apps'), action: 'delete', facts: {}, evidence: 'name', namespaceKnown: false };
    const [model] = analyzeKubernetes(reading('kubectl-apply', [named]), 'in', 0).changes;
    expect(model?.evidenceNote).toBe(
      'decided on less evidence: `kubectl apply --dry-run` output names the object without its namespace, labels and annotations',
    );
    expect(model?.address).toBe('Deployment.apps/web');
  });

  it('names custom resources group/Kind and builtin kinds alone', () => {
    const analyzed = analyzeKubernetes(
      reading('kubectl-delete', [
        change(id('VolumeSnapshot', 's', 'db', 'snapshot.storage.k8s.io'), 'delete'),
        change(id('StatefulSet', 'db', 'db', 'apps'), 'delete'),
      ]),
      'in',
      0,
    );
    expect(analyzed.changes.map((c) => c.type)).toEqual(['snapshot.storage.k8s.io/VolumeSnapshot', 'StatefulSet']);
  });

  it('makes a replace delete-first, with the immutable fields as replace paths', () => {
    const replaced: KubeChange = {
      ...change(id('Deployment', 'web', 'shop', 'apps'), 'replace'),
      reason: 'immutable field spec.selector changed',
      replacePaths: ['spec.selector'],
    };
    const [model] = analyzeKubernetes(reading('helm-diff', [replaced]), 'in', 0).changes;
    expect(model).toMatchObject({
      action: 'replace',
      replaceOrder: 'delete-first',
      replacePaths: ['spec.selector'],
      reason: 'immutable field spec.selector changed',
    });
  });

  it('counts unchanged objects without keeping them when asked to, and lists unjudged objects', () => {
    const analyzed = analyzeKubernetes(
      reading(
        'kubectl-diff',
        [change(id('ConfigMap', 'a', 'x'), 'no-op'), change(id('ConfigMap', 'b', 'x'), 'update')],
        [{ id: { kind: 'Deployment', name: 'web' }, message: 'Forbidden' }, { message: 'error: unable to recognize "k8s/x.yaml"' }],
      ),
      'in',
      0,
      { quietChanges: 'count' },
    );
    expect(analyzed.changes.map((c) => c.address)).toEqual(['ConfigMap/x/b']);
    expect(analyzed.actionCounts).toEqual({ 'no-op': 1, update: 1 });
    expect(analyzed.unjudged).toEqual(['Deployment web: Forbidden', 'error: unable to recognize "k8s/x.yaml"']);
  });
});
