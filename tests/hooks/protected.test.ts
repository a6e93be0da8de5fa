// The hook's protection of approvals and configuration, in process: file-editing tools of each agent, paths judged as
// the shell expands them, and kubectl/helm refusals naming the protected kube context they would reach.
import { AGENTS } from '../../src/agents/index.js';
import { decide } from '../../src/hooks/decide.js';
import { needsInspection } from '../../src/hooks/prefilter.js';
import { protectedFile, type HookContext } from '../../src/hooks/protected-files.js';
import { runHook } from '../../src/hooks/run-hook.js';
import { fakeHome, kubeconfig, type FakeHome } from '../credentials/fake-home.js';
import { scratchDirectory } from '../helpers/scratch.js';

const context = (env: NodeJS.ProcessEnv = {}): HookContext => ({ env, home: '/home/jane', cwd: '/home/jane/repo' });

describe('protected files', () => {
  it.each([
    ['.blast-radius.yml', 'a blast-radius configuration file'],
    ['/elsewhere/.blast-radius.json', 'a blast-radius configuration file'],
    ['~/.config/blast-radius/approvals.json', 'the approvals store'],
    ['$HOME/.config/blast-radius', 'the approvals store'],
    ['../.config/blast-radius/approvals.json', 'the approvals store'],
    ['/tmp/x/blast-radius/approvals.json', 'an approvals store'],
    ['~/.cache/blast-radius/compile-cache/main-0123456789abcdef-v8-11.3-x64.cache', 'the compile cache of blast-radius'],
    ['$HOME/.cache/blast-radius', 'the compile cache of blast-radius'],
    ['/tmp/x/blast-radius/compile-cache', 'the compile cache of blast-radius'],
    ['~/.local/share/blast-radius/shims/terraform', 'the guard shims of blast-radius'],
    ['$HOME/.local/share/blast-radius', 'the guard shims of blast-radius'],
    ['~/.local/share/blast-radius/shims.sh', 'the guard shims of blast-radius'],
    ['/tmp/x/blast-radius/shims', 'the guard shims of blast-radius'],
  ])('%s is %s', (path, what) => {
    expect(protectedFile(path, false, context())).toBe(what);
  });

  it('follows XDG_CONFIG_HOME and BLAST_RADIUS_APPROVALS as the hook sees them', () => {
    expect(protectedFile('/cfg/blast-radius/approvals.json', false, context({ XDG_CONFIG_HOME: '/cfg' }))).toBe('the approvals store');
    expect(protectedFile('/secure/ok.json', false, context({ BLAST_RADIUS_APPROVALS: '/secure/ok.json' }))).toBe('the approvals store');
  });

  it('follows XDG_CACHE_HOME and BLAST_RADIUS_COMPILE_CACHE as the hook sees them', () => {
    expect(protectedFile('/c/blast-radius/compile-cache/x.cache', false, context({ XDG_CACHE_HOME: '/c' }))).toBe('the compile cache of blast-radius');
    expect(protectedFile('/fast/x.cache', false, context({ BLAST_RADIUS_COMPILE_CACHE: '/fast' }))).toBe('the compile cache of blast-radius');
    expect(protectedFile('$BLAST_RADIUS_COMPILE_CACHE/x.cache', false, context({ BLAST_RADIUS_COMPILE_CACHE: '/fast' }))).toBe(
      'the compile cache of blast-radius',
    );
    expect(protectedFile('/home/jane/.cache/pip/x', false, context())).toBeUndefined();
    expect(protectedFile('/home/jane/repo/main.tf', false, context({ BLAST_RADIUS_COMPILE_CACHE: '/home/jane/repo/.br-cache' }))).toBeUndefined();
  });

  it('follows XDG_DATA_HOME for the shims as the hook sees it', () => {
    expect(protectedFile('$XDG_DATA_HOME/blast-radius/shims/kubectl', false, context({ XDG_DATA_HOME: '/data' }))).toBe('the guard shims of blast-radius');
    expect(protectedFile('/home/jane/.local/share/other/x', false, context())).toBeUndefined();
  });

  it.each([['main.tf'], ['~/.config/other/settings.json'], ['blast-radius-notes.md']])('%s is not protected', (path) => {
    expect(protectedFile(path, false, context())).toBeUndefined();
  });

  it('refuses a path only known at run time when its text names blast-radius', () => {
    expect(protectedFile('$DIR/blast-radius/approvals.json', false, context())).toBe('a blast-radius file (named at run time)');
    expect(protectedFile('$DIR/notes.txt', false, context())).toBeUndefined();
  });
});

