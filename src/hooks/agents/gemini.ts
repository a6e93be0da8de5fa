// Gemini CLI BeforeTool hook for run_shell_command: answer `decision: "deny"` with the reason the model reads and a
// message for the user; anything else gets no output (docs/agents.md).
import { field, type AgentAdapter } from './agent.js';

const adapter: AgentAdapter = {
  read(payload) {
    const tool = field(payload, 'tool_name');
    const command = field(payload, 'tool_input', 'command');
    return tool === 'run_shell_command' && typeof command === 'string' ? { command } : {};
  },
  deny(reason) {
    const answer = { decision: 'deny', reason, systemMessage: 'blast-radius blocked a command that could destroy production infrastructure.' };
    return { stdout: `${JSON.stringify(answer)}\n`, exitCode: 0 };
  },
};

export default adapter;
