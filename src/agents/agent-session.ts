// Whether this process runs inside a coding agent's session, from the environment variables each agent sets in the
// commands it runs (each agent's sessionMarkers; sources in docs/approvals.md); `approve` refuses to run there.
import { AGENTS } from './index.js';

/** Every agent's markers, in the table's order, with the name of the agent each gives away. */
export const SESSION_MARKERS = Object.values(AGENTS).flatMap((agent) => agent.sessionMarkers.map((marker) => ({ ...marker, agent: agent.displayName })));

/** The first marker set in `env`, naming the agent and the variable that gave it away. */
export function agentSession(env: NodeJS.ProcessEnv): { agent: string; variable: string } | undefined {
  const marker = SESSION_MARKERS.find(({ variable, value }) => {
    const set = env[variable];
    return set !== undefined && set !== '' && (value === undefined || set === value);
  });
  return marker && { agent: marker.agent, variable: marker.variable };
}