describe('file-editing tools', () => {
  const payloads: [string, (file: string) => unknown][] = [
    ['claude-code', (file) => ({ hook_event_name: 'PreToolUse', cwd: '/home/jane/repo', tool_name: 'Write', tool_input: { file_path: file, content: 'x' } })],
    [
      'claude-code',
      (file) => ({
        hook_event_name: 'PreToolUse',
        cwd: '/home/jane/repo',
        tool_name: 'Edit',
        tool_input: { file_path: file, old_string: 'a', new_string: 'b' },
      }),
    ],
    ['claude-code', (file) => ({ hook_event_name: 'PreToolUse', cwd: '/home/jane/repo', tool_name: 'MultiEdit', tool_input: { file_path: file, edits: [] } })],
    ['gemini', (file) => ({ hook_event_name: 'BeforeTool', cwd: '/home/jane/repo', tool_name: 'write_file', tool_input: { file_path: file, content: 'x' } })],
    [
      'gemini',
      (file) => ({
        hook_event_name: 'BeforeTool',
        cwd: '/home/jane/repo',
        tool_name: 'replace',
        tool_input: { file_path: file, old_string: 'a', new_string: 'b' },
      }),
    ],
    [
      'codex',
      (file) => ({
        hook_event_name: 'PreToolUse',
        cwd: '/home/jane/repo',
        tool_name: 'apply_patch',
        tool_input: { command: `*** Begin Patch\n*** Update File: ${file}\n@@\n-a\n+b\n*** End Patch\n` },
      }),
    ],
  ];

  it.each(payloads)('%s: refuses an edit of the configuration, and says to ask the person', async (agent, payload) => {
    const answer = await runHook(AGENTS[agent as keyof typeof AGENTS], JSON.stringify(payload('.blast-radius.yml')), {}, '/home/jane');
    expect(answer.stdout).toContain('deny');
    expect(answer.stdout).toContain('only a person may change');
    expect(answer.stdout).toContain('blast-radius approve');
  });

  it.each(payloads)('%s: refuses an edit of the approvals store', async (agent, payload) => {
    const answer = await runHook(
      AGENTS[agent as keyof typeof AGENTS],
      JSON.stringify(payload('/home/jane/.config/blast-radius/approvals.json')),
      {},
      '/home/jane',
    );
    expect(answer.stdout).toContain('the approvals store');
  });

  it.each(payloads)('%s: lets other edits through silently', async (agent, payload) => {
    const answer = await runHook(AGENTS[agent as keyof typeof AGENTS], JSON.stringify(payload('main.tf')), {}, '/home/jane');
    expect(answer.stdout ?? '').not.toContain('deny');
    expect(answer.exitCode).toBe(0);
  });
});

