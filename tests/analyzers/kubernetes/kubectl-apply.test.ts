// kubectl apply dry-run output: one line per object, its operation an action, the namespace unknown unless cluster-scoped.
import { readFileSync } from 'node:fs';
import { InputError } from '../../../src/errors.js';
import { readKubectlApply } from '../../../src/analyzers/kubernetes/kubectl-apply.js';

describe('readKubectlApply', () => {
  it('reads a server dry run with pruned objects', () => {
    const reading = readKubectlApply(readFileSync('fixtures/kubernetes/kubectl-apply/prune-server-dry-run/apply.txt', 'utf8'), 'apply.txt');
    expect(reading.format).toBe('kubectl-apply');
    expect(reading.changes.map((c) => [c.id.group, c.id.kind, c.id.name, c.action, c.namespaceKnown])).toEqual([
      ['', 'Namespace', 'payments-prod', 'no-op', true],
      ['', 'ConfigMap', 'api-settings', 'update', false],
      ['', 'Service', 'api', 'no-op', false],
      ['apps', 'Deployment', 'api', 'update', false],
      ['apps', 'Deployment', 'checkout', 'create', false],
      ['', 'ConfigMap', 'legacy-flags', 'delete', false],
      ['', 'PersistentVolumeClaim', 'ledger-archive', 'delete', false],
    ]);
    expect(reading.changes.every((c) => c.evidence === 'name' && c.id.namespace === undefined)).toBe(true);
    expect(reading.changes[5]?.reason).toBe('it is no longer in the applied manifests (kubectl apply --prune)');
  });

  it('reads a client dry run, custom kinds in their printed lowercase', () => {
    const reading = readKubectlApply(readFileSync('fixtures/kubernetes/kubectl-apply/client-dry-run/apply.txt', 'utf8'), 'apply.txt');
    expect(reading.changes.map((c) => [c.id.group, c.id.kind, c.id.name, c.action, c.namespaceKnown])).toEqual([
      ['', 'Namespace', 'staging', 'create', true],
      ['apps', 'Deployment', 'web', 'create', false],
      ['', 'Service', 'web', 'create', false],
      ['apiextensions.k8s.io', 'CustomResourceDefinition', 'widgets.example.com', 'create', true],
      ['example.com', 'widget', 'blue', 'create', false],
    ]);
  });

  it('reads server-side apply, warnings and errors piped in', () => {
    const text = [
      'Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply.',
      'deployment.apps/web serverside-applied (server dry run)',
      'The Deployment "api" is invalid: spec.selector: Invalid value: v1.LabelSelector{}: field is immutable',
    ].join('\n');
    const reading = readKubectlApply(text, 'apply.txt');
    expect(reading.changes.map((c) => [c.id.name, c.action])).toEqual([
      ['web', 'update'],
      ['api', 'replace'],
    ]);
  });

  it.each(['deployment.apps/web', 'deployment.apps/web deleted', 'deployment.apps/web created (server dry run) extra'])('refuses %j', (line) => {
    expect(() => readKubectlApply(line, 'apply.txt')).toThrow(new InputError('apply.txt: line 1 is neither kubectl-apply output nor a kubectl error.'));
  });
});
