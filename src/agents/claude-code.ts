// Claude Code: its PreToolUse hook for the Bash tool and the file-editing tools (Edit, Write, MultiEdit, NotebookEdit)
// denies (or, where blast-radius cannot tell what a command runs, asks the person) through
// hookSpecificOutput.permissionDecision; anything else gets no output at all, so that Claude Code's own permission
// prompts still apply. Its SessionStart event carries the production-credentials notice and puts the guard shims on
// PATH through CLAUDE_ENV_FILE (docs/agents.md).
import { matcherGroupTarget, settingsPath } from '../hooks/install/install-target.js';
import { field, passSilently, sessionStartContext, type Agent } from './agent.js';

/** Cursor runs Claude Code hooks too, and names its shell tool `Shell`. */
const SHELL_TOOLS = ['Bash', 'Shell'];
/** File-editing tools, and the input field naming the file each writes. */
const EDIT_TOOLS: Record<string, string> = { Edit: 'file_path', Write: 'file_path', MultiEdit: 'file_path', NotebookEdit: 'notebook_path' };

function decision(permissionDecision: 'deny' | 'ask', reason: string) {
  const answer = { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision, permissionDecisionReason: reason } };
  return { stdout: `${JSON.stringify(answer)}\n`, exitCode: 0 };
}

const claudeCode: Agent = {
  displayName: 'Claude Code',
  docsAnchor: 'claude-code',
  read(payload) {
    const tool = field(payload, 'tool_name');
    const cwd = field(payload, 'cwd');
    const where = typeof cwd === 'string' ? { cwd } : {};
    if (field(payload, 'hook_event_name') === 'SessionStart') return { sessionStart: true, ...where };
    if (typeof tool === 'string' && Object.hasOwn(EDIT_TOOLS, tool)) {
      const file = field(payload, 'tool_input', EDIT_TOOLS[tool]);
      return typeof file === 'string' ? { files: [file], ...where } : {};
    }
    const command = field(payload, 'tool_input', 'command');
    return typeof tool === 'string' && SHELL_TOOLS.includes(tool) && typeof command === 'string' ? { command, ...where } : {};
  },
  deny: (reason) => decision('deny', reason),
  // The reason of an ask is shown to the person in the permission prompt (not to the model).
  ask: (reason) => decision('ask', reason),
  pass: passSilently,
  notice: { on: 'session-start', answer: sessionStartContext },
  // Claude Code gives SessionStart hooks this file and sources it before every Bash command (docs/agents.md).
  environmentFile: (env) => env.CLAUDE_ENV_FILE || undefined,
  install: matcherGroupTarget({
    path: settingsPath('.claude', 'settings.json'),
    events: [
      // The shell, and the file-editing tools (which may not write the approvals store or the configuration).
      { event: 'PreToolUse', matcher: 'Bash|Edit|Write|MultiEdit|NotebookEdit', handler: { type: 'command', timeout: 30 } },
      // No matcher: startup, resume, clear and compact each start a context that needs the notice.
      { event: 'SessionStart', handler: { type: 'command', timeout: 30 } },
    ],
    shims: 'Its SessionStart entry also puts the guard shims first on PATH for every Bash command (through CLAUDE_ENV_FILE).',
  }),
  payload: { shellTools: SHELL_TOOLS, sessionField: undefined, argvPrefix: undefined },
  // CLAUDECODE=1 since 0.2.47, and CLAUDE_CODE_ENTRYPOINT.
  sessionMarkers: [{ variable: 'CLAUDECODE' }, { variable: 'CLAUDE_CODE_ENTRYPOINT' }],
};

export default claudeCode;
