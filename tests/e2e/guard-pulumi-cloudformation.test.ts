// `blast-radius guard -- pulumi up|destroy …`, `guard -- aws cloudformation deploy|execute-change-set …` and
// `guard -- cdk deploy STACK` with fake pulumi, aws and cdk first on PATH: the exact steps each run takes, nothing
// executed when the check blocks (a change set the guard made is deleted), exactly the checked plan or change set run
// when it passes, input errors with exit 2, and an approval letting a blocked change through once.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SESSION_MARKERS } from '../../src/agents/agent-session.js';
import { readApprovals, writeApprovals } from '../../src/approvals/store.js';
import { shellQuote } from '../../src/shell-quote.js';
import { approvalOf } from '../approvals/approval-helpers.js';
import { fakeCloudTools, type FakeCloudTools } from '../guard/fake-cloud-tools.js';
import { BIN, ROOT, runCli, type CliResult } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const PULUMI = join(ROOT, 'fixtures/pulumi');
const CFN = join(ROOT, 'fixtures/cloudformation');
const PROD_DELETE = join(PULUMI, 'prod-database-delete/preview.json');
const STAGING_DELETE = join(PULUMI, 'staging-database-delete/preview.json');
const PROD_REPLACE_SET = join(CFN, 'prod-replace/change-set.json');
const STAGING_SET = join(CFN, 'staging-delete/change-set.json');
const arnOf = (file: string): string => (JSON.parse(readFileSync(file, 'utf8')) as { ChangeSetId: string }).ChangeSetId;
const stackOf = (file: string): string => (JSON.parse(readFileSync(file, 'utf8')) as { StackId: string }).StackId;

interface Run {
  dir: string;
  tools: FakeCloudTools;
  env: NodeJS.ProcessEnv;
  guard(words: string[], extra?: NodeJS.ProcessEnv, format?: string): CliResult;
}

let runs = 0;
function setUp(env: NodeJS.ProcessEnv): Run {
  const dir = join(scratch.path, `run-${++runs}`);
  mkdirSync(join(dir, 'home'), { recursive: true });
  const tools = fakeCloudTools(dir);
  const all: NodeJS.ProcessEnv = {
    PATH: `${tools.bin}:${process.env.PATH ?? ''}`,
    HOME: join(dir, 'home'),
    BLAST_RADIUS_APPROVALS: join(dir, 'approvals.json'),
    FAKE_LOG: tools.log,
    FAKE_PLAN_TEXT: '{"resourcePlans":{}}',
    ...env,
  };
  return {
    dir,
    tools,
    env: all,
    guard: (words, extra = {}, format = 'text') => runCli(['guard', '--format', format, '--', ...words], { cwd: dir, env: { ...all, ...extra } }),
  };
}

/** The recorded calls with the private plan path (`/proc/<pid>/fd/<n>` or a temporary file) written as PLAN. */
function withPlanPath(calls: string[][]): string[][] {
  return calls.map((call) => call.map((word, i) => (call[i - 1] === '--plan' || call[i - 1] === '--save-plan' ? 'PLAN' : word)));
}

