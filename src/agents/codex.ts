// OpenAI Codex CLI: its PreToolUse hook gets the Claude Code answer shape, for any tool whose input carries a shell
// command (a string, or an argv list such as ["bash", "-lc", "…"]), and apply_patch, whose patch names the files it
// writes; anything else gets no output. Its SessionStart event carries the production-credentials notice
// (docs/agents.md). No ask: Codex parses `permissionDecision: "ask"` but treats it as an unsupported answer and runs
// the command.
import { matcherGroupTarget, settingsPath } from '../hooks/install/install-target.js';
import { shellQuote } from '../shell-quote.js';
import { field, passSilently, type Agent } from './agent.js';
import claudeCode from './claude-code.js';

/** The files a Codex patch touches: `*** Add File: p`, `*** Update File: p`, `*** Delete File: p`, `*** Move to: p`. */
function patchedFiles(patch: string): string[] {
  return [...patch.matchAll(/^\*\*\* (?:Add File|Update File|Delete File|Move to): (.+)$/gm)].map((match) => match[1].trim());
}

const codex: Agent = {
  displayName: 'Codex',
  docsAnchor: 'openai-codex-cli',
  read(payload) {
    const cwd = field(payload, 'cwd');
    const where = typeof cwd === 'string' ? { cwd } : {};
    if (field(payload, 'hook_event_name') === 'SessionStart') return { sessionStart: true, ...where };
    const command = field(payload, 'tool_input', 'command');
    if (field(payload, 'tool_name') === 'apply_patch') return typeof command === 'string' ? { files: patchedFiles(command), ...where } : {};
    if (typeof command === 'string') return { command, ...where };
    if (Array.isArray(command) && command.every((w) => typeof w === 'string')) return { command: command.map(shellQuote).join(' '), ...where };
    return {};
  },
  deny: claudeCode.deny,
  ask: undefined,
  pass: passSilently,
  notice: claudeCode.notice,
  // Proposed (CODEX_ENV_FILE) but never merged: the shims come first through the login shell's profile instead.
  environmentFile: undefined,
  install: matcherGroupTarget({
    path: settingsPath('.codex', 'hooks.json'),
    events: [
      { event: 'PreToolUse', matcher: 'Bash|apply_patch', handler: { type: 'command', timeout: 30 } },
      { event: 'SessionStart', handler: { type: 'command', timeout: 30 } },
    ],
    shims:
      'Codex has no hook that sets its commands\' environment, and runs them in a login shell (bash -lc): add `eval "$(blast-radius shims env)"` to ~/.profile (or ~/.bash_profile) to put the guard shims first on PATH.',
  }),
  // Codex names its shell tool Bash, and sends the command as a string or inside `bash -lc`.
  payload: { shellTools: ['Bash'], sessionField: undefined, argvPrefix: ['bash', '-lc'] },
  // CODEX_THREAD_ID in every command; CODEX_SANDBOX or CODEX_SANDBOX_NETWORK_DISABLED inside its sandbox.
  sessionMarkers: [{ variable: 'CODEX_THREAD_ID' }, { variable: 'CODEX_SANDBOX' }, { variable: 'CODEX_SANDBOX_NETWORK_DISABLED' }],
};

export default codex;
