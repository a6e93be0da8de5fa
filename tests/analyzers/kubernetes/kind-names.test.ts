// What kubectl prints for a kind maps to its group and Kind, and builtin kinds know their scope.
import { builtinKind, builtinKindsNamed, kindFromPrinted } from '../../../src/analyzers/kubernetes/kind-names.js';

describe('kindFromPrinted', () => {
  it.each([
    ['deployment.apps', { group: 'apps', kind: 'Deployment', builtin: true, namespaced: true }],
    ['persistentvolumeclaim', { group: '', kind: 'PersistentVolumeClaim', builtin: true, namespaced: true }],
    ['namespace', { group: '', kind: 'Namespace', builtin: true, namespaced: false }],
    ['customresourcedefinition.apiextensions.k8s.io', { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', builtin: true, namespaced: false }],
    ['widget.example.com', { group: 'example.com', kind: 'widget', builtin: false }],
    ['deployment', { group: '', kind: 'deployment', builtin: false }],
  ])('%s', (printed, expected) => {
    expect(kindFromPrinted(printed)).toEqual(expected);
  });
});

describe('builtin lookups', () => {
  it('finds a builtin kind by group and Kind, and every group of a Kind', () => {
    expect(builtinKind('storage.k8s.io', 'StorageClass')?.namespaced).toBe(false);
    expect(builtinKind('', 'Widget')).toBeUndefined();
    expect(builtinKindsNamed('Deployment').map((k) => k.group)).toEqual(['apps']);
    expect(builtinKindsNamed('Event').map((k) => k.group)).toEqual(['', 'events.k8s.io']);
  });
});
