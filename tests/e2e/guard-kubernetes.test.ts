// `blast-radius guard -- kubectl …` and `guard -- helm …` with fake kubectl and helm programs first on PATH: the
// preview is checked, a blocked change never runs the real command, a passing one runs it exactly once with the
// user's words, preview errors block or fail, and a person's approval of the fingerprint lets the change through.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SESSION_MARKERS } from '../../src/agents/agent-session.js';
import { readApprovals, writeApprovals } from '../../src/approvals/store.js';
import { shellQuote } from '../../src/shell-quote.js';
import { approvalOf } from '../approvals/approval-helpers.js';
import { fakeKubeTools, type FakeKubeTools } from '../guard/fake-kube-tools.js';
import { BIN, ROOT, runCli, type CliResult } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const K8S = join(ROOT, 'fixtures/kubernetes');
const PRUNED = join(K8S, 'kubectl-diff/created-updated-pruned/diff.txt');
const NAMESPACE_DELETED = join(K8S, 'kubectl-delete/namespace-new-form/delete.txt');
const HELM_DIFF = join(K8S, 'helm-diff/upgrade/helm-diff.txt');
const HELM_MANIFEST = join(K8S, 'objects/helm-manifest/manifest.yaml');

interface Run {
  dir: string;
  tools: FakeKubeTools;
  env: NodeJS.ProcessEnv;
  guard(words: string[], extra?: NodeJS.ProcessEnv, format?: string): CliResult;
}

