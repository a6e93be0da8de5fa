// kubectl diff output: created, updated and pruned objects from the LIVE/MERGED file pairs, kubectl's errors, damage refused.
import { readFileSync } from 'node:fs';
import { InputError } from '../../../src/errors.js';
import { parseObjectFileName, readKubectlDiff } from '../../../src/analyzers/kubernetes/kubectl-diff.js';

const fixture = (name: string): string => readFileSync(`fixtures/kubernetes/kubectl-diff/${name}/diff.txt`, 'utf8');

describe('parseObjectFileName', () => {
  it.each([
    ['apps.v1.Deployment.payments-prod.web', { group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'payments-prod', name: 'web' }],
    ['v1.ConfigMap.staging.app.config', { group: '', version: 'v1', kind: 'ConfigMap', namespace: 'staging', name: 'app.config' }],
    ['v1.Namespace..payments-prod', { group: '', version: 'v1', kind: 'Namespace', name: 'payments-prod' }],
    [
      'apiextensions.k8s.io.v1.CustomResourceDefinition..widgets.example.com',
      { group: 'apiextensions.k8s.io', version: 'v1', kind: 'CustomResourceDefinition', name: 'widgets.example.com' },
    ],
    ['example.com.v1alpha1.Widget.staging.blue', { group: 'example.com', version: 'v1alpha1', kind: 'Widget', namespace: 'staging', name: 'blue' }],
  ])('%s', (fileName, id) => {
    expect(parseObjectFileName(fileName)).toEqual(id);
  });

  it.each(['web', 'apps.v1.Deployment.web', 'apps.v1.deployment.ns.web', 'Apps.v1.Deployment.ns.web'])('refuses %s', (fileName) => {
    expect(parseObjectFileName(fileName)).toBeUndefined();
  });
});

