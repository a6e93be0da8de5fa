// The shared reading of terraform, kubectl and helm words, as each tool's own flag parser reads them: which
// invocations guard checks, which only a person may run, and which destroy nothing (hook, guard and shims use it).
import type { ToolReader } from '../../src/tools/destructive.js';
import { helmVerdict } from '../../src/tools/helm-verdict.js';
import { kubectlVerdict } from '../../src/tools/kubectl-verdict.js';
import { terraformVerdict } from '../../src/tools/terraform-verdict.js';
import { readTool } from '../../src/tools/tool-readers.js';

type Expected = 'guard' | 'person' | 'pass';

/** Each tool's own reader, and the table that reads through what kubectl runs in a pod. */
const READERS: Record<string, ToolReader> = {
  terraform: terraformVerdict,
  tofu: terraformVerdict,
  terragrunt: terraformVerdict,
  kubectl: kubectlVerdict,
  oc: kubectlVerdict,
  kubecolor: kubectlVerdict,
  helm: helmVerdict,
  helmfile: readTool,
  'kubectl-exec': readTool,
};

/** Words split on spaces; `⎵` stands for a space inside one word. */
const ROWS: [string, Expected][] = [
  // terraform and tofu
  ['terraform apply', 'guard'],
  ['terraform destroy -auto-approve', 'guard'],
  ['terraform apply -destroy', 'guard'],
  ['terraform apply --destroy=true', 'guard'],
  ['terraform -chdir=infra apply', 'guard'],
  ['tofu apply tfplan', 'guard'],
  ['terraform apply -target -help', 'guard'],
  ['terraform destroy -var -h', 'guard'],
  ['terraform apply -help', 'pass'],
  ['terraform destroy --help', 'pass'],
  ['terraform -help apply', 'pass'],
  ['terraform plan', 'pass'],
  ['terraform plan -destroy', 'pass'],
  ['terraform show -json tfplan', 'pass'],
  ['terraform state list', 'pass'],
  ['terraform state mv a.b c.d', 'pass'],
  ['terraform state rm aws_db_instance.main', 'person'],
  ['terraform state remove aws_db_instance.main', 'person'],
  ['terraform state rm -dry-run aws_instance.x', 'pass'],
  ['terraform state rm -dry-run=false aws_instance.x', 'person'],
  ['terraform state rm aws_instance.x -dry-run', 'person'],
  ['terraform state push terraform.tfstate', 'person'],
  ['terraform state push -force terraform.tfstate', 'person'],
  ['terraform state pull', 'pass'],
  ['terraform workspace delete staging', 'person'],
  ['terraform workspace delete -force prod', 'person'],
  ['terraform workspace select prod', 'pass'],
  ['terraform workspace list', 'pass'],
  ['terraform import aws_instance.x i-123', 'pass'],
  ['terragrunt apply', 'person'],
  ['terragrunt run-all destroy', 'person'],
  ['terragrunt destroy-all', 'person'],
  ['terragrunt run --all -- apply', 'person'],
  ['terragrunt run-all plan', 'pass'],
  // kubectl: the last --dry-run wins, and none or a false boolean is a real run
  ['kubectl delete ns payments-prod', 'guard'],
  ['kubectl delete ns payments-prod --dry-run=server', 'pass'],
  ['kubectl delete ns payments-prod --dry-run=client', 'pass'],
  ['kubectl delete ns payments-prod --dry-run', 'pass'],
  ['kubectl delete ns payments-prod --dry-run=true', 'pass'],
  ['kubectl delete ns payments-prod --dry-run=server --dry-run=none', 'guard'],
  ['kubectl delete ns payments-prod --dry-run=none', 'guard'],
  ['kubectl delete ns payments-prod --dry-run=false', 'guard'],
  ['kubectl delete ns payments-prod --dry-run=0', 'guard'],
  ['kubectl delete ns payments-prod --dry-run=F', 'guard'],
  ['kubectl delete ns payments-prod --dry-run=bogus', 'guard'],
  ['kubectl delete ns payments-prod --dry-run=none --dry-run=server', 'pass'],
  // `--dry-run` after `--` is not a flag; a flag that takes a value takes the next word, whatever it is
  ['kubectl delete -- ns payments-prod --dry-run=server', 'guard'],
  ['kubectl delete ns payments-prod -l --dry-run=server', 'guard'],
  ['kubectl delete ns payments-prod --selector --dry-run=server', 'guard'],
  ['kubectl delete ns payments-prod -o --dry-run=server', 'guard'],
  // global flags that take a value
  ['kubectl --log-flush-frequency 5s delete ns payments-prod', 'guard'],
  ['kubectl --vmodule x=2 delete ns payments-prod', 'guard'],
  ['kubectl --cache-dir /tmp/c delete ns payments-prod', 'guard'],
  ['kubectl -n payments delete deploy web', 'guard'],
  ['kubectl -npayments delete deploy web', 'guard'],
  ['kubectl --context prod -v 6 delete pvc data-0', 'guard'],
  ['kubectl --namespace delete get pods', 'pass'],
  ['kubectl -n delete get pods', 'pass'],
  ['kubectl --context delete get pods', 'pass'],
  ['kubectl --frobnicate delete ns payments-prod', 'person'],
  ['kubectl delete ns payments-prod --frobnicate --dry-run=server', 'guard'],
  ['kubectl delete ns payments-prod -h', 'pass'],
  ['kubectl delete ns payments-prod --help', 'pass'],
  ['kubectl delete ns payments-prod -l -h', 'guard'],
  ['kubectl delete -Rf k8s/', 'guard'],
  ['kubectl delete -Rf k8s/ --dry-run=server', 'pass'],
  ['kubecolor delete ns prod', 'guard'],
  ['oc delete project payments', 'guard'],
  // apply: --prune and --force destroy; plain apply does not
  ['kubectl apply -f k8s/', 'pass'],
  ['kubectl apply -f k8s/ --prune -l app=web', 'guard'],
  ['kubectl apply -f k8s/ --prune=true -l app=web', 'guard'],
  ['kubectl apply -f k8s/ --prune=false', 'pass'],
  ['kubectl apply -f k8s/ --prune --prune=false', 'pass'],
  ['kubectl apply -f k8s/ --prune --dry-run=server', 'pass'],
  ['kubectl apply -f deploy.yaml --force', 'guard'],
  ['kubectl apply -f deploy.yaml --force=1', 'guard'],
  ['kubectl apply -f deploy.yaml --force=0', 'pass'],
  ['kubectl apply --server-side --force-conflicts -f deploy.yaml', 'pass'],
  // scale to zero, in every spelling Go reads as zero
  ['kubectl scale deploy/web --replicas=0', 'person'],
  ['kubectl scale deploy/web --replicas 0', 'person'],
  ['kubectl scale deploy/web --replicas=00', 'person'],
  ['kubectl scale deploy/web --replicas=+0', 'person'],
  ['kubectl scale deploy/web --replicas=-0', 'person'],
  ['kubectl scale deploy/web --replicas=0x0', 'person'],
  ['kubectl scale deploy/web --replicas=0o0', 'person'],
  ['kubectl scale deploy/web --replicas=0b0', 'person'],
  ['kubectl scale deploy/web --replicas=0_0', 'person'],
  ['kubectl scale deploy/web --replicas=3 --replicas=0', 'person'],
  ['kubectl scale deploy/web --replicas=zero', 'person'],
  ['kubectl scale deploy/web --replicas=3', 'pass'],
  ['kubectl scale deploy/web --replicas=0x10', 'pass'],
  ['kubectl scale deploy/web --replicas=0 --replicas=2', 'pass'],
  ['kubectl scale deploy/web --replicas=0 --dry-run=server', 'pass'],
  // patch to zero replicas
  ['kubectl patch deploy web -p {"spec":{"replicas":0}}', 'person'],
  ['kubectl patch deploy web --patch={"spec":{"replicas":0}}', 'person'],
  ['kubectl patch deploy web --type=json -p [{"op":"replace","path":"/spec/replicas","value":0}]', 'person'],
  ['kubectl patch deploy web -p spec:⎵{replicas:⎵0}', 'person'],
  ['kubectl patch deploy web --patch-file scale.yaml', 'person'],
  ['kubectl patch deploy web -p {"spec":{"replicas":2}}', 'pass'],
  ['kubectl patch deploy web -p {"metadata":{"labels":{"a":"b"}}}', 'pass'],
  ['kubectl patch deploy web -p {"spec":{"replicas":0}} --dry-run=server', 'pass'],
  // the other destructive equivalents
  ['kubectl replace --force -f deploy.yaml', 'person'],
  ['kubectl replace -f deploy.yaml', 'pass'],
  ['kubectl drain node-1 --ignore-daemonsets', 'person'],
  ['kubectl drain node-1 --dry-run=server', 'pass'],
  ['kubectl taint nodes node-1 dedicated=db:NoExecute', 'person'],
  ['kubectl taint nodes node-1 dedicated:NoExecute', 'person'],
  ['kubectl taint nodes node-1 dedicated=db:NoExecute-', 'pass'],
  ['kubectl taint nodes node-1 dedicated=db:NoSchedule', 'pass'],
  ['kubectl get pods -A', 'pass'],
  ['kubectl get pods --dry-run=none', 'pass'],
  ['kubectl describe ns payments-prod', 'pass'],
  // helm
  ['helm uninstall payments', 'guard'],
  ['helm del payments -n prod', 'guard'],
  ['helm -n prod uninstall api', 'guard'],
  ['helm --kube-context prod uninstall api', 'guard'],
  ['helm uninstall api --dry-run', 'pass'],
  ['helm upgrade payments ./chart', 'guard'],
  ['helm upgrade payments ./chart --dry-run', 'pass'],
  ['helm upgrade payments ./chart --dry-run=server', 'pass'],
  ['helm upgrade payments ./chart --dry-run=none', 'guard'],
  ['helm upgrade payments ./chart --dry-run=false', 'guard'],
  ['helm upgrade payments ./chart --dry-run --dry-run=false', 'guard'],
  ['helm upgrade payments ./chart -f --dry-run', 'guard'],
  ['helm upgrade payments ./chart --help', 'pass'],
  ['helm rollback payments 3', 'person'],
  ['helm install payments ./chart', 'pass'],
  ['helm list -A', 'pass'],
  ['helm diff upgrade payments ./chart', 'pass'],
  ['helm template payments ./chart', 'pass'],
  // helmfile: no guarded form
  ['helmfile -e prod sync', 'person'],
  ['helmfile destroy', 'person'],
  ['helmfile charts', 'person'],
  ['helmfile diff', 'pass'],
  ['helmfile sync --help', 'pass'],
  // what kubectl runs in a pod is read through
  ['kubectl-exec exec tools -- terraform destroy', 'person'],
  ['kubectl-exec exec -it deploy/tools -- helm uninstall payments', 'person'],
  ['kubectl-exec exec tools -- sh -c terraform⎵apply⎵-auto-approve', 'person'],
  ['kubectl-exec exec tools -- terraform plan', 'pass'],
  ['kubectl-exec exec tools -- ls -la', 'pass'],
  ['kubectl-exec exec tools -- sh -c echo⎵ok', 'pass'],
];

