// Gemini CLI: its BeforeTool hook for run_shell_command and the file-writing tools (write_file, replace) answers
// `decision: "deny"` with the reason the model reads and a message for the user; anything else gets no output. Its
// SessionStart event carries the production-credentials notice (docs/agents.md). No ask: `decision: "ask"` is
// undocumented, and Gemini CLI versions before it run the command.
import { matcherGroupTarget, settingsPath } from '../hooks/install/install-target.js';
import { field, passSilently, sessionStartContext, type Agent } from './agent.js';

/** Gemini CLI's shell tool. */
const SHELL_TOOL = 'run_shell_command';
/** Gemini CLI's file-writing tools, both naming the file in `tool_input.file_path`. */
const EDIT_TOOLS = new Set(['write_file', 'replace']);

const gemini: Agent = {
  displayName: 'Gemini CLI',
  docsAnchor: 'gemini-cli',
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
    return tool === SHELL_TOOL && typeof command === 'string' ? { command, ...where } : {};
  },
  deny(reason) {
    const answer = { decision: 'deny', reason, systemMessage: 'blast-radius blocked a command that could destroy production infrastructure.' };
    return { stdout: `${JSON.stringify(answer)}\n`, exitCode: 0 };
  },
  ask: undefined,
  pass: passSilently,
  notice: { on: 'session-start', answer: sessionStartContext },
  // Gemini CLI runs commands with bash -c and sources no file of its own: the shims come first through BASH_ENV.
  environmentFile: undefined,
  install: matcherGroupTarget({
    path: settingsPath('.gemini', 'settings.json'),
    events: [
      // Gemini CLI counts hook time-outs in milliseconds.
      { event: 'BeforeTool', matcher: 'run_shell_command|write_file|replace', handler: { name: 'blast-radius', type: 'command', timeout: 30000 } },
      { event: 'SessionStart', handler: { name: 'blast-radius', type: 'command', timeout: 30000 } },
    ],
    shims:
      'Gemini CLI runs commands with bash -c, which reads no profile but BASH_ENV: run `blast-radius shims env` once, then start Gemini CLI with BASH_ENV set to the shims.sh file beside the shim directory (for example `export BASH_ENV="$HOME/.local/share/blast-radius/shims.sh"` in your profile).',
  }),
  payload: { shellTools: [SHELL_TOOL], sessionField: undefined, argvPrefix: undefined },
  // GEMINI_CLI=1.
  sessionMarkers: [{ variable: 'GEMINI_CLI' }],
};

export default gemini;
