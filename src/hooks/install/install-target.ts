// What an agent's install target is (its settings file, and the entry blast-radius adds to or removes from it), and the
// matcher-group target that Claude Code, Gemini CLI and Codex share; each agent's own target is in its src/agents/ file.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { nodeCommandOf } from './prefilter-command.js';
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

/** The settings file at `parts` under the project directory (`root`) or, for the user scope, the home directory. */
export function settingsPath(...parts: string[]): InstallTarget['path'] {
  return (scope, root, home = homedir()) => join(scope === 'user' ? home : root, ...parts);
}

/** Whether a settings entry is blast-radius's hook running the node command of `command`, pre-filtered or not. */
export function isOurs(entry: unknown, command: string): boolean {
  if (typeof entry !== 'object' || entry === null) return false;
  const written = (entry as Json).command;
  return typeof written === 'string' && nodeCommandOf(written) === nodeCommandOf(command);
}

/** Writes `command` into our entry of an earlier install (another pre-filter, or none); false when it is there already. */
export function updateCommand(entry: Json, command: string): boolean {
  if (entry.command === command) return false;
  entry.command = command;
  return true;
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

/**
 * Adds our group to one event; widens the matcher of an earlier install (before the hook judged file edits) and
 * rewrites its command (before the shell pre-filter, or another version of it).
 */
function addToEvent(settings: Json, hook: EventHook, command: string, path: string): boolean {
  const groups = listAt(objectAt(settings, 'hooks', path), hook.event, path);
  const present = groups.find((group) => holdsOurs(group, command)) as Json | undefined;
  if (present) {
    const handler = (present.hooks as Json[]).find((h) => isOurs(h, command)) as Json;
    const rewritten = updateCommand(handler, command);
    if (present.matcher === hook.matcher) return rewritten;
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
export function matcherGroupTarget(spec: { path: InstallTarget['path']; events: EventHook[]; shims: string }): InstallTarget {
  return {
    shims: spec.shims,
    path: spec.path,
    add(settings, command, path) {
      // Every event is visited: `some` would stop at the first change and leave the others out.
      return spec.events.map((hook) => addToEvent(settings, hook, command, path)).includes(true);
    },
    remove(settings, command) {
      const hooks = settings.hooks;
      if (typeof hooks !== 'object' || hooks === null || Array.isArray(hooks)) return false;
      const removed = spec.events.map((hook) => removeFromEvent(hooks as Json, hook.event, command)).includes(true);
      if (Object.keys(hooks).length === 0) delete settings.hooks;
      return removed;
    },
  };
}
