// Where each agent keeps its hook settings, and the entry blast-radius adds to (or removes from) them.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { listAt, objectAt, type Json } from './settings-file.js';

export type Scope = 'project' | 'user';

export interface InstallTarget {
  /** The settings file for a scope; `root` is the project directory. */
  path(scope: Scope, root: string, home?: string): string;
  /** Adds the hook; returns false when it was there already. */
  add(settings: Json, command: string, path: string): boolean;
  /** Removes the hook (and the containers it leaves empty); returns false when it was not there. */
  remove(settings: Json, command: string): boolean;
  /** How the guard shims come first on the PATH of this agent's commands (docs/agents.md): said after an install. */
  shims: string;
}

function isOurs(entry: unknown, command: string): boolean {
  return typeof entry === 'object' && entry !== null && (entry as Json).command === command;
}

/** One event's matcher group: `matcher` (absent: every occurrence of the event) and the handler's other fields. */
interface EventHook {
  event: string;
  matcher?: string;
  handler: Json;
}

function holdsOurs(group: unknown, command: string): boolean {
  return Array.isArray((group as Json)?.hooks) && ((group as Json).hooks as unknown[]).some((h) => isOurs(h, command));
}

/** Adds our group to one event; widens the matcher of an earlier install (before the hook judged file edits). */
function addToEvent(settings: Json, hook: EventHook, command: string, path: string): boolean {
  const groups = listAt(objectAt(settings, 'hooks', path), hook.event, path);
  const present = groups.find((group) => holdsOurs(group, command)) as Json | undefined;
  if (present) {
    if (present.matcher === hook.matcher) return false;
    present.matcher = hook.matcher;
    return true;
  }
  groups.push({ ...(hook.matcher === undefined ? {} : { matcher: hook.matcher }), hooks: [{ ...hook.handler, command }] });
  return true;
}

/** Removes our handler from one event, and the groups and the event it leaves empty. */
function removeFromEvent(hooks: Json, event: string, command: string): boolean {
  if (!Array.isArray(hooks[event])) return false;
  let removed = false;
  const kept = (hooks[event] as Json[]).flatMap((group) => {
    if (!Array.isArray(group?.hooks)) return [group];
    const handlers = (group.hooks as unknown[]).filter((h) => !isOurs(h, command));
    if (handlers.length === (group.hooks as unknown[]).length) return [group];
    removed = true;
    return handlers.length === 0 ? [] : [{ ...group, hooks: handlers }];
  });
  if (kept.length > 0) hooks[event] = kept;
  else delete hooks[event];
  return removed;
}

/**
 * Claude Code, Gemini CLI and Codex: hooks.<Event>[] = { matcher, hooks: [{ type: "command", command }] }, for the
 * pre-tool event that judges commands and the session-start event that carries the production-credentials notice.
 */
function matcherGroupTarget(spec: { file: (scope: Scope, root: string, home: string) => string; events: EventHook[]; shims: string }): InstallTarget {
  return {
    shims: spec.shims,
    path: (scope, root, home = homedir()) => spec.file(scope, root, home),
    add(settings, command, path) {
      // Every event is visited: `some` would stop at the first change and leave the others out.
      return spec.events.map((hook) => addToEvent(settings, hook, command, path)).includes(true);
    },
    remove(settings, command) {
      const hooks = settings.hooks;
      if (typeof hooks !== 'object' || hooks === null || Array.isArray(hooks)) return false;
      const removed = spec.events.map((hook) => removeFromEvent(hooks as Json, hook.event, command)).includes(true);
      if (Object.keys(hooks as Json).length === 0) delete settings.hooks;
      return removed;
    },
  };
}

/** Cursor: { version: 1, hooks: { beforeShellExecution: [{ command, … }] } }. */
const cursor: InstallTarget = {
  shims:
    "Cursor has no setting for its agent's environment, and its agent's commands read ~/.zshenv (zsh) or ~/.bashrc (bash): add `eval \"$(blast-radius shims env)\"` there to put the guard shims first on PATH.",
  path: (scope, root, home = homedir()) => join(scope === 'user' ? home : root, '.cursor', 'hooks.json'),
  add(settings, command, path) {
    if (settings.version === undefined) settings.version = 1;
    const entries = listAt(objectAt(settings, 'hooks', path), 'beforeShellExecution', path);
    if (entries.some((e) => isOurs(e, command))) return false;
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
};

export const TARGETS: Record<'claude-code' | 'cursor' | 'gemini' | 'codex', InstallTarget> = {
  'claude-code': matcherGroupTarget({
    file: (scope, root, home) => join(scope === 'user' ? home : root, '.claude', 'settings.json'),
    events: [
      // The shell, and the file-editing tools (which may not write the approvals store or the configuration).
      { event: 'PreToolUse', matcher: 'Bash|Edit|Write|MultiEdit|NotebookEdit', handler: { type: 'command', timeout: 30 } },
      // No matcher: startup, resume, clear and compact each start a context that needs the notice.
      { event: 'SessionStart', handler: { type: 'command', timeout: 30 } },
    ],
    shims: 'Its SessionStart entry also puts the guard shims first on PATH for every Bash command (through CLAUDE_ENV_FILE).',
  }),
  codex: matcherGroupTarget({
    file: (scope, root, home) => join(scope === 'user' ? home : root, '.codex', 'hooks.json'),
    events: [
      { event: 'PreToolUse', matcher: 'Bash|apply_patch', handler: { type: 'command', timeout: 30 } },
      { event: 'SessionStart', handler: { type: 'command', timeout: 30 } },
    ],
    shims:
      'Codex has no hook that sets its commands\' environment, and runs them in a login shell (bash -lc): add `eval "$(blast-radius shims env)"` to ~/.profile (or ~/.bash_profile) to put the guard shims first on PATH.',
  }),
  cursor,
  gemini: matcherGroupTarget({
    file: (scope, root, home) => join(scope === 'user' ? home : root, '.gemini', 'settings.json'),
    events: [
      // Gemini CLI counts hook time-outs in milliseconds.
      { event: 'BeforeTool', matcher: 'run_shell_command|write_file|replace', handler: { name: 'blast-radius', type: 'command', timeout: 30000 } },
      { event: 'SessionStart', handler: { name: 'blast-radius', type: 'command', timeout: 30000 } },
    ],
    shims:
      'Gemini CLI runs commands with bash -c, which reads no profile but BASH_ENV: run `blast-radius shims env` once, then start Gemini CLI with BASH_ENV set to the shims.sh file beside the shim directory (for example `export BASH_ENV="$HOME/.local/share/blast-radius/shims.sh"` in your profile).',
  }),
};
