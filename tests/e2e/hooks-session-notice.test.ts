// The once-per-session notice of the agent hooks, end to end: each agent's real-shaped session-start payload (or, for
// Cursor, its first shell command of a conversation) over fake home directories names the production evidence, says
// it once, never a secret value, and nothing at all when nothing reaches production.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SECRET_MARKERS, AWS_CONFIG, AWS_CREDENTIALS, expectNoSecret, fakeHome, kubeconfig, type FakeHome } from '../credentials/fake-home.js';
import { runCli } from '../helpers/run-cli.js';
import { neutralShell } from '../hooks/neutral-shell.js';

let fake: FakeHome;
beforeEach(() => {
  fake = fakeHome({
    '.aws/config': AWS_CONFIG,
    '.aws/credentials': AWS_CREDENTIALS,
    '.kube/config': kubeconfig({
      current: 'payments-prod',
      contexts: [
        ['payments-prod', 'payments-prod', 'payments'],
        ['kind-dev', 'kind-dev'],
      ],
      clusters: [
        ['payments-prod', 'https://ABC123.gr7.eu-west-1.eks.amazonaws.com'],
        ['kind-dev', 'https://127.0.0.1:6443'],
      ],
    }),
  });
  fake.write('tmp/.keep', '');
});
afterEach(() => fake.remove());

/** The incident's shell: a production profile, and secret keys in the environment that must never be printed. */
const productionShell = () => ({
  ...neutralShell(fake.home, fake.path('tmp')),
  AWS_PROFILE: 'prod-admin',
  AWS_ACCESS_KEY_ID: SECRET_MARKERS[3],
  AWS_SECRET_ACCESS_KEY: SECRET_MARKERS[1],
  AWS_SESSION_TOKEN: SECRET_MARKERS[2],
});

/** A shell that points at development only: the hooks say nothing. */
const developmentShell = () => ({
  ...neutralShell(fake.home, fake.path('tmp')),
  AWS_PROFILE: 'product-dev',
  KUBECONFIG: fake.write(
    'dev-kubeconfig',
    kubeconfig({ current: 'kind-dev', contexts: [['kind-dev', 'kind-dev']], clusters: [['kind-dev', 'https://127.0.0.1:6443']] }),
  ),
});

const hook = (agent: string, payload: unknown, env: NodeJS.ProcessEnv) => runCli(['hook', agent], { input: JSON.stringify(payload), env });

/** Session-start payloads as each agent documents them (docs/agents.md). */
const SESSION_START = {
  'claude-code': {
    session_id: 'sess-1',
    transcript_path: '/home/u/.claude/projects/p/sess-1.jsonl',
    cwd: '/home/u/proj',
    hook_event_name: 'SessionStart',
    source: 'startup',
    model: 'claude-sonnet-4-5',
  },
  codex: {
    session_id: 'sess-1',
    transcript_path: null,
    cwd: '/proj',
    hook_event_name: 'SessionStart',
    model: 'gpt-5-codex',
    permission_mode: 'default',
    source: 'startup',
  },
  gemini: { session_id: 'sess-1', transcript_path: '/t', cwd: '/proj', hook_event_name: 'SessionStart', timestamp: '2026-11-25T09:00:00Z', source: 'startup' },
};

/** The next shell command of the same session, in each agent's pre-tool payload. */
const NEXT_COMMAND = {
  'claude-code': {
    session_id: 'sess-1',
    cwd: '/home/u/proj',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command: 'git status' },
    tool_use_id: 't1',
  },
  codex: {
    session_id: 'sess-1',
    turn_id: 't1',
    cwd: '/proj',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command: ['bash', '-lc', 'git status'] },
    tool_use_id: 'u1',
  },
  gemini: { session_id: 'sess-1', cwd: '/proj', hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command: 'git status' } },
};

const cursorCommand = (conversation: string, command: string) => ({
  conversation_id: conversation,
  generation_id: 'g1',
  model: 'm',
  hook_event_name: 'beforeShellExecution',
  cursor_version: '2.1.0',
  workspace_roots: ['/proj'],
  command,
  cwd: '/proj',
  sandbox: false,
});

