// helm-diff output: added, changed and removed objects with their bodies; immutable-field changes become replaces.
import { readFileSync } from 'node:fs';
import { InputError } from '../../../src/errors.js';
import { readHelmDiff } from '../../../src/analyzers/kubernetes/helm-diff.js';

const upgrade = readFileSync('fixtures/kubernetes/helm-diff/upgrade/helm-diff.txt', 'utf8');

describe('readHelmDiff: default diff mode', () => {
  const reading = readHelmDiff(upgrade, 'helm-diff.txt');
  const byName = Object.fromEntries(reading.changes.map((change) => [change.id.name, change]));

  it('reads every entry', () => {
    expect(reading.format).toBe('helm-diff');
    expect(reading.unjudged).toEqual([]);
    expect(reading.changes.map((c) => [c.id.kind, c.id.name, c.action])).toEqual([
      ['Deployment', 'api', 'replace'],
      ['ConfigMap', 'api-settings', 'update'],
      ['Secret', 'db-credentials', 'update'],
      ['StatefulSet', 'ledger', 'replace'],
      ['PersistentVolumeClaim', 'ledger-archive', 'delete'],
      ['Deployment', 'checkout', 'create'],
    ]);
  });

  it('reports a changed Deployment selector as a replace naming the field', () => {
    expect(byName.api).toMatchObject({
      id: { group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'payments-prod', name: 'api' },
      replacePaths: ['spec.selector'],
      reason: expect.stringMatching(/^immutable field spec\.selector changed: /),
      facts: { labels: { environment: 'production' } },
      evidence: 'object',
      namespaceKnown: true,
    });
  });

  it('reports a changed StatefulSet volumeClaimTemplate as a replace', () => {
    expect(byName.ledger).toMatchObject({ action: 'replace', replacePaths: ['spec.volumeClaimTemplates'], facts: { volumeClaimTemplates: ['data'] } });
  });

  it('reads a removed PersistentVolumeClaim and an added Deployment from their whole bodies', () => {
    expect(byName['ledger-archive']).toMatchObject({ action: 'delete', evidence: 'object', facts: { storageClassName: 'gp3', labels: { app: 'ledger' } } });
    expect(byName.checkout).toMatchObject({ action: 'create', evidence: 'object', facts: { labels: { app: 'checkout', environment: 'production' } } });
  });

  it('never carries a Secret value printed with --show-secrets', () => {
    expect(upgrade).toContain('SECRET-MARKER-7f3a');
    const carried = JSON.stringify(reading);
    expect(carried).not.toContain('SECRET-MARKER-7f3a');
    expect(carried).not.toContain('U0VDUkVULU1BUktFUi03ZjNh');
  });

  it('drops the release namespace helm-diff gives a cluster-scoped object', () => {
    const text = [
      'payments-prod, payments-prod, Namespace (v1) has been removed:',
      '- apiVersion: v1',
      '- kind: Namespace',
      '- metadata:',
      '-   name: payments-prod',
      '+ ',
    ].join('\n');
    expect(readHelmDiff(text, 'helm-diff.txt').changes[0]).toMatchObject({ id: { kind: 'Namespace', name: 'payments-prod' }, namespaceKnown: true });
    expect(readHelmDiff(text, 'helm-diff.txt').changes[0]?.id.namespace).toBeUndefined();
  });

  it('treats data of a ConfigMap marked immutable as immutable', () => {
    const body = (value: string) => ['  apiVersion: v1', '  kind: ConfigMap', '  metadata:', '    name: flags', '  immutable: true', '  data:', `${value}`];
    const text = ['staging, flags, ConfigMap (v1) has changed:', ...body('-   A: "1"').slice(0, 6), '-   A: "1"', '+   A: "2"'].join('\n');
    expect(readHelmDiff(text, 'helm-diff.txt').changes[0]).toMatchObject({ action: 'replace', replacePaths: ['data'] });
  });

  it('leaves a changed object it sees only in part (--context) unjudged', () => {
    const text = ['staging, web, Deployment (apps) has changed:', '...', '-       app: web', '+       app: web2', '...'].join('\n');
    const partial = readHelmDiff(text, 'helm-diff.txt');
    expect(partial.changes).toMatchObject([{ action: 'update', evidence: 'name' }]);
    expect(partial.unjudged).toMatchObject([{ id: { kind: 'Deployment', name: 'web' } }]);
  });

  it.each([
    ['a line outside any entry', 'something else\n'],
    ['a body line without its marker', 'staging, web, Deployment (apps) has been added:\napiVersion: apps/v1\n'],
    ['an added body that is not YAML', 'staging, web, Deployment (apps) has been added:\n+ a: [\n'],
  ])('refuses %s', (_, text) => {
    expect(() => readHelmDiff(text, 'helm-diff.txt')).toThrow(InputError);
  });
});

describe('readHelmDiff: simple and json modes', () => {
  it('reads --output simple and checks its Plan line', () => {
    const text = [
      'payments-prod, api, Deployment (apps) to be changed.',
      'payments-prod, ledger-archive, PersistentVolumeClaim (v1) to be removed.',
      'Plan: 0 to add, 1 to change, 1 to destroy, 0 to change ownership.',
    ].join('\n');
    const reading = readHelmDiff(text, 'simple.txt');
    expect(reading.changes.map((c) => [c.id.name, c.action, c.evidence])).toEqual([
      ['api', 'update', 'name'],
      ['ledger-archive', 'delete', 'name'],
    ]);
    // What changed in the Deployment is not shown: a selector change cannot be ruled out.
    expect(reading.unjudged).toMatchObject([{ id: { name: 'api' } }]);
    expect(() => readHelmDiff(text.replace('1 to destroy', '2 to destroy'), 'simple.txt')).toThrow(InputError);
    expect(() => readHelmDiff(text.split('\n').slice(0, 2).join('\n'), 'simple.txt')).toThrow(InputError);
  });

  it('reads --output json', () => {
    const text = '[\n{\n  "api": "v1",\n  "kind": "Secret",\n  "namespace": "staging",\n  "name": "creds",\n  "change": "REMOVE"\n}]\n';
    expect(readHelmDiff(text, 'out.json').changes).toMatchObject([
      { id: { group: '', version: 'v1', kind: 'Secret', namespace: 'staging', name: 'creds' }, action: 'delete' },
    ]);
    expect(() => readHelmDiff('[{"api": "v1"', 'out.json')).toThrow(InputError);
    expect(() => readHelmDiff('[{"api": "v1", "kind": "Secret", "kind": "ConfigMap", "namespace": "", "name": "x", "change": "REMOVE"}]', 'out.json')).toThrow(
      'out.json writes the key [0].kind twice, which JSON readers read differently (helm-diff never writes a key twice)',
    );
    expect(() => readHelmDiff('[{"api": "v1", "kind": "Secret", "namespace": "", "name": "x", "change": "EXPLODE"}]', 'out.json')).toThrow(InputError);
  });
});
