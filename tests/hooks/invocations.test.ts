// The unwrapping of commands that run other commands (the tools' own words: tests/tools/).
import { commandName, unwrap } from '../../src/hooks/invocations/unwrap.js';
import { UNKNOWN } from '../../src/hooks/shell/template.js';

const words = (text: string): string[] => text.split(' ');

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
    expect(literal('xargs -I {} terraform state rm {}')).toEqual([
      { kind: 'words', words: words('terraform state rm {}'), templates: ['terraform', 'state', 'rm', UNKNOWN] },
    ]);
    expect(literal('xargs terraform')).toEqual([{ kind: 'words', words: ['terraform', '{}'], templates: ['terraform', UNKNOWN] }]);
    expect(literal('find . -exec terraform destroy ; -print')).toEqual([
      { kind: 'words', words: ['terraform', 'destroy'], templates: ['terraform', 'destroy'] },
    ]);
  });

  it('gives the script of sh -c, bash -lc, eval, watch, ssh, su -c and trap to parse again', () => {
    expect(unwrap(['bash', '-lc', 'terraform apply'], ['bash', '-lc', 'terraform apply'])).toEqual([
      { kind: 'script', script: 'terraform apply', positional: ['bash'] },
    ]);
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
