// Gemini CLI BeforeTool hook for run_shell_command and the file-writing tools (write_file, replace): answer `decision: "deny"` with the reason the model reads and a
// message for the user; anything else gets no output. Its SessionStart event carries the production-credentials notice
// (docs/agents.md). No ask: `decision: "ask"` is undocumented, and Gemini CLI versions before it run the command.
import { field, sessionStartContext, type AgentAdapter } from './agent.js';

/** Gemini CLI's file-writing tools, both naming the file in `tool_input.file_path`. */
const EDIT_TOOLS = new Set(['write_file', 'replace']);

const adapter: AgentAdapter = {
  read(payload) {
    const tool = field(payload, 'tool_name');
    const cwd = field(payload, 'cwd');
    const where = typeof cwd === 'string' ? { cwd } : {};
    if (field(payload, 'hook_event_name') === 'SessionStart') return { sessionStart: true, ...where };
    if (typeof tool === 'string' && EDIT_TOOLS.has(tool)) {
      const file = field(payload, 'tool_input', 'file_path');
      return typeof file === 'string' ? { files: [file], ...where } : {};
    }
    const command = field(payload, 'tool_input', 'command');
    return tool === 'run_shell_command' && typeof command === 'string' ? { command, ...where } : {};
  },
  deny(reason) {
    const answer = { decision: 'deny', reason, systemMessage: 'blast-radius blocked a command that could destroy production infrastructure.' };
    return { stdout: `${JSON.stringify(answer)}\n`, exitCode: 0 };
  },
  notice: { on: 'session-start', answer: sessionStartContext },
};

export default adapter;
