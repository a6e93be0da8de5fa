// Classifiers for terraform, kubectl and helm words, and the unwrapping of commands that run other commands.
import { classifyHelm } from '../../src/hooks/invocations/helm.js';
import { classifyKubectl } from '../../src/hooks/invocations/kubectl.js';
import { classifyTerraform } from '../../src/hooks/invocations/terraform.js';
import { commandName, unwrap } from '../../src/hooks/invocations/unwrap.js';
import { UNKNOWN } from '../../src/hooks/shell/template.js';

const words = (text: string): string[] => text.split(' ');

describe('terraform', () => {
  it.each(['terraform apply', 'terraform destroy', 'terraform apply -destroy', 'terraform -chdir=x apply', 'terraform state rm a.b', 'terragrunt run-all destroy', 'tofu apply tfplan'])(
    'refuses %s, naming the guarded command',
    (text) => {
      const refusal = classifyTerraform(words(text), text);
      expect(refusal?.instead).toMatch(/blast-radius guard -- terraform apply|blast-radius guard -- /);
    },
  );

  it.each(['terraform plan', 'terraform plan -destroy', 'terraform state list', 'terraform state mv a b', 'terraform show', 'terragrunt run-all plan'])(
    'lets %s run',
    (text) => {
      expect(classifyTerraform(words(text), text)).toBeUndefined();
    },
  );

  it('quotes the arguments of the guarded command back exactly', () => {
    const refusal = classifyTerraform(['terraform', 'apply', '-var', 'name=it s'], 'x');
    expect(refusal?.instead).toContain("`blast-radius guard -- terraform apply -var 'name=it s'`");
  });
});

describe('kubectl', () => {
  it.each(['kubectl delete ns x', 'kubectl -n a delete pod b', 'kubectl --context prod delete pvc c', 'kubectl apply -f x --prune', 'kubectl replace --force -f x', 'kubectl scale deploy/x --replicas=0', 'kubectl drain n1', 'kubectl delete pod x --dry-run=none'])(
    'refuses %s',
    (text) => {
      expect(classifyKubectl(words(text), text)).toBeDefined();
    },
  );

  it.each([
    ['kubectl -n a delete pod b', '`blast-radius guard -- kubectl -n a delete pod b`: it checks the server dry run of the delete'],
    ['kubecolor delete ns x', '`blast-radius guard -- kubectl delete ns x`'],
    ['oc delete ns x', '`blast-radius guard -- oc delete ns x`'],
    ['kubectl apply -f x --prune -l app=web', '`blast-radius guard -- kubectl apply -f x --prune -l app=web`: it checks `kubectl diff --prune` first'],
  ])('points %s to its guarded form', (text, instead) => {
    expect(classifyKubectl(words(text), text)?.instead).toContain(instead);
  });

  it.each(['kubectl replace --force -f x', 'kubectl scale deploy/x --replicas=0', 'kubectl drain n1'])('asks a person for %s, which no guard previews', (text) => {
    expect(classifyKubectl(words(text), text)?.instead).toMatch(/^Show the user what it would do .* and ask them to run it\.$/);
  });

  it.each(['kubectl get pods', 'kubectl apply -f x', 'kubectl delete ns x --dry-run=server', 'kubectl delete ns x --dry-run', 'kubectl scale deploy/x --replicas=2', 'kubectl replace -f x', 'kubectl apply -f x --prune=false'])(
    'lets %s run',
    (text) => {
      expect(classifyKubectl(words(text), text)).toBeUndefined();
    },
  );
});

describe('helm', () => {
  it.each(['helm uninstall x', 'helm del x', 'helm upgrade x ./c', 'helm rollback x 2', 'helm -n prod uninstall x'])('refuses %s', (text) => {
    expect(classifyHelm(words(text), text)).toBeDefined();
  });

  it.each([
    ['helm -n prod uninstall x', "`blast-radius guard -- helm -n prod uninstall x`: it checks the release's objects"],
    ['helm upgrade x ./c -f v.yaml', '`blast-radius guard -- helm upgrade x ./c -f v.yaml`: it checks `helm diff upgrade`'],
    ['helm rollback x 2', 'Show the user what it would change (`helm diff rollback …`) and ask them to run it.'],
  ])('tells what to run instead of %s', (text, instead) => {
    expect(classifyHelm(words(text), text)?.instead).toContain(instead);
  });

  it.each(['helm list', 'helm install x ./c', 'helm upgrade x ./c --dry-run', 'helm template x ./c', 'helm diff upgrade x ./c'])('lets %s run', (text) => {
    expect(classifyHelm(words(text), text)).toBeUndefined();
  });
});