describe('the kube context a refused kubectl or helm command reaches', () => {
  let home: FakeHome;
  beforeEach(() => {
    home = fakeHome({
      '.kube/config': kubeconfig({
        current: 'payments-prod',
        contexts: [
          ['payments-prod', 'eks-payments'],
          ['dev', 'kind-dev'],
        ],
        clusters: [['eks-payments', 'https://x.example']],
      }),
    });
  });
  afterEach(() => home.remove());

  const reason = async (command: string, env: NodeJS.ProcessEnv = {}): Promise<string> => {
    const decision = await decide(command, { env, home: home.home, cwd: home.home });
    expect(decision.verdict).toBe('deny');
    return decision.verdict === 'deny' ? decision.refusals.map((r) => r.why).join('\n') : '';
  };

  it('names a production current context when no --context is given', async () => {
    expect(await reason('kubectl delete deployment web')).toMatch(
      /^it would run against the current kube context "payments-prod", which is production \(the current kube context name "payments-prod" contains the word "prod"\); kubectl delete/,
    );
    expect(await reason('helm uninstall api')).toMatch(/^it would run against the current kube context "payments-prod", which is production/);
  });

  it('keeps the production reason and points to the guarded form, which checks the change in that context', async () => {
    const decision = await decide('kubectl delete deployment web', { env: {}, home: home.home, cwd: home.home });
    expect(decision.verdict === 'deny' && decision.refusals[0]).toMatchObject({
      why: expect.stringMatching(/^it would run against the current kube context "payments-prod", which is production/),
      instead: expect.stringContaining('`blast-radius guard -- kubectl delete deployment web`'),
    });
  });

  it('judges an explicit --context / --kube-context instead of the current one', async () => {
    expect(await reason('kubectl --context dev delete deployment web')).toMatch(/^kubectl delete/);
    expect(await reason('helm --kube-context=dev uninstall api')).toMatch(/^helm uninstall/);
    expect(await reason('kubectl --context=orders-prd delete deployment web')).toMatch(
      /^it would run against the kube context "orders-prd", which is production/,
    );
  });

  it('takes the last --context, as kubectl does, and not a value of another flag', async () => {
    expect(await reason('kubectl --context dev delete deployment web --context orders-prd')).toMatch(/^it would run against the kube context "orders-prd"/);
    expect(await reason('kubectl delete deployment web -l --context=orders-prd')).toMatch(/^it would run against the current kube context "payments-prod"/);
  });

  it('reads the kubeconfig named by --kubeconfig or KUBECONFIG', async () => {
    const other = home.write('other-config', kubeconfig({ current: 'dev', contexts: [['dev', 'kind-dev']] }));
    expect(await reason(`kubectl --kubeconfig ${other} delete deployment web`)).toMatch(/^kubectl delete/);
    expect(await reason('kubectl delete deployment web', { KUBECONFIG: other })).toMatch(/^kubectl delete/);
  });

  it('keeps the plain reason without a kubeconfig', async () => {
    home.remove();
    expect(await reason('kubectl delete deployment web')).toMatch(/^kubectl delete/);
  });
});

describe('patches', () => {
  const project = scratchDirectory();
  afterAll(() => project.remove());
  const at = { env: {}, home: '/home/jane', cwd: project.path };
  project.write(
    'waive.patch',
    'diff --git a/.blast-radius.yml b/.blast-radius.yml\n--- a/.blast-radius.yml\n+++ b/.blast-radius.yml\n@@ -1 +1,2 @@\n version: 1\n+exceptions: []\n',
  );
  project.write('feature.patch', '--- a/src/index.ts\n+++ b/src/index.ts\n@@ -1 +1 @@\n-a\n+b\n');

  it.each(['git apply waive.patch', 'git am waive.patch', 'patch -p1 -i waive.patch', 'patch -p1 < waive.patch'])(
    'refuses %s, which changes the configuration',
    async (command) => {
      expect((await decide(command, at)).verdict).toBe('deny');
    },
  );

  it.each(['git apply feature.patch', 'patch -p1 < feature.patch', 'git apply missing.patch'])('lets %s through', async (command) => {
    expect((await decide(command, at)).verdict).toBe('pass');
  });
});

it('sends patch applications on to the full decision, which reads the patch', () => {
  for (const command of ['git apply waive.patch', 'git -C repo am waive.patch', 'patch -p1 < waive.patch']) expect(needsInspection(command)).toBe(true);
  expect(needsInspection('git apply-lint')).toBe(false);
});
