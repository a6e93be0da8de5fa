// The table of coding agents, one row per name in names.ts: the hook, `hook install`, and the agent-session check
// read every agent-specific piece from here (src/agents/agent.ts lists the pieces).
import type { Agent } from './agent.js';
import claudeCode from './claude-code.js';
import codex from './codex.js';
import cursor from './cursor.js';
import gemini from './gemini.js';
import type { AgentName } from './names.js';

/** In the order agentSession tries the agents' markers, for a command run where two agents' markers are set. */
export const AGENTS = {
  'claude-code': claudeCode,
  cursor,
  gemini,
  codex,
} satisfies Record<AgentName, Agent>;
