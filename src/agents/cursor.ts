// Cursor beforeShellExecution hook (docs/agents.md). A refusal is `permission: "deny"` with the messages under both
// the snake_case names current Cursor reads and the camelCase names of 1.7-era versions: whichever a version reads,
// or if it rejects the extra keys, the command is blocked. "ask" is never used: it is not honoured in every mode (in
// Auto-review the command runs without a prompt), so a command blast-radius cannot tell about is denied too.
// Cursor's sessionStart event is not installed (some versions reject the hooks file over it), so the first shell
// command of each conversation carries the production-credentials notice.
import { field, type AgentAdapter } from './agent.js';

/** Cursor's documented answer for a command the hook lets through; it does not skip Cursor's own allow-list. */
const ALLOW = { continue: true, permission: 'allow' };

function answer(body: Record<string, unknown>) {
  return { stdout: `${JSON.stringify(body)}\n`, exitCode: 0 };
}

function messages(user: string, agent: string) {
  return { user_message: user, agent_message: agent, userMessage: user, agentMessage: agent };
}

const adapter: AgentAdapter = {
  read(payload) {
    const command = field(payload, 'command');
    const cwd = field(payload, 'cwd');
    const session = field(payload, 'conversation_id');
    if (typeof command !== 'string') return {};
    return { command, ...(typeof cwd === 'string' ? { cwd } : {}), ...(typeof session === 'string' && session !== '' ? { session } : {}) };
  },
  deny(reason) {
    const user = 'blast-radius blocked a command that could destroy production infrastructure.';
    return answer({ continue: true, permission: 'deny', ...messages(user, reason) });
  },
  pass: () => answer(ALLOW),
  notice: { on: 'first-call', agent: 'cursor', pass: (notice) => answer({ ...ALLOW, ...messages(notice.forPerson, notice.forModel) }) },
};

export default adapter;
