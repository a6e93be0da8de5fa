// The built command without its heavy optional packages, as `npm install -g blast-radius` leaves it: --cluster says in
// one sentence which package it needs, everything else runs, and the hook parses shell with the grammar the build
// copied into dist/grammars/ (no tree-sitter-bash package, whose install script builds native code).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
const installed = join(scratch.path, 'blast-radius');
const deletion = join(ROOT, 'fixtures/kubernetes/kubectl-delete/namespace-new-form/delete.txt');

beforeAll(() => {
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(installed, part), { recursive: true });
  // The one dependency the hook's parser needs; neither @kubernetes/client-node nor tree-sitter-bash is there.
  mkdirSync(join(installed, 'node_modules'));
  symlinkSync(join(ROOT, 'node_modules/web-tree-sitter'), join(installed, 'node_modules/web-tree-sitter'), 'dir');
});
afterAll(() => scratch.remove());

function run(args: string[], input = '') {
  const result = spawnSync(process.execPath, [join(installed, 'bin/blast-radius.cjs'), ...args], {
    cwd: scratch.path,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: scratch.path, NO_COLOR: '1', KUBECONFIG: join(scratch.path, 'no-kubeconfig') },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

it('refuses --cluster with one sentence naming the optional package and how to install it (exit 2)', () => {
  const result = run(['check', '--cluster', deletion]);
  expect(result.code).toBe(2);
  expect(result.stderr).toBe('blast-radius: --cluster needs the optional package @kubernetes/client-node: npm install -g @kubernetes/client-node\n');
});

it('checks the same Kubernetes output without --cluster', () => {
  const result = run(['check', deletion]);
  expect([0, 1]).toContain(result.code);
  expect(result.stderr).toBe('');
});

it.each([
  ['lets a plan through', 'cd infra && terraform plan -out=tfplan', ''],
  ['refuses a destroy', 'cd infra && terraform destroy -auto-approve', 'deny'],
])('parses a command in the agent hook with the grammar shipped in dist/grammars/: %s', (_, command, decision) => {
  const payload = JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });
  const result = run(['hook', 'claude-code'], payload);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  expect(result.stdout === '' ? '' : JSON.parse(result.stdout).hookSpecificOutput.permissionDecision).toBe(decision);
});
