// Claude Code PreToolUse hook for the Bash tool: deny through hookSpecificOutput.permissionDecision; anything else
// gets no output at all, so that Claude Code's own permission prompts still apply (docs/agents.md).
import { field, type AgentAdapter } from './agent.js';

/** Cursor runs Claude Code hooks too, and names its shell tool `Shell`. */
const SHELL_TOOLS = new Set(['Bash', 'Shell']);

const adapter: AgentAdapter = {
  read(payload) {
    const tool = field(payload, 'tool_name');
    const command = field(payload, 'tool_input', 'command');
    return typeof tool === 'string' && SHELL_TOOLS.has(tool) && typeof command === 'string' ? { command } : {};
  },
  deny(reason) {
    const answer = { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: reason } };
    return { stdout: `${JSON.stringify(answer)}\n`, exitCode: 0 };
  },
};

export default adapter;
