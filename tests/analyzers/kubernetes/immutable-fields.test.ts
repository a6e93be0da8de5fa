// The immutable-field table: which changed paths an update cannot apply, per kind.
import { hasImmutableFields, immutableFieldsChanged } from '../../../src/analyzers/kubernetes/immutable-fields.js';

const fields = (group: string, kind: string, paths: string[], marked = false) => immutableFieldsChanged(group, kind, paths, marked).map((f) => f.field);

describe('immutableFieldsChanged', () => {
  it.each([
    ['apps', 'Deployment', ['spec.selector.matchLabels.tier'], ['spec.selector']],
    ['apps', 'Deployment', ['spec.replicas', 'spec.template.spec.containers[0].image'], []],
    ['apps', 'StatefulSet', ['spec.volumeClaimTemplates[0].spec.resources.requests.storage'], ['spec.volumeClaimTemplates']],
    ['apps', 'StatefulSet', ['spec.serviceName', 'spec.podManagementPolicy'], ['spec.serviceName', 'spec.podManagementPolicy']],
    ['apps', 'StatefulSet', ['spec.replicas', 'spec.template.metadata.labels.a', 'spec.updateStrategy.type', 'spec.minReadySeconds'], []],
    ['', 'Service', ['spec.clusterIP'], ['spec.clusterIP']],
    ['', 'Service', ['spec.ports[0].port'], []],
    ['batch', 'Job', ['spec.template.spec.containers[0].image'], ['spec.template']],
    ['', 'PersistentVolumeClaim', ['spec.resources.requests.storage'], []],
    ['', 'PersistentVolumeClaim', ['spec.storageClassName', 'spec.resources.limits.storage'], ['spec.storageClassName', 'spec.resources.limits']],
    ['', 'PersistentVolume', ['spec.csi.volumeHandle'], ['spec.csi']],
    ['', 'Pod', ['spec.containers[1].image'], []],
    ['', 'Pod', ['spec.containers[1].env[0].value'], ['spec.containers[*].env']],
    ['storage.k8s.io', 'StorageClass', ['parameters.type'], ['parameters']],
    ['rbac.authorization.k8s.io', 'ClusterRoleBinding', ['roleRef.name'], ['roleRef']],
    ['', 'ConfigMap', ['data.A'], []],
    ['example.com', 'Widget', ['spec.size'], []],
    ['', 'ConfigMap', ['metadata.name'], ['metadata.name']],
    ['apps', 'Deployment', ['spec'], ['spec.selector']],
  ])('%s/%s %j → %j', (group, kind, paths, expected) => {
    expect(fields(group, kind, paths)).toEqual(expected);
  });

  it('holds the data of a ConfigMap or Secret marked immutable', () => {
    expect(fields('', 'ConfigMap', ['data.A'], true)).toEqual(['data']);
    expect(fields('', 'Secret', ['stringData.password', 'type'], true)).toEqual(['stringData', 'type']);
  });

  it('says why', () => {
    expect(immutableFieldsChanged('apps', 'Deployment', ['spec.selector'])[0]?.why).toMatch(/selector/);
  });
});

describe('hasImmutableFields', () => {
  it('is true for kinds with their own rules only', () => {
    expect(hasImmutableFields('apps', 'Deployment')).toBe(true);
    expect(hasImmutableFields('', 'ConfigMap')).toBe(true);
    expect(hasImmutableFields('networking.k8s.io', 'Ingress')).toBe(false);
  });
});
