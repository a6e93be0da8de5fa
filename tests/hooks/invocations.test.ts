// The unwrapping of commands that run other commands (the tools' own words: tests/tools/).
import { commandName, unwrap } from '../../src/hooks/invocations/unwrap.js';

const words = (text: string): string[] => text.split(' ');

describe('unwrap', () => {
  const literal = (text: string) => unwrap(words(text), words(text).map(() => false));

  it.each([
    ['sudo -u deploy terraform apply', 'terraform apply'],
    ['env -u X A=1 terraform apply', 'terraform apply'],
    ['A=1 B=2 terraform apply', 'terraform apply'],
    ['timeout -s KILL 60 terraform apply', 'terraform apply'],
    ['nice -n 5 nohup time terraform apply', 'terraform apply'],
    ['xargs -I {} terraform state rm {}', 'terraform state rm {}'],
    ['command terraform apply', 'terraform apply'],
    ['exec -a x terraform apply', 'terraform apply'],
    ['npx -p blast-radius blast-radius approve x', 'blast-radius approve x'],
  ])('%s runs %s', (text, inner) => {
    expect(literal(text)).toEqual([{ kind: 'words', words: words(inner), expanded: words(inner).map(() => false) }]);
  });

  it('gives the script of sh -c, bash -lc, eval, watch and ssh to parse again', () => {
    expect(unwrap(['bash', '-lc', 'terraform apply'], [false, false, false])).toEqual([{ kind: 'script', script: 'terraform apply' }]);
    expect(literal('eval terraform apply')).toEqual([{ kind: 'script', script: 'terraform apply' }]);
    expect(literal('watch -n 5 terraform apply')).toEqual([{ kind: 'script', script: 'terraform apply' }]);
    expect(literal('ssh -i key host terraform apply')).toEqual([{ kind: 'script', script: 'terraform apply' }]);
  });

  it('reads the here-document of a shell, and marks a shell reading a pipe as hidden', () => {
    expect(unwrap(['bash'], [false], 'terraform destroy\n')).toEqual([{ kind: 'script', script: 'terraform destroy\n' }]);
    expect(literal('sh')).toEqual([{ kind: 'hidden' }]);
    expect(literal('source env.sh')).toEqual([{ kind: 'hidden' }]);
  });

  it('finds the commands of find -exec', () => {
    expect(literal('find . -exec terraform destroy ; -print')).toEqual([{ kind: 'words', words: ['terraform', 'destroy'], expanded: [false, false] }]);
  });

  it('does not run what command -v only looks up', () => {
    expect(literal('command -v terraform')).toEqual([]);
  });

  it('names programs by their base name', () => {
    expect(commandName('/usr/local/bin/terraform')).toBe('terraform');
    expect(commandName('C:/tools/terraform.exe')).toBe('terraform');
  });
});