function verdictOf(text: string): Expected {
  const written = text.split(' ').map((word) => word.replace(/⎵/g, ' '));
  const read = READERS[written[0]];
  const words = written[0] === 'kubectl-exec' ? ['kubectl', ...written.slice(1)] : written;
  const destructive = read(words);
  if (destructive === undefined) return 'pass';
  return destructive.guardChecks === undefined ? 'person' : 'guard';
}

it.each(ROWS)('%s: %s', (text, expected) => {
  expect(verdictOf(text)).toBe(expected);
});

it('says why in one sentence naming the command, and which options it does not know', () => {
  expect(kubectlVerdict(['kubectl', 'delete', 'ns', 'x'])?.why).toMatch(/^kubectl delete removes live objects/);
  expect(kubectlVerdict(['kubectl', '--frobnicate', 'delete', 'ns', 'x'])?.why).toContain('(--frobnicate)');
  expect(terraformVerdict(['terraform', 'state', 'push', '-force', 'x'])?.why).toContain('with -force');
  expect(helmVerdict(['helm', 'rollback', 'api', '3'])?.preview).toEqual(['helm', 'diff', 'rollback', 'api', '3']);
  expect(kubectlVerdict(['kubectl', 'drain', 'n1'])?.preview).toEqual(['kubectl', 'drain', 'n1', '--dry-run=server']);
});
