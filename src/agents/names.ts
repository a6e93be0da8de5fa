// The agents' names as `blast-radius hook <agent>` takes them; imports nothing, so that the start-up bundle can route
// hook calls by them without loading the agents (src/agents/index.ts holds one row per name).
export const AGENT_NAMES = ['claude-code', 'codex', 'cursor', 'gemini'] as const;

export type AgentName = (typeof AGENT_NAMES)[number];

export function isAgentName(name: string | undefined): name is AgentName {
  return (AGENT_NAMES as readonly (string | undefined)[]).includes(name);
}