describe('unwrap', () => {
  const literal = (text: string) => unwrap(words(text), words(text));

  it.each([
    ['sudo -u deploy terraform apply', 'terraform apply'],
    ['env -u X A=1 terraform apply', 'terraform apply'],
    ['A=1 B=2 terraform apply', 'terraform apply'],
    ['timeout -s KILL 60 terraform apply', 'terraform apply'],
    ['nice -n 5 nohup time terraform apply', 'terraform apply'],
    ['command terraform apply', 'terraform apply'],
    ['exec -a x terraform apply', 'terraform apply'],
    ['npx -p blast-radius blast-radius approve x', 'blast-radius approve x'],
    ['aws-vault exec prod -- terraform destroy', 'terraform destroy'],
    ['microk8s kubectl delete ns x', 'kubectl delete ns x'],
    ['minikube kubectl -- delete ns x', 'kubectl delete ns x'],
    ['nix run nixpkgs#terraform -- destroy', 'terraform destroy'],
    ['chroot /srv terraform destroy', 'terraform destroy'],
    ['flock /tmp/lock terraform destroy', 'terraform destroy'],
  ])('%s runs %s', (text, inner) => {
    expect(literal(text)).toEqual([{ kind: 'words', words: words(inner), templates: words(inner) }]);
  });

  it('marks what xargs and find -exec add at run time', () => {
    expect(literal('xargs -I {} terraform state rm {}')).toEqual([{ kind: 'words', words: words('terraform state rm {}'), templates: ['terraform', 'state', 'rm', UNKNOWN] }]);
    expect(literal('xargs terraform')).toEqual([{ kind: 'words', words: ['terraform', '{}'], templates: ['terraform', UNKNOWN] }]);
    expect(literal('find . -exec terraform destroy ; -print')).toEqual([{ kind: 'words', words: ['terraform', 'destroy'], templates: ['terraform', 'destroy'] }]);
  });

  it('gives the script of sh -c, bash -lc, eval, watch, ssh, su -c and trap to parse again', () => {
    expect(unwrap(['bash', '-lc', 'terraform apply'], ['bash', '-lc', 'terraform apply'])).toEqual([{ kind: 'script', script: 'terraform apply', positional: ['bash'] }]);
    expect(literal('eval terraform apply')).toEqual([{ kind: 'script', script: 'terraform apply', sameShell: true }]);
    expect(literal('watch -n 5 terraform apply')).toEqual([{ kind: 'script', script: 'terraform apply' }]);
    expect(literal('ssh -i key host terraform apply')).toEqual([{ kind: 'script', script: 'terraform apply' }]);
    expect(literal('ssh -t host -- terraform apply')).toEqual([{ kind: 'script', script: 'terraform apply' }]);
  });

  it('reads shells fed on standard input, and script files run by a shell or source', () => {
    expect(literal('sh')).toEqual([{ kind: 'stdin' }]);
    expect(literal('bash x.sh a')).toEqual([{ kind: 'file', path: 'x.sh', computed: false, positional: ['x.sh', 'a'] }]);
    expect(literal('source env.sh')).toEqual([{ kind: 'file', path: 'env.sh', computed: false, positional: ['env.sh'] }]);
  });

  it('gives the code of interpreters', () => {
    expect(literal('node -e run()')[0]).toEqual({ kind: 'code', program: 'node', code: 'run()', computed: false });
  });

  it('does not run what command -v only looks up', () => {
    expect(literal('command -v terraform')).toEqual([]);
  });

  it('names programs by their base name', () => {
    expect(commandName('/usr/local/bin/terraform')).toBe('terraform');
    expect(commandName('C:/tools/terraform.exe')).toBe('terraform');
  });
});
