// The command corpus, decided in process and answered by every agent adapter: each row's decision (deny, cannot
// tell, pass) and the answer each agent's protocol gives for it (Claude Code asks where blast-radius cannot tell;
// Codex, Cursor and Gemini CLI deny).
import { AGENTS } from '../../src/agents/index.js';
import { decide } from '../../src/hooks/decide.js';
import { needsInspection } from '../../src/hooks/prefilter.js';
import { runHook } from '../../src/hooks/run-hook.js';
import { CORPUS, type Expected } from './command-corpus.js';

const HOME = '/home/agent';
const CONTEXT = { env: {}, home: HOME, cwd: '/proj' };

/** Payloads as each agent sends them (tests/e2e/hooks.test.ts), without a session id: no once-per-session notice. */
const PAYLOADS: Record<keyof typeof AGENTS, (command: string) => unknown> = {
  'claude-code': (command) => ({ hook_event_name: 'PreToolUse', cwd: '/proj', tool_name: 'Bash', tool_input: { command } }),
  codex: (command) => ({ hook_event_name: 'PreToolUse', cwd: '/proj', tool_name: 'Bash', tool_input: { command: ['bash', '-lc', command] } }),
  cursor: (command) => ({ hook_event_name: 'beforeShellExecution', command, cwd: '/proj' }),
  gemini: (command) => ({ hook_event_name: 'BeforeTool', cwd: '/proj', tool_name: 'run_shell_command', tool_input: { command } }),
};

// Hook answers are untyped JSON; each reader returns the answer's decision in the agent's own words.
/* eslint-disable @typescript-eslint/no-explicit-any */
const DECISION: Record<keyof typeof AGENTS, (answer: any) => string | undefined> = {
  'claude-code': (o) => o?.hookSpecificOutput?.permissionDecision,
  codex: (o) => o?.hookSpecificOutput?.permissionDecision,
  cursor: (o) => o?.permission,
  gemini: (o) => o?.decision,
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** What each agent must answer: Claude Code asks for "cannot tell"; the others deny; a pass is silent (Cursor: allow). */
const ANSWERS: Record<keyof typeof AGENTS, Record<Expected, string | undefined>> = {
  'claude-code': { deny: 'deny', 'cannot-tell': 'ask', pass: undefined },
  codex: { deny: 'deny', 'cannot-tell': 'deny', pass: undefined },
  cursor: { deny: 'deny', 'cannot-tell': 'deny', pass: 'allow' },
  gemini: { deny: 'deny', 'cannot-tell': 'deny', pass: undefined },
};

const count = (expected: Expected) => CORPUS.filter((row) => row.expected === expected).length;

it('holds at least 300 refused commands and 100 passed ones, none listed twice', () => {
  expect(count('deny') + count('cannot-tell')).toBeGreaterThanOrEqual(300);
  expect(count('pass')).toBeGreaterThanOrEqual(100);
  expect(new Set(CORPUS.map((row) => row.command)).size).toBe(CORPUS.length);
});

describe.each(['deny', 'cannot-tell', 'pass'] as const)('%s', (expected) => {
  it.each(CORPUS.filter((row) => row.expected === expected).map((row) => row.command))('%s', async (command) => {
    // The pre-filter may send a passing command on, but never lets a refused one skip the parse.
    if (expected !== 'pass') expect(needsInspection(command)).toBe(true);
    expect((await decide(command, CONTEXT)).verdict).toBe(expected);
    for (const agent of Object.keys(AGENTS) as (keyof typeof AGENTS)[]) {
      const answer = await runHook(AGENTS[agent], JSON.stringify(PAYLOADS[agent](command)), {}, HOME);
      expect(answer.exitCode).toBe(0);
      const parsed = answer.stdout ? JSON.parse(answer.stdout) : undefined;
      expect([agent, DECISION[agent](parsed)]).toEqual([agent, ANSWERS[agent][expected]]);
      if (expected === 'pass' && agent !== 'cursor') expect(answer.stdout ?? '').toBe('');
    }
  });
});
