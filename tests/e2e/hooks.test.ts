// The agent hooks end to end: the built CLI reads each agent's real-shaped payload on stdin and answers in its protocol.
import { AGENTS } from '../../src/agents/index.js';
import { runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';
import { neutralShell } from '../hooks/neutral-shell.js';
import { claudeCodePayload } from '../helpers/agent-payloads.js';

// A shell that reaches nothing, so that the once-per-session credentials notice (tests/e2e/hooks-session-notice.test.ts)
// stays out of these answers whatever the test runner's own shell holds; first-call markers go to the scratch directory.
const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const DESTRUCTIVE = 'cd infra && terraform destroy -auto-approve';
const UNRELATED = 'npm test';

/** Payloads as each agent documents them (docs/agents.md), with the command swapped in. */
const PAYLOADS = {
  'claude-code': claudeCodePayload,
  cursor: (command: string) => ({
    conversation_id: 'c1',
    generation_id: 'g1',
    model: 'm',
    hook_event_name: 'beforeShellExecution',
    cursor_version: '2.1.0',
    workspace_roots: ['/proj'],
    user_email: null,
    transcript_path: null,
    command,
    cwd: '/proj',
    sandbox: false,
  }),
  gemini: (command: string) => ({
    session_id: 's1',
    transcript_path: '/t',
    cwd: '/proj',
    hook_event_name: 'BeforeTool',
    timestamp: '2026-11-25T09:00:00Z',
    tool_name: 'run_shell_command',
    tool_input: { command, description: 'Run it', dir_path: '.', is_background: false },
  }),
  codex: (command: string) => ({
    session_id: 's1',
    turn_id: 't1',
    transcript_path: null,
    cwd: '/proj',
    hook_event_name: 'PreToolUse',
    model: 'gpt',
    permission_mode: 'default',
    tool_name: 'Bash',
    tool_input: { command: ['bash', '-lc', command] },
    tool_use_id: 'u1',
  }),
};

const hook = (agent: string, payload: unknown) =>
  runCli(['hook', agent], { input: typeof payload === 'string' ? payload : JSON.stringify(payload), env: neutralShell(scratch.path, scratch.path) });

// Hook answers are untyped JSON; each reader checks the fields its agent documents.
/* eslint-disable @typescript-eslint/no-explicit-any */
/** The reason the model reads, from each agent's refusal. */
const REASON = {
  'claude-code': (o: any) =>
    o.hookSpecificOutput.hookEventName === 'PreToolUse' && o.hookSpecificOutput.permissionDecision === 'deny'
      ? o.hookSpecificOutput.permissionDecisionReason
      : undefined,
  codex: (o: any) => (o.hookSpecificOutput.permissionDecision === 'deny' ? o.hookSpecificOutput.permissionDecisionReason : undefined),
  cursor: (o: any) => (o.permission === 'deny' && o.agent_message === o.agentMessage && o.user_message === o.userMessage ? o.agent_message : undefined),
  gemini: (o: any) => (o.decision === 'deny' && typeof o.systemMessage === 'string' ? o.reason : undefined),
} as const;
/* eslint-enable @typescript-eslint/no-explicit-any */

it('has a payload and a test for every adapter', () => {
  expect(Object.keys(PAYLOADS).sort()).toEqual(Object.keys(AGENTS).sort());
});

describe.each(Object.keys(PAYLOADS) as (keyof typeof PAYLOADS)[])('%s', (agent) => {
  it('refuses a destructive command, telling the model the safe command', () => {
    const result = hook(agent, PAYLOADS[agent](DESTRUCTIVE));
    expect(result.code).toBe(0);
    const reason = REASON[agent](JSON.parse(result.stdout));
    expect(reason).toContain('terraform destroy');
    expect(reason).toContain('`blast-radius guard -- terraform destroy -auto-approve`');
    expect(reason).toMatch(/ask the user/);
  });

  it('lets an unrelated command through', () => {
    const result = hook(agent, PAYLOADS[agent](UNRELATED));
    expect(result.code).toBe(0);
    if (agent === 'cursor') expect(JSON.parse(result.stdout)).toEqual({ continue: true, permission: 'allow' });
    else expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
  });

  it('lets a read-only infrastructure command through', () => {
    const result = hook(agent, PAYLOADS[agent]('terraform plan -out=tfplan && terraform show -json tfplan | blast-radius check -'));
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('deny');
  });
});

describe('claude-code specifics', () => {
  it('gives no output at all for a command it has nothing against (no explicit allow)', () => {
    const result = hook('claude-code', PAYLOADS['claude-code']('kubectl get pods'));
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('lets a file edit through silently, whatever its content says', () => {
    const result = hook('claude-code', { hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: 'x', content: 'terraform destroy' } });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('refuses an edit of the blast-radius configuration, telling the model to ask the person', () => {
    const result = hook('claude-code', {
      hook_event_name: 'PreToolUse',
      cwd: '/proj',
      tool_name: 'Edit',
      tool_input: { file_path: '/proj/.blast-radius.yml', old_string: 'block', new_string: 'warn' },
    });
    const { permissionDecision, permissionDecisionReason } = JSON.parse(result.stdout).hookSpecificOutput;
    expect(permissionDecision).toBe('deny');
    expect(permissionDecisionReason).toContain('a blast-radius configuration file (/proj/.blast-radius.yml), which only a person may change');
  });

  it('refuses running blast-radius approve, through any wrapper', () => {
    const result = hook('claude-code', PAYLOADS['claude-code']("script -qc 'npx blast-radius approve 0123 plan.json' /dev/null"));
    expect(JSON.parse(result.stdout).hookSpecificOutput.permissionDecisionReason).toContain('only a person may make');
  });

  it('reads the Shell tool Cursor sends when it runs Claude Code hooks', () => {
    const result = hook('claude-code', { hook_event_name: 'preToolUse', tool_name: 'Shell', tool_input: { command: 'helm uninstall api' } });
    expect(JSON.parse(result.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
  });
});

describe('commands blast-radius cannot tell about', () => {
  const HIDDEN = 'echo dGVycmFmb3JtIGRlc3Ryb3k= | base64 -d | sh';

  it('asks the person in Claude Code, with the reason in the prompt', () => {
    const { permissionDecision, permissionDecisionReason } = JSON.parse(hook('claude-code', PAYLOADS['claude-code'](HIDDEN)).stdout).hookSpecificOutput;
    expect(permissionDecision).toBe('ask');
    expect(permissionDecisionReason).toMatch(/^blast-radius cannot tell whether this command destroys production infrastructure/);
    expect(permissionDecisionReason).toContain('it decodes to `terraform destroy`');
  });

  it.each(['codex', 'cursor', 'gemini'] as const)('refuses in %s, whose protocol cannot ask in every mode', (agent) => {
    const reason = REASON[agent](JSON.parse(hook(agent, PAYLOADS[agent](HIDDEN)).stdout));
    expect(reason).toMatch(/^blast-radius cannot tell/);
  });
});

describe('unreadable payloads', () => {
  it('refuses text that is not JSON when it mentions a destructive infrastructure command', () => {
    const result = hook('claude-code', 'tool_input: terraform destroy -auto-approve');
    expect(JSON.parse(result.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
  });

  it('passes other text that is not JSON', () => {
    expect(hook('gemini', 'hello')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('reads a payload with a UTF-8 byte-order mark', () => {
    const result = hook('cursor', `\uFEFF${JSON.stringify(PAYLOADS.cursor('kubectl delete ns prod'))}`);
    expect(JSON.parse(result.stdout).permission).toBe('deny');
  });
});

it('says which agents exist when the name is unknown', () => {
  const result = runCli(['hook', 'vim']);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/Name the agent: one of claude-code, codex, cursor, gemini/);
});
