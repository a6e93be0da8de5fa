// `blast-radius approve` end to end: refused without a terminal and inside agent sessions; at a pseudo-terminal
// (`script`, where installed) it re-checks the plan, takes the typed environment name, and then `check` and
// `guard` (with the real terraform, where installed) let exactly that plan through.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shellQuote } from '../../src/shell-quote.js';
import { SESSION_MARKERS } from '../../src/agents/agent-session.js';
import { BIN, ROOT, runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';
import { editedPlan, PROD_REPLACE } from '../approvals/approval-helpers.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).stdout.trim() !== '';
const hasTerraform = spawnSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' }).stdout.trim() !== '';

/** The environment of a person's shell: no agent's markers, and the approvals store in a scratch directory. */
function personEnv(config: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', XDG_CONFIG_HOME: config, TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1' };
  for (const { variable } of SESSION_MARKERS) delete env[variable];
  delete env.BLAST_RADIUS_APPROVALS;
  return env;
}

/** Runs `blast-radius <args>` at a pseudo-terminal made by util-linux `script`, typing `typed`. */
function atTerminal(args: string[], typed: string, env: NodeJS.ProcessEnv, cwd = ROOT): { code: number | null; output: string } {
  const command = [process.execPath, BIN, ...args].map(shellQuote).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env, input: typed, encoding: 'utf8' });
  return { code: result.status, output: result.stdout + result.stderr };
}

/** A Terraform working directory with prod-replace's `before` applied and its `after` configuration in place. */
function prodReplaceProject(name: string, env: NodeJS.ProcessEnv): string {
  const dir = join(scratch.path, name);
  mkdirSync(dir);
  cpSync(join(ROOT, 'fixtures/terraform/prod-replace/before'), dir, { recursive: true });
  const tf = (...args: string[]) => spawnSync('terraform', args, { cwd: dir, env, encoding: 'utf8' });
  expect(tf('init', '-input=false').status).toBe(0);
  expect(tf('apply', '-auto-approve', '-input=false').status).toBe(0);
  cpSync(join(ROOT, 'fixtures/terraform/prod-replace/after'), dir, { recursive: true });
  return dir;
}

const fingerprintOf = (file: string, env: NodeJS.ProcessEnv): string => JSON.parse(runCli(['check', file, '--format', 'json'], { env }).stdout).fingerprint;