describe('readKubectlDiff', () => {
  it('reads a created, two updated and a pruned object', () => {
    const reading = readKubectlDiff(fixture('created-updated-pruned'), 'diff.txt');
    expect(reading.format).toBe('kubectl-diff');
    expect(reading.unjudged).toEqual([]);
    const byName = Object.fromEntries(reading.changes.map((change) => [change.id.name, change]));
    expect(byName.checkout).toMatchObject({
      id: { group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'payments-prod', name: 'checkout' },
      action: 'create',
      evidence: 'object',
      namespaceKnown: true,
      facts: { labels: { app: 'checkout', environment: 'production' }, uid: '6f1c2a9e-3b7d-4e55-9a0c-1d2e3f405162' },
    });
    // The last-applied annotation repeats the whole object: never carried.
    expect(byName.checkout?.facts.annotations).toBeUndefined();
    expect(byName.api).toMatchObject({ action: 'update', facts: { labels: { app: 'api', environment: 'production', version: '1.5.0' } } });
    // The hunk ends before metadata does: labels seen may not be all there are.
    expect(byName.api?.evidence).toBe('name');
    expect(byName['api-settings']).toMatchObject({ action: 'update', facts: {}, evidence: 'name', namespaceKnown: true });
    expect(byName['legacy-flags']).toMatchObject({
      id: { kind: 'ConfigMap', namespace: 'payments-prod' },
      action: 'delete',
      reason: 'it is no longer in the applied manifests (kubectl diff --prune)',
      evidence: 'object',
      facts: { labels: { app: 'api', environment: 'production' } },
    });
  });

  it('reads a whole metadata block of an update as the object evidence', () => {
    const text = [
      '--- /tmp/LIVE-1/v1.Service.staging.web\t2025-01-01 00:00:00.000000000 +0000',
      '+++ /tmp/MERGED-2/v1.Service.staging.web\t2025-01-01 00:00:00.000000000 +0000',
      '@@ -1,7 +1,7 @@',
      ' apiVersion: v1',
      ' kind: Service',
      ' metadata:',
      '   labels:',
      '-    environment: staging',
      '+    environment: production',
      '   name: web',
      ' spec:',
    ].join('\n');
    const [change] = readKubectlDiff(text, 'diff.txt').changes;
    expect(change).toMatchObject({ action: 'update', evidence: 'object', facts: { labels: { environment: 'production' } } });
  });

  it('reads a pruned PersistentVolumeClaim with its bound volume', () => {
    const [change] = readKubectlDiff(fixture('pruned-pvc'), 'diff.txt').changes;
    expect(change).toMatchObject({
      id: { kind: 'PersistentVolumeClaim', namespace: 'payments-prod', name: 'ledger-data' },
      action: 'delete',
      facts: { volumeName: 'pvc-3c2b1a09-8f7e-4d6c-b5a4-39281706f5e4', storageClassName: 'gp3', labels: { environment: 'production' } },
    });
  });

  it('never carries a Secret value, masked or not', () => {
    const reading = readKubectlDiff(fixture('secret'), 'diff.txt');
    expect(reading.changes.map((change) => [change.id.name, change.action])).toEqual([
      ['db-credentials', 'create'],
      ['db-credentials-old', 'delete'],
    ]);
    const carried = JSON.stringify(reading);
    expect(carried).not.toContain('SECRET-MARKER-7f3a');
    expect(carried).not.toContain('U0VDUkVULU1BUktFUi03ZjNh');
  });

  it('reads an immutable-field rejection as a replace naming the field, without the value', () => {
    const reading = readKubectlDiff(fixture('immutable-selector-error'), 'diff.txt');
    expect(reading.unjudged).toEqual([]);
    expect(reading.changes).toEqual([
      {
        id: { group: 'apps', kind: 'Deployment', name: 'web' },
        action: 'replace',
        reason: 'immutable field spec.selector changed: the server refused the update (spec.selector: Invalid value (value not shown): field is immutable)',
        replacePaths: ['spec.selector'],
        facts: {},
        evidence: 'name',
        namespaceKnown: false,
      },
    ]);
    expect(JSON.stringify(reading)).not.toContain('MatchLabels');
  });

  it('reads an input of errors only as objects that could not be judged', () => {
    const reading = readKubectlDiff(fixture('error-only'), 'diff.txt');
    expect(reading.changes).toEqual([]);
    expect(reading.unjudged).toEqual([
      { id: { name: 'web', group: 'apps' }, message: expect.stringMatching(/^Error from server \(Forbidden\): deployments\.apps "web" is forbidden/) },
    ]);
  });

  it('reads objects kubectl diff without -N shows as only in one directory', () => {
    const reading = readKubectlDiff('Only in /tmp/LIVE-123: v1.PersistentVolumeClaim.payments-prod.data\n', 'diff.txt');
    expect(reading.changes).toMatchObject([{ id: { kind: 'PersistentVolumeClaim', name: 'data' }, action: 'delete', evidence: 'name' }]);
  });

  describe('refuses damaged input with one sentence naming the file', () => {
    const header = ['--- /tmp/LIVE-1/v1.ConfigMap.staging.a\t2025', '+++ /tmp/MERGED-2/v1.ConfigMap.staging.a\t2025'];
    it.each([
      ['a malformed path', ['--- /tmp/LIVE-1/configmap-a\t2025', '+++ /tmp/MERGED-2/configmap-a\t2025', '@@ -1 +1 @@', '-a: 1', '+a: 2']],
      ['headers naming two objects', ['--- /tmp/LIVE-1/v1.ConfigMap.staging.a', '+++ /tmp/MERGED-2/v1.ConfigMap.staging.b', '@@ -1 +1 @@', '-a: 1', '+a: 2']],
      ['a path outside LIVE/MERGED', ['--- /home/me/v1.ConfigMap.staging.a', '+++ /home/me2/v1.ConfigMap.staging.a', '@@ -1 +1 @@', '-a: 1', '+a: 2']],
      ['a truncated hunk', [...header, '@@ -1,3 +1,3 @@', ' a: 1', '-b: 2']],
      ['a hunk cut by another line', [...header, '@@ -1,3 +1,3 @@', ' a: 1', 'garbage', ' c: 3']],
      ['a header without hunks', header],
      ['an unknown line', ['this is not a diff']],
      [
        'a created body that is not YAML',
        ['--- /tmp/LIVE-1/v1.ConfigMap.staging.a', '+++ /tmp/MERGED-2/v1.ConfigMap.staging.a', '@@ -0,0 +1,2 @@', '+a: [', '+b'],
      ],
      [
        'a body of another object',
        [
          '--- /tmp/LIVE-1/v1.ConfigMap.staging.a',
          '+++ /tmp/MERGED-2/v1.ConfigMap.staging.a',
          '@@ -0,0 +1,4 @@',
          '+apiVersion: v1',
          '+kind: ConfigMap',
          '+metadata:',
          '+  name: b',
        ],
      ],
    ])('%s', (_, lines) => {
      expect(() => readKubectlDiff(lines.join('\n'), 'k8s.diff')).toThrow(InputError);
      expect(() => readKubectlDiff(lines.join('\n'), 'k8s.diff')).toThrow(/^k8s\.diff/);
    });
  });

  it('never quotes a Secret body in its error', () => {
    const text = [
      '--- /tmp/LIVE-1/v1.Secret.prod.s',
      '+++ /tmp/MERGED-2/v1.Secret.prod.s',
      '@@ -0,0 +1,2 @@',
      '+data: [',
      '+  password: U0VDUkVULU1BUktFUi03ZjNh',
    ].join('\n');
    expect(() => readKubectlDiff(text, 'diff.txt')).toThrow(/^(?!.*U0VDUkVU).*$/s);
  });
});
