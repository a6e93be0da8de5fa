// The shims' POSIX shell fast path, run by the system's /bin/sh: which argv reach the tool at once, and which go to
// node (here a stand-in that records that it was started), with the flag grammar the hook and guard share.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shimScript } from '../../src/shims/shim-script.js';
import { SHIMMED_TOOLS } from '../../src/shims/shimmed-tools.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const shims = join(scratch.path, 'shims');
const tools = join(scratch.path, 'tools');
const log = join(scratch.path, 'log');
const record = (who: string) => `#!/bin/sh\n{ printf '${who}'; for word in "$@"; do printf ' %s' "$word"; done; echo; } >> '${log}'\n`;
mkdirSync(shims);
mkdirSync(tools);
writeFileSync(join(scratch.path, 'node'), record('node'));
chmodSync(join(scratch.path, 'node'), 0o755);
for (const tool of Object.keys(SHIMMED_TOOLS)) {
  writeFileSync(join(shims, tool), shimScript(tool, shims, { node: join(scratch.path, 'node'), blastRadius: '/opt/blast-radius.cjs' }));
  writeFileSync(join(tools, tool), record(tool));
  chmodSync(join(shims, tool), 0o755);
  chmodSync(join(tools, tool), 0o755);
}

/** Runs the words through the shim and says who was started: the tool directly, or node. */
function startedBy(command: string): 'tool' | 'node' {
  rmSync(log, { force: true });
  const [tool, ...args] = command.split(' ');
  const result = spawnSync('/bin/sh', [join(shims, tool), ...args], { env: { PATH: `${shims}:${tools}:/usr/bin:/bin` }, encoding: 'utf8' });
  expect(result.status).toBe(0);
  const [line = ''] = readFileSync(log, 'utf8').split('\n');
  if (line === [tool, ...args].join(' ')) return 'tool';
  expect(line).toBe(['node', '/opt/blast-radius.cjs', 'shim-exec', tool, join(tools, tool), ...args].join(' '));
  return 'node';
}

it.each([
  ['kubectl get pods -A', 'tool'],
  ['kubectl -n payments get pods', 'tool'],
  ['kubectl -npayments logs deploy/api', 'tool'],
  ['kubectl --context=prod --namespace payments describe ns x', 'tool'],
  ['kubectl --log-flush-frequency 5s get pods', 'tool'],
  ['kubectl --namespace delete get pods', 'tool'],
  ['kubectl --insecure-skip-tls-verify diff -f k8s/', 'tool'],
  ['kubectl delete ns payments-prod', 'node'],
  ['kubectl --log-flush-frequency delete ns payments-prod', 'node'],
  ['kubectl -n prod delete ns payments-prod', 'node'],
  ['kubectl --frobnicate get pods', 'node'],
  ['kubectl -n', 'node'],
  ['kubectl apply -f k8s/', 'node'],
  ['kubectl exec api -- psql', 'node'],
  ['kubectl', 'node'],
  ['oc whoami', 'tool'],
  ['oc delete project payments', 'node'],
  ['kubecolor get pods', 'tool'],
  ['terraform plan -out=tfplan', 'tool'],
  ['terraform -chdir=infra/prod validate', 'tool'],
  ['terraform state list', 'tool'],
  ['terraform state show aws_db_instance.main', 'tool'],
  ['terraform workspace select prod', 'tool'],
  ['terraform apply', 'node'],
  ['terraform -chdir=infra destroy', 'node'],
  ['terraform state rm aws_db_instance.main', 'node'],
  ['terraform workspace delete prod', 'node'],
  ['terraform -help', 'node'],
  ['tofu init', 'tool'],
  ['tofu apply', 'node'],
  ['terragrunt run-all plan', 'tool'],
  ['terragrunt run --all -- apply', 'node'],
  ['terragrunt destroy-all', 'node'],
  ['helm list -A', 'tool'],
  ['helm --kube-context prod -n payments status api', 'tool'],
  ['helm diff upgrade api ./chart', 'tool'],
  ['helm upgrade api ./chart', 'node'],
  ['helm -n prod uninstall api', 'node'],
  ['helm --kube-context uninstall list', 'tool'],
  ['helmfile diff', 'tool'],
  ['helmfile -e prod sync', 'node'],
  ['helmfile destroy', 'node'],
  ['aws s3 ls s3://payments-prod-logs', 'tool'],
  ['aws --profile prod sts get-caller-identity', 'tool'],
  ['aws rds delete-db-instance --db-instance-identifier payments-prod', 'node'],
  ['aws s3 sync ./site s3://www --delete', 'node'],
  ['docker ps -a', 'tool'],
  ['docker compose -p shop down -v', 'node'],
  ['podman volume rm pgdata', 'node'],
  ['pulumi preview --stack prod', 'tool'],
  ['pulumi destroy --stack prod --yes', 'node'],
])('%s: %s', (command, expected) => {
  expect(startedBy(command)).toBe(expected);
});