describe('refusals', () => {
  const env = personEnv(join(scratch.path, 'refusals'));
  const fingerprint = fingerprintOf(PROD_REPLACE, env);

  it('refuses without an interactive terminal, in one sentence, exit 2', () => {
    const result = runCli(['approve', fingerprint, PROD_REPLACE, '--reason', 'x'], { env, input: 'production\n' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'blast-radius approve needs a person at an interactive terminal (standard input, output and error), so it refuses to run from a script, a pipe or an agent.',
    );
    expect(existsSync(join(scratch.path, 'refusals'))).toBe(false);
  });

  it.each(SESSION_MARKERS.map((m) => [m.variable, m.value ?? '1', m.agent]))('refuses inside an agent session (%s=%s: %s)', (variable, value, agent) => {
    const result = runCli(['approve', fingerprint, PROD_REPLACE], { env: { ...env, [variable]: value } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`refuses to run inside a ${agent} session (${variable} is set)`);
  });

  it('refuses something that is not a fingerprint', () => {
    const result = runCli(['approve', 'abc', PROD_REPLACE], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"abc" is not a fingerprint');
  });
});

(hasScript ? describe : describe.skip)('at a terminal (util-linux script; skipped where it is not installed)', () => {
  it('records the approval after the environment name is typed; check then passes exactly that plan', () => {
    const config = join(scratch.path, 'approved');
    const env = personEnv(config);
    const fingerprint = fingerprintOf(PROD_REPLACE, env);
    const approved = atTerminal(['approve', fingerprint, PROD_REPLACE, '--reason', 'Retiring the old database'], 'production\n', env);
    expect(approved.output).toContain('BLOCKED');
    // The screen where a person approves does not tell them not to apply, nor how to approve.
    expect(approved.output).not.toContain('Do not apply');
    expect(approved.output).not.toContain('a person (never an agent) approves');
    expect(approved.output).toContain('Why these rules block, and how to fix or allow-list them:');
    expect(approved.output).toContain('type the name `production`');
    expect(approved.output).toContain(`Approved ${fingerprint}`);
    expect(approved.code).toBe(0);
    const store = JSON.parse(readFileSync(join(config, 'blast-radius', 'approvals.json'), 'utf8'));
    expect(store.approvals).toEqual([expect.objectContaining({ fingerprint, reason: 'Retiring the old database', environments: ['production'] })]);

    const passed = runCli(['check', PROD_REPLACE], { env });
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain(`Approved: fingerprint ${fingerprint}`);
    expect(runCli(['check', PROD_REPLACE, '--no-approvals'], { env }).code).toBe(1);

    const changed = editedPlan(PROD_REPLACE, scratch.path, 'changed.json', (plan) => {
      (plan.resource_changes.find((r) => r.address === 'terraform_data.prod_db') as { change: { actions: string[] } }).change.actions = ['delete'];
    });
    expect(runCli(['check', changed], { env }).code).toBe(1);
  });

  it('records nothing when the typed name is wrong', () => {
    const config = join(scratch.path, 'mistyped');
    const env = personEnv(config);
    const result = atTerminal(['approve', fingerprintOf(PROD_REPLACE, env), PROD_REPLACE, '--reason', 'x'], 'prod\n', env);
    expect(result.code).toBe(2);
    expect(result.output).toContain('You typed "prod", not "production"; nothing was approved.');
    expect(existsSync(join(config, 'blast-radius', 'approvals.json'))).toBe(false);
  });

  it('refuses a fingerprint the plans do not have', () => {
    const env = personEnv(join(scratch.path, 'mismatch'));
    const result = atTerminal(['approve', '0'.repeat(32), PROD_REPLACE, '--reason', 'x'], 'production\n', env);
    expect(result.code).toBe(2);
    expect(result.output).toContain(`not ${'0'.repeat(32)}: what they destroy changed since the report you read; nothing was approved.`);
  });

  (hasTerraform ? it : it.skip)('lets guard apply a blocked plan once a person approved it with the same terraform command', () => {
    const env = personEnv(join(scratch.path, 'guarded-config'));
    const dir = prodReplaceProject('guarded', env);

    const blocked = runCli(['guard', '--', 'terraform', 'apply', '-auto-approve'], { cwd: dir, env });
    expect(blocked.code).toBe(1);
    const command = /blast-radius approve ([0-9a-f]{32}) -- terraform apply -auto-approve/.exec(blocked.stdout);
    expect(command).not.toBeNull();
    const approved = atTerminal(
      ['approve', '--reason', 'planned', command?.[1] as string, '--', 'terraform', 'apply', '-auto-approve'],
      'production\n',
      env,
      dir,
    );
    expect(approved.code).toBe(0);

    const applied = runCli(['guard', '--', 'terraform', 'apply', '-auto-approve'], { cwd: dir, env });
    expect(applied.stderr).toContain('Applied exactly the plan blast-radius checked.');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(`Approved: fingerprint ${command?.[1]}`);
  });
});

(hasScript && hasTerraform ? it : it.skip)('approves a guard run under --config with the same configuration, which its approve command names', () => {
  const env = personEnv(join(scratch.path, 'guarded-config-file-store'));
  const dir = prodReplaceProject('guarded-config-file', env);
  // A configuration under which one more rule blocks: its fingerprint is not the one without it.
  const config = join(scratch.path, 'at-most-one.yml');
  writeFileSync(config, 'policy:\n  rules:\n    too-many-destructive: [error, { max: 0 }]\n');
  const guarded = ['guard', '--config', config, '--', 'terraform', 'apply', '-auto-approve'];

  const blocked = runCli(guarded, { cwd: dir, env });
  expect(blocked.code).toBe(1);
  const command = /blast-radius approve ([0-9a-f]{32}) --config (\S+) -- terraform apply -auto-approve/.exec(blocked.stdout);
  expect(command?.[2]).toBe(config);
  const withoutConfig = runCli(['guard', '--', 'terraform', 'apply', '-auto-approve'], { cwd: dir, env });
  expect(withoutConfig.stdout).not.toContain(command?.[1] as string);
  const approved = atTerminal(
    ['approve', '--reason', 'planned', command?.[1] as string, '--config', config, '--', 'terraform', 'apply', '-auto-approve'],
    'production\n',
    env,
    dir,
  );
  expect(approved.output).toContain('Approved');
  expect(approved.code).toBe(0);

  const applied = runCli(guarded, { cwd: dir, env });
  expect(applied.stderr).toContain('Applied exactly the plan blast-radius checked.');
  expect(applied.code).toBe(0);
});
