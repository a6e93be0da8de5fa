// Cursor: its beforeShellExecution hook (docs/agents.md). A refusal is `permission: "deny"` with the messages under
// both the snake_case names current Cursor reads and the camelCase names of 1.7-era versions: whichever a version
// reads, or if it rejects the extra keys, the command is blocked. "ask" is never used: it is not honoured in every mode
// (in Auto-review the command runs without a prompt), so a command blast-radius cannot tell about is denied too.
// Cursor's sessionStart event is not installed (some versions reject the hooks file over it), so the first shell
// command of each conversation carries the production-credentials notice.
import { isOurs, settingsPath, updateCommand } from '../hooks/install/install-target.js';
import { listAt, objectAt, type Json } from '../hooks/install/settings-file.js';
import { field, type Agent } from './agent.js';

/** Cursor's documented answer for a command the hook lets through; it does not skip Cursor's own allow-list. */
const ALLOW = { continue: true, permission: 'allow' };

/** The payload field naming the conversation, whose first shell command carries the notice. */
const SESSION_FIELD = 'conversation_id';

function answer(body: Record<string, unknown>) {
  return { stdout: `${JSON.stringify(body)}\n`, exitCode: 0 };
}

function messages(user: string, agent: string) {
  return { user_message: user, agent_message: agent, userMessage: user, agentMessage: agent };
}

const cursor: Agent = {
  displayName: 'Cursor',
  docsAnchor: 'cursor',
  read(payload) {
    const command = field(payload, 'command');
    const cwd = field(payload, 'cwd');
    const session = field(payload, SESSION_FIELD);
    if (typeof command !== 'string') return {};
    return { command, ...(typeof cwd === 'string' ? { cwd } : {}), ...(typeof session === 'string' && session !== '' ? { session } : {}) };
  },
  deny(reason) {
    const user = 'blast-radius blocked a command that could destroy production infrastructure.';
    return answer({ continue: true, permission: 'deny', ...messages(user, reason) });
  },
  ask: undefined,
  pass: () => answer(ALLOW),
  notice: { on: 'first-call', agent: 'cursor', pass: (notice) => answer({ ...ALLOW, ...messages(notice.forPerson, notice.forModel) }) },
  // Cursor has no setting for its agent's environment: the shims come first through the shell's profile.
  environmentFile: undefined,
  // { version: 1, hooks: { beforeShellExecution: [{ command, … }] } }.
  install: {
    shims:
      'Cursor has no setting for its agent\'s environment, and its agent\'s commands read ~/.zshenv (zsh) or ~/.bashrc (bash): add `eval "$(blast-radius shims env)"` there to put the guard shims first on PATH.',
    path: settingsPath('.cursor', 'hooks.json'),
    add(settings, command, path) {
      if (settings.version === undefined) settings.version = 1;
      const entries = listAt(objectAt(settings, 'hooks', path), 'beforeShellExecution', path);
      const present = entries.find((e) => isOurs(e, command)) as Json | undefined;
      if (present) return updateCommand(present, command);
      // failClosed: a crash or time-out of the hook blocks the command instead of letting it run.
      entries.push({ command, timeout: 30, failClosed: true });
      return true;
    },
    remove(settings, command) {
      const hooks = settings.hooks as Json | undefined;
      const entries = hooks?.beforeShellExecution;
      if (!Array.isArray(entries)) return false;
      const kept = entries.filter((e) => !isOurs(e, command));
      if (kept.length === entries.length) return false;
      if (kept.length > 0) (hooks as Json).beforeShellExecution = kept;
      else delete (hooks as Json).beforeShellExecution;
      if (Object.keys(hooks as Json).length === 0) delete settings.hooks;
      return true;
    },
  },
  payload: { shellTools: undefined, sessionField: SESSION_FIELD, argvPrefix: undefined },
  // The agent CLI sets CURSOR_AGENT, the in-editor agent CURSOR_EXTENSION_HOST_ROLE=agent-exec (CURSOR_TRACE_ID is left
  // out: Cursor's ordinary terminal sets it for people too).
  sessionMarkers: [{ variable: 'CURSOR_AGENT' }, { variable: 'CURSOR_EXTENSION_HOST_ROLE', value: 'agent-exec' }],
};

export default cursor;
