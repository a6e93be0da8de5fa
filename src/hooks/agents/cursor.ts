// Cursor beforeShellExecution hook (docs/agents.md). A refusal is `permission: "deny"` with the messages under both
// the snake_case names current Cursor reads and the camelCase names of 1.7-era versions: whichever a version reads,
// or if it rejects the extra keys, the command is blocked. "ask" is never used: it is not honoured in every mode.
import { field, type AgentAdapter } from './agent.js';

const adapter: AgentAdapter = {
  read(payload) {
    const command = field(payload, 'command');
    const cwd = field(payload, 'cwd');
    return typeof command === 'string' ? { command, ...(typeof cwd === 'string' ? { cwd } : {}) } : {};
  },
  deny(reason) {
    const user = 'blast-radius blocked a command that could destroy production infrastructure.';
    const answer = { continue: true, permission: 'deny', user_message: user, agent_message: reason, userMessage: user, agentMessage: reason };
    return { stdout: `${JSON.stringify(answer)}\n`, exitCode: 0 };
  },
  pass() {
    // Cursor's documented answer for a command the hook lets through; it does not skip Cursor's own allow-list.
    return { stdout: `${JSON.stringify({ continue: true, permission: 'allow' })}\n`, exitCode: 0 };
  },
};

export default adapter;
