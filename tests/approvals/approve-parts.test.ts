// The parts of `approve` that need no terminal: agent-session detection, expiry, the TTY requirement, and the
// confirmation read from injected streams.
import { PassThrough } from 'node:stream';
import { agentSession } from '../../src/agents/agent-session.js';
import { confirmApproval, confirmationWord, requireInteractiveTerminal, type Terminal } from '../../src/approvals/confirm.js';
import { parseExpiry } from '../../src/approvals/expiry.js';

describe('agent sessions', () => {
  it.each([
    [{ CLAUDECODE: '1' }, 'Claude Code'],
    [{ CLAUDE_CODE_ENTRYPOINT: 'cli' }, 'Claude Code'],
    [{ CURSOR_AGENT: '1' }, 'Cursor'],
    [{ CURSOR_EXTENSION_HOST_ROLE: 'agent-exec' }, 'Cursor'],
    [{ GEMINI_CLI: '1' }, 'Gemini CLI'],
    [{ CODEX_THREAD_ID: 'abc' }, 'Codex'],
    [{ CODEX_SANDBOX: 'seatbelt' }, 'Codex'],
    [{ CODEX_SANDBOX_NETWORK_DISABLED: '1' }, 'Codex'],
    // Two agents' markers: the first in the table's order names the session.
    [{ CODEX_THREAD_ID: 'abc', CURSOR_AGENT: '1' }, 'Cursor'],
    [{ GEMINI_CLI: '1', CLAUDECODE: '1' }, 'Claude Code'],
  ])('%j is an agent session of %s', (env, agent) => {
    expect(agentSession(env)?.agent).toBe(agent);
  });

  it.each([[{}], [{ CURSOR_TRACE_ID: 'x' }], [{ CURSOR_EXTENSION_HOST_ROLE: 'user' }], [{ CLAUDECODE: '' }]])('%j is not', (env) => {
    expect(agentSession(env)).toBeUndefined();
  });
});

describe('expiry', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  it.each([
    ['90m', '2026-05-01T13:30:00.000Z'],
    ['24h', '2026-05-02T12:00:00.000Z'],
    ['7d', '2026-05-08T12:00:00.000Z'],
    ['2026-05-03', '2026-05-03T23:59:59.000Z'],
    ['2026-05-03T08:00:00Z', '2026-05-03T08:00:00.000Z'],
  ])('%s ends at %s', (text, iso) => {
    expect(parseExpiry(text, now).toISOString()).toBe(iso);
  });

  it.each([
    ['8d', /more than 7 days ahead/],
    ['2026-04-30', /not in the future/],
    ['tomorrow', /give a duration/],
    ['2026-02-31T99:00:00Z', /not a real date/],
  ])('refuses %s', (text, message) => {
    expect(() => parseExpiry(text, now)).toThrow(message);
  });
});

function terminal(typed: string, tty = true): Terminal & { shown: () => string } {
  const input = Object.assign(new PassThrough(), { isTTY: tty });
  const output = Object.assign(new PassThrough(), { isTTY: tty });
  const errors = Object.assign(new PassThrough(), { isTTY: tty });
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  input.end(typed);
  return { input, output, errors, shown: () => shown };
}

describe('the terminal', () => {
  it('must be interactive on standard input, output and error', () => {
    expect(() => requireInteractiveTerminal(terminal('', false))).toThrow(/needs a person at an interactive terminal/);
    const partly = terminal('');
    partly.errors = Object.assign(new PassThrough(), { isTTY: false });
    expect(() => requireInteractiveTerminal(partly)).toThrow(/interactive terminal/);
    expect(() => requireInteractiveTerminal(terminal(''))).not.toThrow();
  });
});

describe('confirmation', () => {
  it('asks for the environment names, sorted, or a fingerprint prefix when none is known', () => {
    expect(confirmationWord(['production'], 'abcdef0123')).toBe('production');
    expect(confirmationWord(['production', 'pci'], 'abcdef0123')).toBe('pci production');
    expect(confirmationWord([], 'abcdef0123')).toBe('abcdef01');
  });

  it('returns the reason when the name is typed exactly', async () => {
    const t = terminal('Retiring the old database\nproduction\n');
    await expect(confirmApproval(t, 'production', undefined)).resolves.toBe('Retiring the old database');
    expect(t.shown()).toContain('type the name `production`');
  });

  it('uses --reason without asking for one', async () => {
    await expect(confirmApproval(terminal('production\n'), 'production', 'OPS-42')).resolves.toBe('OPS-42');
  });

  it.each([['prod\n'], ['Production\n'], ['\n'], ['']])('refuses %j typed instead of production', async (typed) => {
    await expect(confirmApproval(terminal(typed), 'production', 'OPS-42')).rejects.toThrow(/nothing was approved/);
  });

  it('refuses an empty reason', async () => {
    await expect(confirmApproval(terminal('\nproduction\n'), 'production', undefined)).rejects.toThrow(/needs a reason/);
  });
});
