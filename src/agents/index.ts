// The table of agent adapters, by the name used in `blast-radius hook <agent>`.
import type { AgentAdapter } from './agent.js';
import claudeCode from './claude-code.js';
import codex from './codex.js';
import cursor from './cursor.js';
import gemini from './gemini.js';

export const AGENTS = {
  'claude-code': claudeCode,
  codex,
  cursor,
  gemini,
} satisfies Record<string, AgentAdapter>;

export type AgentName = keyof typeof AGENTS;

export function isAgentName(name: string | undefined): name is AgentName {
  return name !== undefined && Object.hasOwn(AGENTS, name);
}
