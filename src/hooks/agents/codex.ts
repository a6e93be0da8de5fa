// OpenAI Codex CLI PreToolUse hook: the Claude Code answer shape, for any tool whose input carries a shell command
// (a string, or an argv list such as ["bash", "-lc", "…"]); anything else gets no output (docs/agents.md).
import { shellQuote } from '../invocations/invocation.js';
import { field, type AgentAdapter } from './agent.js';
import claudeCode from './claude-code.js';

const adapter: AgentAdapter = {
  read(payload) {
    const command = field(payload, 'tool_input', 'command');
    if (typeof command === 'string') return { command };
    if (Array.isArray(command) && command.every((w) => typeof w === 'string')) return { command: command.map(shellQuote).join(' ') };
    return {};
  },
  deny: claudeCode.deny,
};

export default adapter;