describe('pulumi up', () => {
  const words = [
    'pulumi',
    'up',
    '-s',
    'production',
    '--yes',
    '--refresh',
    '--diff',
    '-t',
    'urn:pulumi:production::orders::aws:rds/instance:Instance::orders-db',
  ];

  it('previews with --save-plan, and runs nothing when the check blocks', () => {
    const run = setUp({ FAKE_PREVIEW: PROD_DELETE, FAKE_PULUMI_PLANS: '1' });
    const result = run.guard(words);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^BLOCKED/);
    expect(result.stdout).toContain('orders-db');
    expect(result.stdout).toMatch(/\npulumi preview[^\n]* \(run by guard\) \(pulumi-preview/);
    expect(result.stderr).toContain('blast-radius blocked the change; `pulumi up` was not run.');
    expect(withPlanPath(run.tools.calls())).toEqual([
      ['pulumi', 'preview', '--help'],
      [
        'pulumi',
        'preview',
        '--json',
        '--save-plan',
        'PLAN',
        '--stack',
        'production',
        '--refresh',
        '--target',
        'urn:pulumi:production::orders::aws:rds/instance:Instance::orders-db',
      ],
    ]);
  });

  it('runs `up --plan` of exactly the plan the checked preview saved, with the user flags, when it passes', () => {
    const run = setUp({ FAKE_PREVIEW: STAGING_DELETE, FAKE_PULUMI_PLANS: '1' });
    const result = run.guard(words);
    expect(result.stderr).toContain('Ran `pulumi up` constrained to the update plan of the preview blast-radius checked.');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^PASS/);
    const calls = run.tools.calls();
    const planned = calls[1][calls[1].indexOf('--save-plan') + 1];
    const applied = calls[2][calls[2].indexOf('--plan') + 1];
    // The file pulumi saved is the one up read: the same private directory, pinned by its descriptor where Linux allows.
    expect(applied === planned || applied.startsWith(`/proc/`)).toBe(true);
    expect(withPlanPath(calls.slice(2))).toEqual([
      [
        'pulumi',
        'up',
        '--yes',
        '--skip-preview',
        '--plan',
        'PLAN',
        '--stack',
        'production',
        '--refresh',
        '--diff',
        '--target',
        'urn:pulumi:production::orders::aws:rds/instance:Instance::orders-db',
      ],
      ['plan read', '{"resourcePlans":{}}'],
    ]);
  });

  it('without update plans, previews, checks and runs `up --yes --skip-preview`, saying the stack could change in between', () => {
    const run = setUp({ FAKE_PREVIEW: STAGING_DELETE });
    const result = run.guard(['pulumi', '--cwd', 'infra', 'up', '--stack=staging', '-y']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('this pulumi saves no update plan, so the stack could have changed in between');
    expect(run.tools.calls()).toEqual([
      ['pulumi', 'preview', '--help'],
      ['pulumi', 'preview', '--json', '--cwd', 'infra', '--stack', 'staging'],
      ['pulumi', 'up', '--yes', '--skip-preview', '--cwd', 'infra', '--stack', 'staging'],
    ]);
  });

  it('without --yes runs nothing where no person can be asked', () => {
    const run = setUp({ FAKE_PREVIEW: STAGING_DELETE });
    const result = run.guard(['pulumi', 'up', '-s', 'staging']);
    expect(result.code).toBe(1);
    expect(run.tools.calls().map((call) => call[1])).toEqual(['preview', 'preview']);
  });

  it.each([
    [['pulumi', 'up', '--plan', 'mine.json', '--yes'], 'with --plan: blast-radius makes the plan from the preview it checks'],
    [['pulumi', 'up', 'https://github.com/x/y', '--yes'], 'would make it run another one'],
    [['pulumi', 'up', '--remote', '--yes'], 'Pulumi Deployments'],
    [['pulumi', 'up', '--frobnicate', '--yes'], 'does not know the pulumi up option --frobnicate'],
    [['pulumi', 'refresh', '--yes'], '`pulumi refresh` is not one of them'],
  ])('refuses %j with one sentence and runs nothing', (command, says) => {
    const run = setUp({ FAKE_PREVIEW: STAGING_DELETE });
    const result = run.guard(command);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(says);
    expect(run.tools.calls()).toEqual([]);
  });

  it('a preview that fails without printing one is exit 2, nothing run', () => {
    const run = setUp({ FAKE_PREVIEW: '/dev/null', FAKE_PREVIEW_EXIT: '255' });
    const result = run.guard(words);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('`pulumi preview --json` failed (exit 255) and printed no preview; nothing was run.');
    expect(run.tools.calls().map((call) => call[1])).toEqual(['preview', 'preview']);
  });

  it('a preview that cannot be read is exit 2, nothing run', () => {
    const run = setUp({ FAKE_PREVIEW: join(PULUMI, 'truncated/preview.json') });
    const result = run.guard(words);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The output of `pulumi preview --json` could not be read');
    expect(run.tools.calls().map((call) => call[1])).toEqual(['preview', 'preview']);
  });
});

