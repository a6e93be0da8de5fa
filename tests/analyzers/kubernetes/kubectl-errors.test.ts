// kubectl's error lines: immutable-field rejections become replaces naming the field, other errors unjudged objects; no value is kept.
import { readKubectlError } from '../../../src/analyzers/kubernetes/kubectl-errors.js';

const read = (...lines: string[]) => readKubectlError(lines, 0);

describe('readKubectlError', () => {
  it('reads several causes on the `* ` lines after the header', () => {
    const error = read(
      'The StatefulSet "ledger" is invalid: ',
      "* spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      '* metadata.labels: Invalid value: "bad value!": a valid label must be an empty string or consist of alphanumeric characters',
    );
    expect(error?.lines).toBe(3);
    expect(error?.change).toMatchObject({ id: { group: 'apps', kind: 'StatefulSet', name: 'ledger' }, action: 'replace', replacePaths: ['spec'] });
    expect(JSON.stringify(error)).not.toContain('bad value!');
  });

  it("reads the namespace and the rejection out of kubectl apply's failed patch, skipping the patch and object", () => {
    const error = read(
      'Error from server (Invalid): error when applying patch:',
      '{"data":{"password":"U0VDUkVULU1BUktFUi03ZjNh"},"metadata":{"annotations":{}}}',
      'to:',
      'Resource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"',
      'Name: "web", Namespace: "payments-prod"',
      'for: "k8s/web.yaml": error when patching "k8s/web.yaml": Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
      'deployment.apps/api configured',
    );
    expect(error?.lines).toBe(6);
    expect(error?.change).toMatchObject({
      id: { group: 'apps', kind: 'Deployment', namespace: 'payments-prod', name: 'web' },
      namespaceKnown: true,
      replacePaths: ['spec.selector'],
    });
    expect(JSON.stringify(error)).not.toMatch(/U0VDUkVU|web2/);
  });

  it('reads an aggregated server message with several causes', () => {
    const error = read(
      'Error from server (Invalid): error when creating "svc.yaml": Service "api" is invalid: [spec.clusterIPs[0]: Invalid value: []string{"10.96.0.12"}: may not change once set, spec.ports[0].port: Required value]',
    );
    expect(error?.change).toMatchObject({ id: { group: '', kind: 'Service', name: 'api' }, replacePaths: ['spec.clusterIPs[0]'] });
    expect(JSON.stringify(error)).not.toContain('10.96.0.12');
  });

  it('leaves a rejection that is not about an immutable field unjudged, without its value', () => {
    const error = read('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    expect(error).toEqual({
      lines: 1,
      unjudged: {
        id: { kind: 'Deployment', name: 'web' },
        message: 'The Deployment "web" is invalid: spec.replicas: Invalid value (value not shown): must be greater than or equal to 0',
      },
    });
  });

  it('leaves an immutable rejection of a custom kind unjudged: its group is not printed', () => {
    expect(read('The Widget "blue" is invalid: spec.size: Invalid value: "large": field is immutable')?.unjudged).toMatchObject({
      id: { kind: 'Widget', name: 'blue' },
    });
  });

  it('takes the object diff kubectl prints after a Forbidden pod update as part of the error', () => {
    const error = read(
      'The Pod "web-0" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
      '  core.PodSpec{',
      '- \tNodeName: "a",',
      '+ \tNodeName: "b",',
      '  }',
    );
    expect(error).toMatchObject({ lines: 5, change: { action: 'replace', replacePaths: ['spec'] } });
  });

  it.each([
    ['error: unable to recognize "k8s/widget.yaml": no matches for kind "Widget" in version "example.com/v1"', 1],
    [
      'error: resource mapping not found for name: "blue" namespace: "staging" from "w.yaml": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first',
      2,
    ],
    ['Error from server (NotFound): namespaces "payments-prod" not found', 1],
  ])('reads %j as one unjudged object', (text, lines) => {
    const error = read(...text.split('\n'));
    expect(error?.lines).toBe(lines);
    expect(error?.unjudged?.message).toBe(text.split('\n')[0]);
  });

  it('does not read other lines', () => {
    expect(read('deployment.apps/web created')).toBeUndefined();
    // A failed patch without its `for:` line is cut short: not read, so the caller refuses the input.
    expect(read('Error from server (Invalid): error when applying patch:', '{}', 'to:')).toBeUndefined();
  });
});
