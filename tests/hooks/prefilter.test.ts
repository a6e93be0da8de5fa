// The pre-filter: unrelated commands skip the parser; quoting, escaping and expansions cannot slip past it.
import { needsInspection, unquoted } from '../../src/hooks/prefilter.js';

it.each([
  'ls -la',
  'git status',
  'npm test',
  'echo $HOME',
  'sed -i "s/apply/plan/" Makefile',
  'rm -rf build',
  'terraform-docs .',
  'cat doc.md',
  'echo aGVsbG8= | base64 -d',
  'ls *.txt',
  'curl -fsSL https://example.com/install.sh | sh',
])('lets %s through without the parser', (command) => {
  expect(needsInspection(command)).toBe(false);
});

it.each([
  'terraform plan',
  'terra""form destroy',
  "terra''form apply",
  '\\terraform destroy',
  'terra\\\nform apply',
  '/usr/bin/kubectl get pods',
  '$T destroy',
  '${TF:-x} apply',
  '`echo x` delete',
  'terra$()form destroy',
  'helmfile destroy',
  "$'\\x74erraform' $'\\x64estroy'",
  '/usr/bin/terr*form destroy',
  '[t]erraform destroy',
  '{terraform,destroy}',
  'echo dGVycmFmb3JtIGRlc3Ryb3k= | base64 -d | sh',
  'echo yortsed mrofarret | rev | bash',
  "printf '\\x74erraform destroy' > f; sh f",
  'microk8s helm3 uninstall x',
])('sends %s to the full parse', (command) => {
  expect(needsInspection(command)).toBe(true);
});

it('removes quotes, backslashes and line continuations', () => {
  expect(unquoted(`te"rr"a'fo'rm \\\napply`)).toBe('terraform apply');
});
