// What one coding agent is to blast-radius, every piece a required member so that a new agent's file cannot leave one
// out: its hook protocol (read the payload; deny, ask, pass), where its once-per-session notice goes, the environment
// file it sources, its install target, the environment variables that mark its sessions, and its names.
import type { InstallTarget } from '../hooks/install/install-target.js';

export interface HookPayload {
  /** The shell command the agent is about to run; undefined when the payload is about another tool. */
  command?: string;
  /** The files a file-editing tool is about to write (Claude Code Edit/Write, Gemini write_file, Codex apply_patch). */
  files?: string[];
  /** The agent's working directory, which relative paths are resolved against. */
  cwd?: string;
  /** True for the agent's session-start event (a new, resumed, cleared or compacted session). */
  sessionStart?: boolean;
  /** The session's id, read by agents without a session-start event: the session's first call carries the notice. */
  session?: string;
}

export interface HookAnswer {
  stdout?: string;
  stderr?: string;
  exitCode: number;
}

/** What the hook says once per session when the shell the agent runs in can reach production. */
export interface SessionNotice {
  /** Sentences for the model: what reaches production, from which names and ids, and what to do. */
  forModel: string;
  /** One line for the person, where the protocol shows one. */
  forPerson: string;
}

/**
 * How an agent hears the notice: on its session-start event, whose answer adds it to the model's context; or, for an
 * agent without one, on the first call of each session (keyed by `agent` and the payload's session id).
 */
export type NoticeChannel =
  { on: 'session-start'; answer(notice: SessionNotice): HookAnswer } | { on: 'first-call'; agent: string; pass(notice: SessionNotice): HookAnswer };

/** An environment variable the agent sets in the commands it runs (sources in docs/approvals.md). */
export interface SessionMarker {
  variable: string;
  /** The value that marks the agent; any non-empty value when absent. */
  value?: string;
}

/**
 * What the shell pre-filter of the installed hook command (src/hooks/install/prefilter-command.ts) needs to know of
 * the payload to answer a pass without starting node; each piece is read by the agent's `read` too.
 */
export interface PayloadShape {
  /** The `tool_name` values of shell-command payloads; undefined where every payload is a shell command's (Cursor). */
  shellTools: readonly string[] | undefined;
  /** The field naming the session whose first call carries the notice (channel `first-call`); undefined: none. */
  sessionField: string | undefined;
  /** The argv the agent may send the command inside (`["bash", "-lc", "…"]`), joined before it is judged. */
  argvPrefix: readonly string[] | undefined;
}

export interface Agent {
  /** How messages and docs name it: "Claude Code". */
  displayName: string;
  /** The anchor of its section in docs/agents.md. */
  docsAnchor: string;
  /** Turns the parsed stdin JSON into the command to judge. */
  read: (payload: unknown) => HookPayload;
  /** The answer that stops the command, with the reason the model reads. */
  deny: (reason: string) => HookAnswer;
  /**
   * The answer that asks the person before the command runs, for agents whose protocol honours an ask in every mode
   * (docs/agents.md); undefined for the others, which get `deny` where blast-radius cannot tell what a command runs.
   */
  ask: ((reason: string) => HookAnswer) | undefined;
  /** The answer that lets the command run (`passSilently` leaves the agent's own prompts in force). */
  pass: () => HookAnswer;
  /** Where the once-per-session notice of production credentials goes in this agent's protocol. */
  notice: NoticeChannel;
  /**
   * The file this agent sources before each shell command, as its session-start hook sees it (Claude Code's
   * CLAUDE_ENV_FILE): the session start writes the shims' PATH line there. Undefined: the agent has no such file.
   */
  environmentFile: ((env: NodeJS.ProcessEnv) => string | undefined) | undefined;
  /** Where `hook install` puts the hook, and how the guard shims come first on this agent's PATH. */
  install: InstallTarget;
  /** The payload's shape, as the installed command's shell pre-filter reads it. */
  payload: PayloadShape;
  /** The variables that mark a command as run by this agent, where `approve` and a person's confirmation are refused. */
  sessionMarkers: readonly SessionMarker[];
}

export function field(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const step of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, step)) return undefined;
    node = (node as Record<string, unknown>)[step];
  }
  return node;
}

/** Exit 0 and no output: the command runs, and the agent's own permission prompts still apply. */
export function passSilently(): HookAnswer {
  return { exitCode: 0 };
}

/**
 * The session-start answer of Claude Code, Codex and Gemini CLI: `hookSpecificOutput.additionalContext` goes into the
 * model's context and `systemMessage` is shown to the person (docs/agents.md).
 */
export function sessionStartContext(notice: SessionNotice): HookAnswer {
  const answer = { systemMessage: notice.forPerson, hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: notice.forModel } };
  return { stdout: `${JSON.stringify(answer)}\n`, exitCode: 0 };
}