describe('pulumi destroy', () => {
  it('checks `destroy --preview-only --json` and runs nothing when it blocks', () => {
    const run = setUp({ FAKE_PREVIEW: PROD_DELETE, FAKE_PULUMI_PLANS: '1' });
    const result = run.guard(['pulumi', 'destroy', '-s', 'production', '--yes', '--remove']);
    expect(result.code).toBe(1);
    expect(run.tools.calls()).toEqual([['pulumi', 'destroy', '--preview-only', '--json', '--stack', 'production']]);
  });

  it('runs `destroy --yes --skip-preview` with the user flags when it passes', () => {
    const run = setUp({ FAKE_PREVIEW: STAGING_DELETE });
    const result = run.guard(['pulumi', 'destroy', '-s', 'staging', '--yes', '--remove']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('pulumi saves no plan of a destroy, so the stack could have changed in between');
    expect(run.tools.calls()).toEqual([
      ['pulumi', 'destroy', '--preview-only', '--json', '--stack', 'staging'],
      ['pulumi', 'destroy', '--yes', '--skip-preview', '--stack', 'staging', '--remove'],
    ]);
  });
});

describe('aws cloudformation deploy', () => {
  const words = ['aws', '--region', 'us-east-1', 'cloudformation', 'deploy', '--stack-name', 'orders-prod', '--template-file', 't.yaml'];
  const words2 = [...words, '--capabilities', 'CAPABILITY_IAM', '--disable-rollback', '--output', 'text'];

  it('creates the change set without executing it, describes and checks it, deletes it when it blocks', () => {
    const arn = arnOf(PROD_REPLACE_SET);
    const run = setUp({ FAKE_ARN: arn, FAKE_CHANGE_SET: PROD_REPLACE_SET });
    const result = run.guard(words2);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^BLOCKED/);
    expect(result.stderr).toContain('nothing was executed and the change set was deleted');
    expect(run.tools.calls()).toEqual([
      [
        'aws',
        '--region',
        'us-east-1',
        'cloudformation',
        'deploy',
        '--stack-name',
        'orders-prod',
        '--template-file',
        't.yaml',
        '--capabilities',
        'CAPABILITY_IAM',
        '--no-execute-changeset',
      ],
      ['aws', '--region', 'us-east-1', 'cloudformation', 'describe-change-set', '--change-set-name', arn, '--output', 'json'],
      ['aws', '--region', 'us-east-1', 'cloudformation', 'delete-change-set', '--change-set-name', arn],
    ]);
  });

  it('executes exactly the described change set and waits for the stack when it passes', () => {
    const arn = arnOf(STAGING_SET);
    const stack = stackOf(STAGING_SET);
    const run = setUp({ FAKE_ARN: arn, FAKE_CHANGE_SET: STAGING_SET });
    const result = run.guard(words2);
    expect(result.stderr).toContain(`Executed exactly the change set blast-radius checked (${arn}).`);
    expect(result.code).toBe(0);
    expect(run.tools.calls().slice(1)).toEqual([
      ['aws', '--region', 'us-east-1', 'cloudformation', 'describe-change-set', '--change-set-name', arn, '--output', 'json'],
      ['aws', '--region', 'us-east-1', 'cloudformation', 'describe-stacks', '--stack-name', stack, '--query', 'Stacks[0].StackStatus', '--output', 'text'],
      ['aws', '--region', 'us-east-1', 'cloudformation', 'execute-change-set', '--change-set-name', arn, '--disable-rollback'],
      ['aws', '--region', 'us-east-1', 'cloudformation', 'wait', 'stack-update-complete', '--stack-name', stack],
    ]);
  });

  it('waits for a stack the change set creates with stack-create-complete', () => {
    const run = setUp({ FAKE_ARN: arnOf(STAGING_SET), FAKE_CHANGE_SET: STAGING_SET, FAKE_STACK_STATUS: 'REVIEW_IN_PROGRESS' });
    expect(run.guard(words).code).toBe(0);
    expect(run.tools.calls().at(-1)?.slice(4, 6)).toEqual(['wait', 'stack-create-complete']);
  });

  it('passes with nothing to run when there is nothing to deploy', () => {
    const run = setUp({ FAKE_EMPTY: '1' });
    const result = run.guard(words);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('has nothing to change (CloudFormation found no changes); nothing was executed.');
    expect(run.tools.calls()).toHaveLength(1);
  });

  it('refuses --no-execute-changeset and unknown options with one sentence', () => {
    const run = setUp({});
    expect(run.guard([...words, '--no-execute-changeset']).stderr).toContain('it only creates a change set, which changes nothing');
    expect(run.guard([...words, '--no-exec']).stderr).toContain('does not know the aws option --no-exec');
    expect(run.tools.calls()).toEqual([]);
  });
});

