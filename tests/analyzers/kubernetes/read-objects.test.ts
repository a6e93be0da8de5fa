// Objects passed with --deleting: every object of every input shape becomes a delete; damaged input is an InputError.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeKubernetesObjects } from '../../../src/analyzers/kubernetes/looks-like-objects.js';
import { readDeletedObjects } from '../../../src/analyzers/kubernetes/read-objects.js';
import { InputError } from '../../../src/errors.js';
import { ROOT } from '../../helpers/run-cli.js';

const fixture = (path: string) => readFileSync(join(ROOT, 'fixtures/kubernetes/objects', path), 'utf8');
const read = (path: string) => readDeletedObjects(fixture(path), path);
const names = (path: string) => read(path).changes.map((change) => `${change.id.kind}/${change.id.namespace ?? '-'}/${change.id.name}`);

function errorOf(text: string): string {
  try {
    readDeletedObjects(text, 'in.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

const PAYMENTS = [
  'Namespace/-/payments-prod',
  'Deployment/payments-prod/web',
  'ReplicaSet/payments-prod/web-6d5f8c7b9',
  'Pod/payments-prod/web-6d5f8c7b9-x7k2p',
  'StatefulSet/payments-prod/ledger',
  'PersistentVolumeClaim/payments-prod/data-ledger-0',
  'PersistentVolume/-/pvc-3f1c9e2a-0005-4b7d-9c1e-000000000005',
  'PersistentVolumeClaim/payments-prod/archive',
  'PersistentVolume/-/pv-archive-payments',
  'Service/payments-prod/web',
  'ConfigMap/payments-prod/web-config',
  'Secret/payments-prod/db-credentials',
];

describe('readDeletedObjects', () => {
  it('reads a kubectl get -o json List: every item a delete with its body as evidence', () => {
    const reading = read('payments-namespace/objects.json');
    expect(reading.format).toBe('kubernetes-objects');
    expect(reading.unjudged).toEqual([]);
    expect(names('payments-namespace/objects.json')).toEqual(PAYMENTS);
    for (const change of reading.changes) {
      expect(change).toMatchObject({ action: 'delete', evidence: 'object', namespaceKnown: true });
    }
  });

  it('reads the same List printed as YAML into the same changes', () => {
    expect(read('payments-namespace-yaml/objects.yaml')).toEqual(read('payments-namespace/objects.json'));
  });

  it('keeps the facts the cascades need: owners with uids, claims, reclaim policies, claim templates', () => {
    const byName = new Map(read('payments-namespace/objects.json').changes.map((change) => [`${change.id.kind}/${change.id.name}`, change]));
    expect(byName.get('Deployment/web')?.id).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'payments-prod', name: 'web' });
    expect(byName.get('ReplicaSet/web-6d5f8c7b9')?.facts.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: '7a1e2b3c-0001-4e5f-8a9b-000000000001' },
    ]);
    expect(byName.get('Pod/web-6d5f8c7b9-x7k2p')?.facts.ownerReferences?.[0]?.uid).toBe('7a1e2b3c-0002-4e5f-8a9b-000000000002');
    expect(byName.get('StatefulSet/ledger')?.facts).toMatchObject({ volumeClaimTemplates: ['data'], claimRetentionWhenDeleted: 'Delete' });
    expect(byName.get('PersistentVolumeClaim/data-ledger-0')?.facts.volumeName).toBe('pvc-3f1c9e2a-0005-4b7d-9c1e-000000000005');
    expect(byName.get('PersistentVolume/pvc-3f1c9e2a-0005-4b7d-9c1e-000000000005')?.facts).toMatchObject({
      reclaimPolicy: 'Delete',
      claimRef: { namespace: 'payments-prod', name: 'data-ledger-0' },
    });
    expect(byName.get('PersistentVolume/pv-archive-payments')?.facts).toMatchObject({ reclaimPolicy: 'Retain', labels: { environment: 'production' } });
  });

  it('never carries Secret data, stringData or the last-applied annotation that repeats them', () => {
    for (const path of ['payments-namespace/objects.json', 'payments-namespace-yaml/objects.yaml', 'helm-manifest/manifest.yaml']) {
      expect(fixture(path)).toContain('U0VDUkVULU1BUktFUi03ZjNh');
      const carried = JSON.stringify(read(path));
      expect(carried).not.toContain('SECRET-MARKER-7f3a');
      expect(carried).not.toContain('U0VDUkVULU1BUktFUi03ZjNh');
    }
  });

  it('reads a single object', () => {
    expect(names('single-object/namespace.json')).toEqual(['Namespace/-/payments-prod']);
  });

  it('fills the items of a typed list (PodList) with the list kind and version', () => {
    expect(read('pod-list-raw/pods.json').changes.map((change) => change.id)).toEqual([
      { group: '', version: 'v1', kind: 'Pod', namespace: 'payments-prod', name: 'web-6d5f8c7b9-x7k2p' },
    ]);
  });

  it('reads multi-document YAML: a CRD and a List of its custom resources', () => {
    const { changes } = read('crd/objects.yaml');
    expect(changes.map((change) => `${change.id.group}/${change.id.kind}/${change.id.name}`)).toEqual([
      'apiextensions.k8s.io/CustomResourceDefinition/ledgerentries.payments.example.com',
      'payments.example.com/LedgerEntry/settlement-2025-01',
      'payments.example.com/LedgerEntry/settlement-2025-02',
    ]);
    expect(changes[0]?.facts.defines).toEqual({ group: 'payments.example.com', kind: 'LedgerEntry', plural: 'ledgerentries' });
  });

  it('keeps the annotations that protect objects from pruning', () => {
    const annotations = read('protected/objects.yaml').changes.map((change) => change.facts.annotations);
    expect(annotations).toEqual([
      { 'argocd.argoproj.io/sync-options': 'Prune=false' },
      { 'argocd.argoproj.io/sync-options': 'Delete=false,ServerSideApply=true' },
      { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' },
      { 'helm.sh/resource-policy': 'keep' },
    ]);
  });

  it('reads helm get manifest: skips the empty document, and marks a namespaced object without namespace as unknown', () => {
    const { changes } = read('helm-manifest/manifest.yaml');
    expect(changes.map((change) => [`${change.id.kind}/${change.id.name}`, change.id.namespace, change.namespaceKnown])).toEqual([
      ['ServiceAccount/payments-api', undefined, false],
      ['Secret/payments-api-db', undefined, false],
      ['PersistentVolumeClaim/payments-api-uploads', undefined, false],
      ['Service/payments-api', undefined, false],
      ['Deployment/payments-api', 'payments-prod', true],
      ['ClusterRole/payments-api-reader', undefined, true],
    ]);
  });

  it('takes a custom kind as cluster-scoped when the input holds its CRD with scope Cluster', () => {
    const crd =
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: zones.dns.example.com\nspec:\n  group: dns.example.com\n  scope: Cluster\n  names:\n    kind: Zone\n    plural: zones\n';
    const zone = 'apiVersion: dns.example.com/v1\nkind: Zone\nmetadata:\n  name: example-com\n';
    const other = 'apiVersion: other.example.com/v1\nkind: Thing\nmetadata:\n  name: t\n';
    const { changes } = readDeletedObjects(`${crd}---\n${zone}---\n${other}`, 'in.yaml');
    expect(changes.map((change) => change.namespaceKnown)).toEqual([true, true, false]);
  });

  it('reads a bare JSON array of objects and a stream of JSON objects', () => {
    const ns = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    expect(readDeletedObjects(JSON.stringify([ns('a'), ns('b')]), 'in.json').changes.map((change) => change.id.name)).toEqual(['a', 'b']);
    expect(readDeletedObjects(`${JSON.stringify(ns('a'))}\n${JSON.stringify(ns('b'))}\n`, 'in.json').changes).toHaveLength(2);
  });

  it('accepts an empty List (nothing to delete) but not an input without any object', () => {
    expect(readDeletedObjects('{"apiVersion": "v1", "items": [], "kind": "List", "metadata": {"resourceVersion": ""}}', 'in.json').changes).toEqual([]);
    expect(errorOf('---\n# Source: chart/templates/empty.yaml\n# nothing\n')).toBe(
      'in.yaml holds no Kubernetes objects: expected `kubectl get … -o json|yaml` output or manifests.',
    );
  });
});

