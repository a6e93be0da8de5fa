// Tells whether this process runs inside a coding agent's session, from the variables each agent sets in the
// environment of the commands it runs (sources in docs/approvals.md); `approve` refuses to run there.

interface SessionMarker {
  variable: string;
  /** The value that marks an agent; any non-empty value when absent. */
  value?: string;
  agent: string;
}

/**
 * Claude Code sets CLAUDECODE=1 (since 0.2.47) and CLAUDE_CODE_ENTRYPOINT; the Cursor agent CLI sets CURSOR_AGENT and
 * Cursor's in-editor agent CURSOR_EXTENSION_HOST_ROLE=agent-exec (CURSOR_TRACE_ID is left out: Cursor's ordinary
 * terminal sets it for people too); Gemini CLI sets GEMINI_CLI=1; Codex sets CODEX_THREAD_ID, and CODEX_SANDBOX or
 * CODEX_SANDBOX_NETWORK_DISABLED inside its sandbox.
 */
export const SESSION_MARKERS: readonly SessionMarker[] = [
  { variable: 'CLAUDECODE', agent: 'Claude Code' },
  { variable: 'CLAUDE_CODE_ENTRYPOINT', agent: 'Claude Code' },
  { variable: 'CURSOR_AGENT', agent: 'Cursor' },
  { variable: 'CURSOR_EXTENSION_HOST_ROLE', value: 'agent-exec', agent: 'Cursor' },
  { variable: 'GEMINI_CLI', agent: 'Gemini CLI' },
  { variable: 'CODEX_THREAD_ID', agent: 'Codex' },
  { variable: 'CODEX_SANDBOX', agent: 'Codex' },
  { variable: 'CODEX_SANDBOX_NETWORK_DISABLED', agent: 'Codex' },
];

/** The first marker set in `env`, naming the agent and the variable that gave it away. */
export function agentSession(env: NodeJS.ProcessEnv): { agent: string; variable: string } | undefined {
  const marker = SESSION_MARKERS.find(({ variable, value }) => {
    const set = env[variable];
    return set !== undefined && set !== '' && (value === undefined || set === value);
  });
  return marker && { agent: marker.agent, variable: marker.variable };
}