describe('aws cloudformation execute-change-set', () => {
  it('follows every NextToken page, checks them together, and executes the described change set by its ARN', () => {
    const [first, second] = readFileSync(join(CFN, 'pages/change-set.json'), 'utf8').split(/\n(?=\{)/);
    const pages = scratch.write('page.json', `${first}\n`);
    writeFileSync(`${pages}.2`, second);
    const arn = (JSON.parse(first) as { ChangeSetId: string }).ChangeSetId;
    const token = (JSON.parse(first) as { NextToken: string }).NextToken;
    const run = setUp({ FAKE_CHANGE_SET: pages });
    const result = run.guard(['aws', 'cloudformation', 'execute-change-set', '--change-set-name', 'paged-change', '--stack-name', 'orders-prod']);
    expect(result.code).toBe(1);
    expect(run.tools.calls()).toEqual([
      ['aws', 'cloudformation', 'describe-change-set', '--change-set-name', 'paged-change', '--stack-name', 'orders-prod', '--output', 'json'],
      [
        'aws',
        'cloudformation',
        'describe-change-set',
        '--change-set-name',
        'paged-change',
        '--stack-name',
        'orders-prod',
        '--output',
        'json',
        '--starting-token',
        token,
      ],
    ]);
    expect(result.stderr).toContain(`the change set ${arn} is left as it was`);
  });

  it('executes by the ARN it described, and does not wait, when it passes', () => {
    const arn = arnOf(STAGING_SET);
    const run = setUp({ FAKE_CHANGE_SET: STAGING_SET });
    const result = run.guard(['aws', 'cloudformation', 'execute-change-set', '--change-set-name', 'staging-change', '--stack-name', 'orders-staging']);
    expect(result.code).toBe(0);
    expect(run.tools.calls().at(-1)).toEqual(['aws', 'cloudformation', 'execute-change-set', '--change-set-name', arn]);
  });

  it('passes with nothing to run for a change set CloudFormation found empty', () => {
    const run = setUp({ FAKE_CHANGE_SET: join(CFN, 'failed-status/change-set.json') });
    const result = run.guard(['aws', 'cloudformation', 'execute-change-set', '--change-set-name', 'no-op-change', '--stack-name', 'orders-prod']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('nothing was executed');
    expect(run.tools.calls()).toHaveLength(1);
  });
});

describe('cdk deploy', () => {
  it('prepares the change set with cdk, describes, checks and executes it with the AWS CLI in its region', () => {
    const arn = arnOf(STAGING_SET);
    const run = setUp({ FAKE_ARN: arn, FAKE_CHANGE_SET: STAGING_SET });
    const result = run.guard(['cdk', 'deploy', 'OrdersStack', '--profile', 'ops', '-c', 'env=staging', '--require-approval', 'never', '-R']);
    expect(result.code).toBe(0);
    expect(run.tools.calls().map((call) => call.slice(0, 9))).toEqual([
      ['cdk', '-c', 'env=staging', '--require-approval', 'never', '--profile', 'ops', 'deploy', 'OrdersStack'],
      ['aws', '--profile', 'ops', '--region', 'us-east-1', 'cloudformation', 'describe-change-set', '--change-set-name', arn],
      ['aws', '--profile', 'ops', '--region', 'us-east-1', 'cloudformation', 'describe-stacks', '--stack-name', stackOf(STAGING_SET)],
      ['aws', '--profile', 'ops', '--region', 'us-east-1', 'cloudformation', 'execute-change-set', '--change-set-name', arn],
      ['aws', '--profile', 'ops', '--region', 'us-east-1', 'cloudformation', 'wait', 'stack-update-complete', '--stack-name'],
    ]);
    expect(run.tools.calls()[0].at(-1)).toBe('--method=prepare-change-set');
    expect(run.tools.calls()[3].at(-1)).toBe('--disable-rollback');
  });

  it('deletes the change set and executes nothing when it blocks', () => {
    const arn = arnOf(PROD_REPLACE_SET);
    const run = setUp({ FAKE_ARN: arn, FAKE_CHANGE_SET: PROD_REPLACE_SET });
    const result = run.guard(['cdk', 'deploy', 'OrdersStack']);
    expect(result.code).toBe(1);
    expect(run.tools.calls()).toEqual([
      ['cdk', 'deploy', 'OrdersStack', '--method=prepare-change-set'],
      ['aws', '--region', 'us-east-1', 'cloudformation', 'describe-change-set', '--change-set-name', arn, '--output', 'json'],
      ['aws', '--region', 'us-east-1', 'cloudformation', 'delete-change-set', '--change-set-name', arn],
    ]);
    expect(run.tools.calls().some((call) => call.includes('execute-change-set'))).toBe(false);
  });

  it('deletes every change set and stops (exit 2) when the stack brought its dependencies', () => {
    const run = setUp({ FAKE_ARN: arnOf(STAGING_SET), FAKE_ARN2: arnOf(PROD_REPLACE_SET), FAKE_CHANGE_SET: STAGING_SET });
    const result = run.guard(['cdk', 'deploy', 'OrdersStack']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('guard checks one stack at a time');
    expect(run.tools.calls().filter((call) => call.includes('delete-change-set'))).toHaveLength(2);
  });

  it('passes with nothing to run when cdk found no changes', () => {
    const run = setUp({ FAKE_EMPTY: '1' });
    const result = run.guard(['cdk', 'deploy', 'OrdersStack']);
    expect(result.code).toBe(0);
    expect(run.tools.calls()).toHaveLength(1);
  });

  it.each([
    [['cdk', 'deploy', '--all'], 'it deploys every stack of the app'],
    [['cdk', 'deploy', 'A', 'B'], 'name exactly one stack'],
    [['cdk', 'deploy', 'A', '--hotswap'], 'outside a CloudFormation change set'],
    [['cdk', 'deploy', 'A', '--method=direct'], 'without a CloudFormation change set'],
  ])('refuses %j with one sentence and runs nothing', (command, says) => {
    const run = setUp({});
    const result = run.guard(command);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(says);
    expect(run.tools.calls()).toEqual([]);
  });
});

describe('approvals', () => {
  it('runs a blocked pulumi up once a person approved exactly its fingerprint, and uses the approval up', () => {
    const run = setUp({ FAKE_PREVIEW: PROD_DELETE, FAKE_PULUMI_PLANS: '1' });
    const words = ['pulumi', 'up', '-s', 'production', '--yes'];
    const blocked = JSON.parse(run.guard(words, {}, 'json').stdout) as { fingerprint: string; approveCommand: string };
    expect(blocked.approveCommand).toBe(`blast-radius approve ${blocked.fingerprint} -- pulumi up -s production --yes`);
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    writeApprovals(run.env.BLAST_RADIUS_APPROVALS as string, [approvalOf(blocked.fingerprint, hourAgo, tomorrow)]);
    const approved = run.guard(words);
    expect(approved.stdout).toContain(`Approved: fingerprint ${blocked.fingerprint}`);
    expect(approved.code).toBe(0);
    expect(run.tools.calls().filter((call) => call[1] === 'up')).toHaveLength(1);
    expect(readApprovals(run.env.BLAST_RADIUS_APPROVALS as string)).toEqual([]);
  });

  it('a CloudFormation change set made again gives the same fingerprint, so an approval holds for the next deploy', () => {
    const run = setUp({ FAKE_ARN: arnOf(PROD_REPLACE_SET), FAKE_CHANGE_SET: PROD_REPLACE_SET });
    const words = ['aws', 'cloudformation', 'deploy', '--stack-name', 'orders-prod', '--template-file', 't.yaml'];
    const first = JSON.parse(run.guard(words, {}, 'json').stdout) as { fingerprint: string };
    const second = JSON.parse(run.guard(words, {}, 'json').stdout) as { fingerprint: string };
    expect(second.fingerprint).toBe(first.fingerprint);
    writeApprovals(run.env.BLAST_RADIUS_APPROVALS as string, [
      approvalOf(first.fingerprint, new Date(Date.now() - 3_600_000).toISOString(), new Date(Date.now() + 86_400_000).toISOString()),
    ]);
    expect(run.guard(words).code).toBe(0);
    expect(run.tools.calls().filter((call) => call.includes('execute-change-set'))).toHaveLength(1);
  });
});

const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).stdout.trim() !== '';
(hasScript ? it : it.skip)(
  'approve <fingerprint> -- aws cloudformation deploy … checks a change set as guard does, deletes it, and records the approval guard honours (skipped without util-linux script)',
  () => {
    const arn = arnOf(PROD_REPLACE_SET);
    const run = setUp({ FAKE_ARN: arn, FAKE_CHANGE_SET: PROD_REPLACE_SET });
    const words = ['aws', 'cloudformation', 'deploy', '--stack-name', 'orders-prod', '--template-file', 't.yaml'];
    const { fingerprint } = JSON.parse(run.guard(words, {}, 'json').stdout) as { fingerprint: string };
    const env: NodeJS.ProcessEnv = { ...process.env, ...run.env, NO_COLOR: '1' };
    for (const { variable } of SESSION_MARKERS) delete env[variable];
    const command = [process.execPath, BIN, 'approve', fingerprint, '--reason', 'Replacing the orders table (OPS-9)', '--', ...words].map(shellQuote).join(' ');
    const approved = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: run.dir, env, input: 'production\n', encoding: 'utf8' });
    expect(approved.stdout).toContain(`Approved ${fingerprint}`);
    expect(approved.status).toBe(0);
    // guard's blocked run and approve's check each made a change set and deleted it; nothing was executed.
    expect(run.tools.calls().filter((call) => call.includes('delete-change-set'))).toHaveLength(2);
    expect(run.tools.calls().some((call) => call.includes('execute-change-set'))).toBe(false);
    expect(run.guard(words).code).toBe(0);
    expect(run.tools.calls().filter((call) => call.includes('execute-change-set'))).toHaveLength(1);
  },
);
