// The hook and the shims send `pulumi up|destroy`, `aws cloudformation deploy|execute-change-set` and `cdk deploy` to
// `blast-radius guard` (the refusal names the guarded command; the shim's slow path runs guard), and stay silent for
// previews: `pulumi destroy --preview-only`, `pulumi preview`, `cdk diff`, `aws cloudformation describe-change-set`.
import { join } from 'node:path';
import { fakeCloudTools } from '../guard/fake-cloud-tools.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const hook = (command: string) =>
  runCli(['hook', 'claude-code'], {
    input: JSON.stringify({ tool_name: 'Bash', tool_input: { command } }),
    env: { HOME: scratch.path, BLAST_RADIUS_APPROVALS: join(scratch.path, 'approvals.json') },
    cwd: scratch.path,
  });

const reason = (stdout: string): string =>
  stdout === ''
    ? ''
    : ((JSON.parse(stdout) as { hookSpecificOutput?: { permissionDecisionReason?: string } }).hookSpecificOutput?.permissionDecisionReason ?? '');

it.each([
  ['pulumi up -s production --yes', 'Run `blast-radius guard -- pulumi up -s production --yes`: it checks `pulumi preview --json` first'],
  ['pulumi destroy -s production', 'Run `blast-radius guard -- pulumi destroy -s production`: it checks `pulumi destroy --preview-only --json` first'],
  ['pulumi up --yes', 'Run `blast-radius guard -- pulumi up --yes`'],
  [
    'aws cloudformation deploy --stack-name orders-prod --template-file t.yaml',
    'Run `blast-radius guard -- aws cloudformation deploy --stack-name orders-prod --template-file t.yaml`: it creates the change set without executing it',
  ],
  [
    'aws cloudformation execute-change-set --change-set-name c1 --stack-name orders-prod',
    'Run `blast-radius guard -- aws cloudformation execute-change-set --change-set-name c1 --stack-name orders-prod`: it describes the change set',
  ],
  ['cdk deploy OrdersProd', 'Run `blast-radius guard -- cdk deploy OrdersProd`: it prepares the stack'],
])('the hook sends %s to guard', (command, says) => {
  expect(reason(hook(command).stdout)).toContain(says);
});

it.each([
  'pulumi destroy --preview-only -s production',
  'pulumi preview -s production --json',
  'cdk diff OrdersProd',
  'cdk deploy OrdersProd --method=prepare-change-set',
  'aws cloudformation describe-change-set --change-set-name c1 --stack-name orders-prod',
  'aws cloudformation deploy --stack-name orders-prod --template-file t.yaml --no-execute-changeset',
])('the hook stays silent for %s', (command) => {
  expect(hook(command).stdout).toBe('');
});

it("the shim's slow path runs guard for pulumi up, which runs nothing when the preview blocks", () => {
  const tools = fakeCloudTools(scratch.path);
  const result = runCli(['shim-exec', 'pulumi', join(tools.bin, 'pulumi'), 'up', '-s', 'production', '--yes'], {
    cwd: scratch.path,
    env: {
      PATH: `${tools.bin}:${process.env.PATH ?? ''}`,
      HOME: scratch.path,
      FAKE_LOG: tools.log,
      FAKE_PREVIEW: join(ROOT, 'fixtures/pulumi/prod-database-delete/preview.json'),
      CLAUDECODE: '',
      CLAUDE_CODE_ENTRYPOINT: '',
    },
  });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('blast-radius blocked the change; `pulumi up` was not run.');
  expect(tools.calls().map((call) => call[1])).toEqual(['preview', 'preview']);
});
