// What an agent adapter does: read the agent's hook payload, and answer a refusal in that agent's protocol.

export interface HookPayload {
  /** The shell command the agent is about to run; undefined when the payload is about another tool. */
  command?: string;
  /** The files a file-editing tool is about to write (Claude Code Edit/Write, Gemini write_file, Codex apply_patch). */
  files?: string[];
  /** The agent's working directory, which relative paths are resolved against. */
  cwd?: string;
}

export interface HookAnswer {
  stdout?: string;
  stderr?: string;
  exitCode: number;
}

export interface AgentAdapter {
  /** Turns the parsed stdin JSON into the command to judge. */
  read(payload: unknown): HookPayload;
  /** The answer that stops the command, with the reason the model reads. */
  deny(reason: string): HookAnswer;
  /** The answer that lets it run; by default exit 0 and no output, which leaves the agent's own prompts in force. */
  pass?(): HookAnswer;
}

export function field(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const step of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, step)) return undefined;
    node = (node as Record<string, unknown>)[step];
  }
  return node;
}
