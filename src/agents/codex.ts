// OpenAI Codex CLI PreToolUse hook: the Claude Code answer shape, for any tool whose input carries a shell command
// (a string, or an argv list such as ["bash", "-lc", "…"]), and apply_patch, whose patch names the files it writes;
// anything else gets no output. Its SessionStart event carries the production-credentials notice (docs/agents.md).
// No ask: Codex parses `permissionDecision: "ask"` but treats it as an unsupported answer and runs the command.
import { shellQuote } from '../shell-quote.js';
import { field, type AgentAdapter } from './agent.js';
import claudeCode from './claude-code.js';

/** The files a Codex patch touches: `*** Add File: p`, `*** Update File: p`, `*** Delete File: p`, `*** Move to: p`. */
function patchedFiles(patch: string): string[] {
  return [...patch.matchAll(/^\*\*\* (?:Add File|Update File|Delete File|Move to): (.+)$/gm)].map((match) => (match[1] as string).trim());
}

const adapter: AgentAdapter = {
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
  notice: claudeCode.notice,
};

export default adapter;
