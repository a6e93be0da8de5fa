// Format detection by content: each fixture is recognized, warnings first do not matter, other text is not claimed.
import { readFileSync } from 'node:fs';
import { detectKubernetesText } from '../../../src/analyzers/kubernetes/detect-kubernetes-text.js';

const read = (path: string): string => readFileSync(`fixtures/kubernetes/${path}`, 'utf8');

describe('detectKubernetesText', () => {
  it.each([
    ['kubectl-diff/created-updated-pruned/diff.txt', 'kubectl-diff'],
    ['kubectl-diff/pruned-pvc/diff.txt', 'kubectl-diff'],
    ['kubectl-diff/immutable-selector-error/diff.txt', 'kubectl-diff'],
    ['kubectl-diff/error-only/diff.txt', 'kubectl-diff'],
    ['kubectl-apply/prune-server-dry-run/apply.txt', 'kubectl-apply'],
    ['kubectl-apply/client-dry-run/apply.txt', 'kubectl-apply'],
    ['kubectl-delete/namespace-old-form/delete.txt', 'kubectl-delete'],
    ['kubectl-delete/namespace-new-form/delete.txt', 'kubectl-delete'],
    ['kubectl-delete/output-name/delete.txt', 'kubectl-delete'],
    ['helm-diff/upgrade/helm-diff.txt', 'helm-diff'],
  ])('%s → %s', (path, format) => {
    expect(detectKubernetesText(read(path))).toBe(format);
  });

  it('looks past warnings, colour codes and errors', () => {
    expect(detectKubernetesText('Warning: v1 ComponentStatus is deprecated\n\n\u001b[32mdeployment.apps/web created (server dry run)\u001b[0m\n')).toBe(
      'kubectl-apply',
    );
    expect(detectKubernetesText('error: unable to recognize "x.yaml": no matches for kind "W"\nnamespace "a" deleted\n')).toBe('kubectl-delete');
  });

  it('recognizes helm-diff --output simple and json', () => {
    expect(detectKubernetesText('Plan: 0 to add, 0 to change, 0 to destroy, 0 to change ownership.\n')).toBe('helm-diff');
    expect(detectKubernetesText('[\n{\n  "api": "apps",\n  "kind": "Deployment"')).toBe('helm-diff');
  });

  it.each([['{"format_version":"1.2"}'], ['hello world\n'], [''], ['Warning: only a warning\n']])('claims nothing for %j', (text) => {
    expect(detectKubernetesText(text)).toBeUndefined();
  });
});
