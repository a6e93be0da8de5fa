// kubectl delete dry-run output: the old and the 1.34 form (with the namespace) and -o name, all deletes named only.
import { readFileSync } from 'node:fs';
import { InputError } from '../../../src/errors.js';
import { readKubectlDelete } from '../../../src/analyzers/kubernetes/kubectl-delete.js';

const fixture = (name: string): string => readFileSync(`fixtures/kubernetes/kubectl-delete/${name}/delete.txt`, 'utf8');
const summary = (text: string) => readKubectlDelete(text, 'delete.txt').changes.map((c) => [c.id.kind, c.id.namespace, c.id.name, c.action, c.namespaceKnown]);

describe('readKubectlDelete', () => {
  it('reads the deletion of a namespace', () => {
    expect(summary(fixture('namespace-old-form'))).toEqual([['Namespace', undefined, 'payments-prod', 'delete', true]]);
  });

  it('reads the namespace kubectl 1.34 prints for namespaced objects', () => {
    expect(summary(fixture('namespace-new-form'))).toEqual([
      ['Deployment', 'payments-prod', 'api', 'delete', true],
      ['PersistentVolumeClaim', 'payments-prod', 'ledger-data', 'delete', true],
      ['Namespace', undefined, 'payments-prod', 'delete', true],
    ]);
  });

  it('reads -o name, where a namespaced object has no namespace', () => {
    expect(summary(fixture('output-name'))).toEqual([
      ['Namespace', undefined, 'payments-prod', 'delete', true],
      ['Deployment', undefined, 'api', 'delete', false],
      ['PersistentVolumeClaim', undefined, 'ledger-data', 'delete', false],
    ]);
  });

  it('reads force deletion, its warning, client dry runs and nothing found', () => {
    const text = [
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
      'pod "web-0" force deleted from staging namespace (dry run)',
      'No resources found',
      'Error from server (NotFound): deployments.apps "old" not found',
    ].join('\n');
    const reading = readKubectlDelete(text, 'delete.txt');
    expect(reading.changes).toEqual([
      {
        id: { group: '', kind: 'Pod', name: 'web-0', namespace: 'staging' },
        action: 'delete',
        reason: 'it is force deleted (grace period 0)',
        facts: {},
        evidence: 'name',
        namespaceKnown: true,
      },
    ]);
    expect(reading.unjudged).toHaveLength(1);
  });

  it('refuses a line it does not know', () => {
    expect(() => readKubectlDelete('deployment.apps "web" removed', 'delete.txt')).toThrow(InputError);
  });
});