describe('readDeletedObjects on damaged input', () => {
  it('refuses truncated JSON', () => {
    expect(() => read('truncated/objects.json')).toThrow(new InputError('truncated/objects.json ends before its JSON is complete: the file is truncated.'));
  });

  const ok = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n';
  it.each([
    ['truncated YAML', `${ok}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: "b`, /^in\.yaml: document 2 is not valid YAML at line 9, column \d+/],
    [
      'a custom tag',
      `${ok}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: !!js/function b\n`,
      /^in\.yaml: document 2 uses a custom YAML tag at line 9, column \d+, which no Kubernetes object needs: refused\.$/,
    ],
    [
      'a binary scalar',
      `${ok}---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  k: !!binary aGk=\n`,
      /^in\.yaml: document 2 uses a custom YAML tag/,
    ],
    ['a document that is a string', `${ok}---\njust text\n`, /^in\.yaml: document 2 is text, not a Kubernetes object\.$/],
    ['a document that is a number', `---\n42\n`, /^in\.yaml: document 1 is a number, not a Kubernetes object\.$/],
    ['an object without kind', `${ok}---\napiVersion: v1\nmetadata:\n  name: b\n`, /^in\.yaml: document 2 has no kind\.$/],
    ['an object without name', `${ok}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {}\n`, /^in\.yaml: document 2 \(ConfigMap\) has no metadata\.name\.$/],
    ['an object without apiVersion', `kind: ConfigMap\nmetadata:\n  name: b\n`, /^in\.yaml: document 1 \(ConfigMap\) has no apiVersion\.$/],
    [
      'a List item without name',
      `apiVersion: v1\nkind: List\nitems:\n- ${ok.replace(/\n/g, '\n  ').replace('name: a', 'labels: {}')}`,
      /^in\.yaml: document 1, item 1 \(Namespace\) has no metadata\.name\.$/,
    ],
    ['a List item that is not an object', `apiVersion: v1\nkind: List\nitems:\n- 3\n`, /^in\.yaml: document 1, item 1 is not an object\.$/],
    ['a List without items', `apiVersion: v1\nkind: List\nmetadata: {}\n`, /^in\.yaml: document 1 is a List without an items list\.$/],
    [
      'a kubectl error Status',
      `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","reason":"NotFound"}`,
      /^in\.yaml: document 1 \(Status\) has no metadata\.name\.$/,
    ],
  ])('%s', (_, text, message) => {
    expect(errorOf(text)).toMatch(message);
  });

  it('refuses YAML whose aliases expand beyond the document (billion laughs)', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefgh'.split('').map((level, i) => `${level}: &${level} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
    ].join('\n');
    expect(errorOf(`${ok}---\n${bomb}\n`)).toBe(
      'in.yaml: document 2 (line 5) has YAML aliases that expand to more values than it has characters (an alias bomb): refused.',
    );
  });

  it('refuses a value longer than any object can hold', () => {
    const huge = 'x'.repeat(3 * 1024 * 1024 + 1);
    expect(errorOf(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: ${huge}\n`)).toBe(
      'in.yaml: document 1 holds a value longer than any Kubernetes object can (3 MiB): refused.',
    );
    expect(errorOf(JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data: { k: huge } }))).toMatch(
      /document 1 holds a value longer/,
    );
  });

  it('never quotes the input in its messages', () => {
    const message = errorOf('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {password: "SECRET-MARKER-7f3a\n');
    expect(message).toMatch(/^in\.yaml: document 1 is not valid YAML/);
    expect(message).not.toContain('SECRET-MARKER');
  });
});

describe('looksLikeKubernetesObjects', () => {
  it.each([
    ['payments-namespace/objects.json', true],
    ['payments-namespace-yaml/objects.yaml', true],
    ['single-object/namespace.json', true],
    ['crd/objects.yaml', true],
    ['protected/objects.yaml', true],
    ['helm-manifest/manifest.yaml', true],
    ['pod-list-raw/pods.json', true],
  ])('%s → %s', (path, expected) => {
    expect(looksLikeKubernetesObjects(fixture(path))).toBe(expected);
  });

  it.each([
    ['kubectl create -o json (kind first)', '{\n    "kind": "Namespace",\n    "apiVersion": "v1"', true],
    ['a Terraform plan', '{"format_version":"1.2","terraform_version":"1.11.4"}', false],
    ['kubectl diff output', 'diff -u -N /tmp/LIVE-1/apps.v1.Deployment.default.web /tmp/MERGED-2/apps.v1.Deployment.default.web\n', false],
    ['kubectl apply dry-run output', 'deployment.apps/web configured (server dry run)\n', false],
    ['a YAML config file', 'environments:\n  production: {}\n', false],
  ])('%s', (_, text, expected) => {
    expect(looksLikeKubernetesObjects(text)).toBe(expected);
  });
});
