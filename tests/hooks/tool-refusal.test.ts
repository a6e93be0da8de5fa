// The hook's refusal of a tool invocation: the guarded command to run instead, quoted back exactly, or the dry run
// to show a person.
import { refusingWith } from '../../src/hooks/invocations/tool-refusal.js';
import { helmVerdict } from '../../src/tools/helm-verdict.js';
import { kubectlVerdict } from '../../src/tools/kubectl-verdict.js';
import { terraformVerdict } from '../../src/tools/terraform-verdict.js';

const words = (text: string): string[] => text.split(' ');

it.each([
  [terraformVerdict, 'terraform apply', '`blast-radius guard -- terraform apply`: it saves a plan, checks it'],
  [kubectlVerdict, 'kubectl -n a delete pod b', '`blast-radius guard -- kubectl -n a delete pod b`: it checks the server dry run of the delete'],
  [kubectlVerdict, 'kubecolor delete ns x', '`blast-radius guard -- kubectl delete ns x`'],
  [kubectlVerdict, 'oc delete ns x', '`blast-radius guard -- oc delete ns x`'],
  [
    kubectlVerdict,
    'kubectl apply -f x --prune -l app=web',
    '`blast-radius guard -- kubectl apply -f x --prune -l app=web`: it checks `kubectl diff --prune` first',
  ],
  [helmVerdict, 'helm -n prod uninstall x', "`blast-radius guard -- helm -n prod uninstall x`: it checks the release's objects"],
  [helmVerdict, 'helm rollback x 2', 'Show the user what it would do (`helm diff rollback x 2`) and ask them to run it.'],
  [kubectlVerdict, 'kubectl drain n1', 'Show the user what it would do (`kubectl drain n1 --dry-run=server`) and ask them to run it.'],
  [terraformVerdict, 'terragrunt run-all destroy', 'Show the user what it would do (`terragrunt run-all plan -destroy`) and ask them to run it.'],
])('%#: %s', (read, text, instead) => {
  expect(refusingWith(read)(words(text), text)?.instead).toContain(instead);
});

it('quotes the arguments of the guarded command back exactly', () => {
  expect(refusingWith(terraformVerdict)(['terraform', 'apply', '-var', 'name=it s'], 'x')?.instead).toContain(
    "`blast-radius guard -- terraform apply -var 'name=it s'`",
  );
});

it('lets what destroys nothing run', () => {
  expect(refusingWith(kubectlVerdict)(words('kubectl get pods'), 'kubectl get pods')).toBeUndefined();
});