let runs = 0;
/** A working directory with a manifest, a chart and values, fake tools on PATH, no kubeconfig and its own approvals store. */
function setUp(preview: string, previewExit = 0): Run {
  const dir = join(scratch.path, `run-${++runs}`);
  mkdirSync(join(dir, 'home'), { recursive: true });
  mkdirSync(join(dir, 'chart', 'templates'), { recursive: true });
  writeFileSync(join(dir, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: payments\nversion: 1.9.0\n');
  writeFileSync(join(dir, 'values.yaml'), 'replicas: 3\n');
  writeFileSync(join(dir, 'app.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api-settings\n');
  const tools = fakeKubeTools(dir);
  const env: NodeJS.ProcessEnv = {
    PATH: `${tools.bin}:${process.env.PATH ?? ''}`,
    HOME: join(dir, 'home'),
    KUBECONFIG: '',
    HELM_KUBECONTEXT: '',
    BLAST_RADIUS_APPROVALS: join(dir, 'approvals.json'),
    FAKE_LOG: tools.log,
    FAKE_PREVIEW_OUTPUT: preview,
    FAKE_PREVIEW_EXIT: String(previewExit),
  };
  return {
    dir,
    tools,
    env,
    guard: (words, extra = {}, format = 'text') => runCli(['guard', '--format', format, '--', ...words], { cwd: dir, env: { ...env, ...extra } }),
  };
}

/** A fixture with production turned into staging: the same change, nothing protected in it. */
function staging(fixture: string): string {
  const text = readFileSync(fixture, 'utf8').replaceAll('payments-prod', 'payments-staging').replaceAll('production', 'staging');
  return scratch.write(`staging-${fixture.split('/').slice(-2).join('-')}`, text);
}

describe('kubectl apply', () => {
  const words = ['kubectl', 'apply', '-f', 'app.yaml', '--prune', '-l', 'app=api', '-n', 'payments-prod', '--wait', '-o', 'name'];

  it('checks kubectl diff with the same manifests, selector, prune and namespace, and applies nothing when it blocks', () => {
    const run = setUp(PRUNED, 1);
    const result = run.guard(words);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^BLOCKED/);
    expect(result.stdout).toContain('ConfigMap/payments-prod/legacy-flags');
    expect(result.stdout).toContain('\nkubectl diff (run by guard) (kubectl-diff');
    expect(result.stderr).toContain('blast-radius blocked the change; `kubectl apply` was not run.');
    expect(result.stderr).not.toContain('blast-radius guard: blast-radius');
    expect(run.tools.calls()).toEqual([['kubectl', 'diff', '--filename', 'app.yaml', '--prune', '--selector', 'app=api', '--namespace', 'payments-prod']]);
  });

  it('runs the apply exactly once, with the words as given, when the diff passes', () => {
    const run = setUp(staging(PRUNED), 1);
    const result = run.guard(words);
    expect(result.stdout).toMatch(/^PASS/);
    expect(result.stderr).toContain('real kubectl ran');
    expect(result.stderr).toContain('Ran `kubectl apply` after its change was checked by blast-radius.');
    expect(result.code).toBe(0);
    expect(run.tools.calls()).toEqual([
      ['kubectl', 'diff', '--filename', 'app.yaml', '--prune', '--selector', 'app=api', '--namespace', 'payments-prod'],
      words,
    ]);
  });

  it('applies when kubectl diff shows no difference', () => {
    const run = setUp(scratch.write('empty.txt', ''), 0);
    const result = run.guard(['kubectl', 'apply', '-f', 'app.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('shown by `kubectl diff` as no change');
    expect(run.tools.calls()).toHaveLength(2);
  });

  it('blocks on an error kubectl diff printed instead of a diff (the object cannot be judged)', () => {
    const run = setUp(join(K8S, 'kubectl-diff/error-only/diff.txt'), 2);
    const result = run.guard(['kubectl', 'apply', '-f', 'app.yaml'], { FAKE_PREVIEW_STDERR: '1' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('unjudged-objects');
    expect(run.tools.calls()).toHaveLength(1);
  });

  it("checks an immutable-field error as a replace, in the command's --context", () => {
    const run = setUp(join(K8S, 'kubectl-diff/immutable-selector-error/diff.txt'), 2);
    const result = run.guard(['kubectl', '--context', 'payments-prod', 'apply', '-f', 'app.yaml', '--force'], { FAKE_PREVIEW_STDERR: '1' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('prod-replace');
    expect(run.tools.calls()).toEqual([['kubectl', 'diff', '--context', 'payments-prod', '--filename', 'app.yaml']]);
  });

  it('fails, running nothing, when kubectl diff fails without an error it can judge', () => {
    const run = setUp(scratch.write('warning-only.txt', 'Warning: the server could not find the requested resource\n'), 2);
    const result = run.guard(['kubectl', 'apply', '-f', 'app.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('`kubectl diff` failed (exit 2) without an error blast-radius could judge; nothing was run.');
    expect(run.tools.calls()).toHaveLength(1);
  });

  it('echoes what a failed kubectl diff said, without its diff bodies', () => {
    const secretDiff = readFileSync(join(K8S, 'kubectl-diff/secret/diff.txt'), 'utf8');
    const run = setUp(scratch.write('failed-with-diff.txt', `${secretDiff}The connection to the server was lost\n`), 2);
    const result = run.guard(['kubectl', 'apply', '-f', 'app.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The connection to the server was lost');
    expect(result.stderr).not.toContain('SECRET-MARKER-7f3a');
    expect(result.stderr).not.toContain('password');
    expect(run.tools.calls()).toHaveLength(1);
  });

  it('says which line of the preview it could not read, without the scratch path', () => {
    const run = setUp(scratch.write('garbage.txt', 'diff -u -N /tmp/LIVE-1/v1.ConfigMap.x.y /tmp/MERGED-1/v1.ConfigMap.x.y\nsomething else\n'), 1);
    const result = run.guard(['kubectl', 'apply', '-f', 'app.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /The output of `kubectl diff` could not be read \(the diff at line 1 has no --- header after it: the kubectl diff output is truncated or damaged\); nothing was run\./,
    );
    expect(result.stderr).not.toContain('blast-radius-guard-');
  });

  it('refuses to apply manifests that changed between the check and the apply', () => {
    const run = setUp(staging(PRUNED), 1);
    const result = run.guard(['kubectl', 'apply', '-f', 'app.yaml'], { FAKE_TOUCH: join(run.dir, 'app.yaml') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The files `kubectl apply` reads (app.yaml) changed between the check and the run; nothing was run.');
    expect(run.tools.calls()).toHaveLength(1);
  });
});

describe('kubectl delete', () => {
  it('checks the server dry run of the same delete, and deletes nothing when it blocks', () => {
    const run = setUp(NAMESPACE_DELETED);
    const result = run.guard(['kubectl', 'delete', 'namespace', 'payments-prod', '-o', 'name', '--wait=false']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Namespace/payments-prod');
    expect(run.tools.calls()).toEqual([['kubectl', 'delete', 'namespace', 'payments-prod', '--dry-run=server']]);
  });

  it('deletes exactly once when the dry run passes', () => {
    const run = setUp(staging(NAMESPACE_DELETED));
    const words = ['kubectl', '-n', 'payments-staging', 'delete', 'deployment', 'api', '--grace-period=30'];
    const result = run.guard(words);
    expect(result.code).toBe(0);
    expect(run.tools.calls()).toEqual([
      ['kubectl', 'delete', 'deployment', 'api', '--namespace', 'payments-staging', '--grace-period', '30', '--dry-run=server'],
      words,
    ]);
  });
});

describe('helm', () => {
  const upgrade = [
    'helm',
    'upgrade',
    '--install',
    'payments',
    './chart',
    '-f',
    'values.yaml',
    '--set',
    'image.tag=1.5.0',
    '-n',
    'payments-prod',
    '--wait',
    '--timeout',
    '5m',
    '--atomic',
  ];
  const diff = [
    'helm',
    'diff',
    'upgrade',
    'payments',
    './chart',
    '--install',
    '--values',
    'values.yaml',
    '--set',
    'image.tag=1.5.0',
    '--namespace',
    'payments-prod',
  ];

  it('checks helm diff upgrade with the same chart, values and namespace, and upgrades nothing when it blocks', () => {
    const run = setUp(HELM_DIFF);
    const result = run.guard(upgrade);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('PersistentVolumeClaim/payments-prod/ledger-archive');
    expect(run.tools.calls()).toEqual([diff]);
  });

  it('upgrades exactly once when the diff passes', () => {
    const run = setUp(staging(HELM_DIFF));
    const result = run.guard(upgrade);
    expect(result.code).toBe(0);
    expect(run.tools.calls()).toEqual([diff, upgrade]);
  });

  it('refuses the upgrade when the chart changed between the check and the upgrade', () => {
    const run = setUp(staging(HELM_DIFF));
    const result = run.guard(upgrade, { FAKE_TOUCH: join(run.dir, 'chart', 'Chart.yaml') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('changed between the check and the run; nothing was run.');
    expect(run.tools.calls()).toEqual([diff]);
  });

  it('says to install helm-diff when the plugin is missing, exit 2', () => {
    const run = setUp(HELM_DIFF);
    const result = run.guard(upgrade, { FAKE_NO_HELM_DIFF: '1' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('install the helm-diff plugin (helm plugin install https://github.com/databus23/helm-diff)');
    expect(run.tools.calls()).toEqual([diff]);
  });

  it("checks helm uninstall as the deletion of every object of the release's manifest", () => {
    const run = setUp(HELM_MANIFEST);
    const result = run.guard(['helm', 'uninstall', 'payments', '-n', 'payments-prod', '--kube-context', 'eu-1', '--wait']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Deployment.apps/payments-prod/payments-api');
    expect(run.tools.calls()).toEqual([['helm', 'get', 'manifest', 'payments', '--namespace', 'payments-prod', '--kube-context', 'eu-1']]);
  });

  it('uninstalls exactly once when nothing protected is in the release', () => {
    const run = setUp(staging(HELM_MANIFEST));
    const words = ['helm', '-n', 'payments-staging', 'uninstall', 'payments'];
    const result = run.guard(words);
    expect(result.code).toBe(0);
    expect(run.tools.calls()).toEqual([['helm', 'get', 'manifest', 'payments', '--namespace', 'payments-staging'], words]);
  });

  it('fails, running nothing, when helm get manifest fails', () => {
    const run = setUp(scratch.write('no-release.txt', 'Error: release: not found\n'), 1);
    const result = run.guard(['helm', 'uninstall', 'payments']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Error: release: not found');
    expect(result.stderr).toContain('`helm get manifest` failed (exit 1)');
    expect(run.tools.calls()).toHaveLength(1);
  });
});

describe('approvals', () => {
  it('runs a blocked delete once a person approved exactly its fingerprint, and names the approve command for it', () => {
    const run = setUp(NAMESPACE_DELETED);
    const words = ['kubectl', 'delete', 'namespace', 'payments-prod'];
    const blocked = JSON.parse(run.guard(words, {}, 'json').stdout);
    expect(blocked.approveCommand).toBe(`blast-radius approve ${blocked.fingerprint} -- kubectl delete namespace payments-prod`);
    const [hourAgo, tomorrow] = [new Date(Date.now() - 3_600_000).toISOString(), new Date(Date.now() + 86_400_000).toISOString()];
    writeApprovals(run.env.BLAST_RADIUS_APPROVALS as string, [approvalOf('0'.repeat(32), hourAgo, tomorrow)]);
    expect(run.guard(words).code).toBe(1);
    writeApprovals(run.env.BLAST_RADIUS_APPROVALS as string, [approvalOf(blocked.fingerprint, hourAgo, tomorrow)]);
    const approved = run.guard(words);
    expect(approved.stdout).toContain(`Approved: fingerprint ${blocked.fingerprint}`);
    expect(approved.code).toBe(0);
    expect(run.tools.calls().filter((call) => !call.includes('--dry-run=server'))).toEqual([words]);
    // An approval is for one run: the run that applied it used it up.
    expect(readApprovals(run.env.BLAST_RADIUS_APPROVALS as string)).toEqual([]);
    expect(run.guard(words).code).toBe(1);
    expect(run.tools.calls().filter((call) => !call.includes('--dry-run=server'))).toEqual([words]);
  });

  it('honours no record for more than a week after it was given, whatever expiry it was written with', () => {
    const run = setUp(NAMESPACE_DELETED);
    const words = ['kubectl', 'delete', 'namespace', 'payments-prod'];
    const blocked = JSON.parse(run.guard(words, {}, 'json').stdout);
    writeApprovals(run.env.BLAST_RADIUS_APPROVALS as string, [
      approvalOf(blocked.fingerprint, new Date(Date.now() - 8 * 86_400_000).toISOString(), '2099-01-01T00:00:00.000Z'),
    ]);
    const forged = run.guard(words);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toContain('expired');
  });

  const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).stdout.trim() !== '';
  (hasScript ? it : it.skip)(
    'approve <fingerprint> -- kubectl delete … runs the same dry run and records the approval guard honours (skipped without util-linux script)',
    () => {
      const run = setUp(NAMESPACE_DELETED);
      const words = ['kubectl', 'delete', 'namespace', 'payments-prod'];
      const { fingerprint } = JSON.parse(run.guard(words, {}, 'json').stdout);
      const env: NodeJS.ProcessEnv = { ...process.env, ...run.env, NO_COLOR: '1' };
      for (const { variable } of SESSION_MARKERS) delete env[variable];
      const command = [process.execPath, BIN, 'approve', fingerprint, '--reason', 'Retiring payments (OPS-7)', '--', ...words].map(shellQuote).join(' ');
      const approved = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: run.dir, env, input: 'production\n', encoding: 'utf8' });
      expect(approved.stdout).toContain(`Approved ${fingerprint}`);
      expect(approved.status).toBe(0);
      expect(run.guard(words).code).toBe(0);
      expect(run.tools.calls().filter((call) => !call.includes('--dry-run=server'))).toEqual([words]);
    },
  );
});

describe('usage', () => {
  it.each([
    [
      ['kubectl', 'get', 'pods'],
      /blast-radius guard runs `terraform\|tofu apply\|destroy`, `kubectl apply\|delete`, `helm upgrade\|uninstall`, `pulumi up\|destroy`, `aws cloudformation deploy\|execute-change-set` and `cdk deploy STACK`; `kubectl get` is not one of them\./,
    ],
    [['helm', 'rollback', 'payments', '3'], /`helm rollback` is not one of them/],
    [['terragrunt', 'apply'], /"terragrunt" is not one of them/],
    [['kubectl', 'apply', '-f', '-'], /cannot take them from standard input/],
    [['kubectl', 'apply', '-f', 'https://example.com/app.yaml'], /checks local manifests only/],
    [['kubectl', 'delete', 'ns', 'x', '--dry-run=server'], /already a dry run/],
    [['kubectl', 'apply', '-f', 'app.yaml', '--unknown-flag'], /does not know the kubectl apply option --unknown-flag/],
    [['helm', 'upgrade', 'payments', './chart', '--force'], /cannot check `helm upgrade` with --force/],
  ])('refuses %j with exit 2 and runs nothing', (words, message) => {
    const run = setUp(PRUNED);
    const result = run.guard(words);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(run.tools.calls()).toEqual([]);
  });
});