/** The evidence the notice must name: the variable and profile, the account it reaches, the kube context and cluster. */
function expectEvidence(text: string): void {
  expect(text).toContain('this shell holds credentials or settings that reach production');
  expect(text).toContain('AWS_PROFILE=prod-admin');
  expect(text).toContain('account 123456789012');
  expect(text).toContain('role AdministratorAccess');
  expect(text).toContain('production, because the profile name "prod-admin" contains the word "prod"');
  expect(text).toContain(`context payments-prod (${fake.path('.kube/config')} current-context)`);
  expect(text).toContain('cluster payments-prod');
  expect(text).toContain('AWS_ACCESS_KEY_ID is set');
  expect(text).toContain('`blast-radius guard -- <command>`');
}

describe.each(Object.keys(SESSION_START) as (keyof typeof SESSION_START)[])('%s SessionStart', (agent) => {
  it('adds the evidence to the model context and a line for the person, then says nothing on the session’s commands', () => {
    const start = hook(agent, SESSION_START[agent], productionShell());
    expect(start.code).toBe(0);
    const answer = JSON.parse(start.stdout);
    expect(answer.hookSpecificOutput.hookEventName).toBe('SessionStart');
    expectEvidence(answer.hookSpecificOutput.additionalContext);
    expect(answer.systemMessage).toBe(
      'blast-radius: this shell can reach production (AWS profile prod-admin, AWS static keys, Kubernetes context payments-prod, Kubernetes cluster payments-prod); destructive infrastructure commands will be refused.',
    );
    expectNoSecret(start.stdout + start.stderr);

    const next = hook(agent, NEXT_COMMAND[agent], productionShell());
    expect(next).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('says nothing at all when nothing reaches production', () => {
    expect(hook(agent, SESSION_START[agent], developmentShell())).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('Cursor (no session-start event installed): the first shell command of a conversation', () => {
  const ALLOW = { continue: true, permission: 'allow' };

  it('carries the notice on an allowed first command, once per conversation, and leaves one marker named by its id', () => {
    const first = hook('cursor', cursorCommand('conv-1', 'npm test'), productionShell());
    expect(first.code).toBe(0);
    const answer = JSON.parse(first.stdout);
    expect(answer).toMatchObject(ALLOW);
    expectEvidence(answer.agent_message);
    expect(answer.agentMessage).toBe(answer.agent_message);
    expect(answer.user_message).toContain('blast-radius: this shell can reach production (AWS profile prod-admin');
    expectNoSecret(first.stdout + first.stderr);

    expect(JSON.parse(hook('cursor', cursorCommand('conv-1', 'npm test'), productionShell()).stdout)).toEqual(ALLOW);
    expect(JSON.parse(hook('cursor', cursorCommand('conv-2', 'ls'), productionShell()).stdout).agent_message).toContain('AWS_PROFILE=prod-admin');

    const markers = readdirSync(fake.path('tmp')).filter((name) => name.startsWith('blast-radius-session-'));
    // Named by the plain id, which the installed command's shell pre-filter looks for (tests/e2e/hook-prefilter.test.ts).
    expect(markers.sort()).toEqual(['blast-radius-session-cursor-conv-1', 'blast-radius-session-cursor-conv-2']);
  });

  it('adds the notice to the refusal when the first command is refused, and nothing to later refusals', () => {
    const first = JSON.parse(hook('cursor', cursorCommand('conv-3', 'terraform destroy -auto-approve'), productionShell()).stdout);
    expect(first.permission).toBe('deny');
    expect(first.agent_message).toContain('blast-radius refused this command');
    expectEvidence(first.agent_message);
    const second = JSON.parse(hook('cursor', cursorCommand('conv-3', 'terraform destroy -auto-approve'), productionShell()).stdout);
    expect(second.permission).toBe('deny');
    expect(second.agent_message).not.toContain('AWS_PROFILE=prod-admin');
  });

  it('says nothing when nothing reaches production, and still remembers the conversation', () => {
    expect(JSON.parse(hook('cursor', cursorCommand('conv-4', 'npm test'), developmentShell()).stdout)).toEqual(ALLOW);
    expect(JSON.parse(hook('cursor', cursorCommand('conv-4', 'npm test'), productionShell()).stdout)).toEqual(ALLOW);
  });

  it('says nothing without a conversation id, rather than on every command', () => {
    const payload = { ...cursorCommand('x', 'npm test'), conversation_id: undefined };
    expect(JSON.parse(hook('cursor', payload, productionShell()).stdout)).toEqual(ALLOW);
    expect(readdirSync(join(fake.home, 'tmp')).filter((name) => name.startsWith('blast-radius-session-'))).toEqual([]);
  });
});
