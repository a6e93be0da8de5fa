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
}

function isOurs(entry: unknown, command: string): boolean {
  return typeof entry === 'object' && entry !== null && (entry as Json).command === command;
}

/** Claude Code, Gemini CLI and Codex: hooks.<Event>[] = { matcher, hooks: [{ type: "command", command }] }. */
function matcherGroupTarget(spec: {
  file: (scope: Scope, root: string, home: string) => string;
  event: string;
  matcher: string;
  handler: Json;
}): InstallTarget {
  return {
    path: (scope, root, home = homedir()) => spec.file(scope, root, home),
    add(settings, command, path) {
      const groups = listAt(objectAt(settings, 'hooks', path), spec.event, path);
      const present = groups.find((group) => Array.isArray((group as Json)?.hooks) && ((group as Json).hooks as unknown[]).some((h) => isOurs(h, command))) as Json | undefined;
      if (present) {
        // An install from before the hook judged file edits matched the shell tool alone: widen it.
        if (present.matcher === spec.matcher) return false;
        present.matcher = spec.matcher;
        return true;
      }
      groups.push({ matcher: spec.matcher, hooks: [{ ...spec.handler, command }] });
      return true;
    },
    remove(settings, command) {
      const hooks = settings.hooks;
      if (typeof hooks !== 'object' || hooks === null || !Array.isArray((hooks as Json)[spec.event])) return false;
      const groups = (hooks as Json)[spec.event] as Json[];
      let removed = false;
      const kept = groups.flatMap((group) => {
        if (!Array.isArray(group?.hooks)) return [group];
        const handlers = (group.hooks as unknown[]).filter((h) => !isOurs(h, command));
        if (handlers.length === (group.hooks as unknown[]).length) return [group];
        removed = true;
        return handlers.length === 0 ? [] : [{ ...group, hooks: handlers }];
      });
      if (kept.length > 0) (hooks as Json)[spec.event] = kept;
      else delete (hooks as Json)[spec.event];
      if (Object.keys(hooks as Json).length === 0) delete settings.hooks;
      return removed;
    },
  };
}

/** Cursor: { version: 1, hooks: { beforeShellExecution: [{ command, … }] } }. */
const cursor: InstallTarget = {
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
    event: 'PreToolUse',
    // The shell, and the file-editing tools (which may not write the approvals store or the configuration).
    matcher: 'Bash|Edit|Write|MultiEdit|NotebookEdit',
    handler: { type: 'command', timeout: 30 },
  }),
  codex: matcherGroupTarget({
    file: (scope, root, home) => join(scope === 'user' ? home : root, '.codex', 'hooks.json'),
    event: 'PreToolUse',
    matcher: 'Bash|apply_patch',
    handler: { type: 'command', timeout: 30 },
  }),
  cursor,
  gemini: matcherGroupTarget({
    file: (scope, root, home) => join(scope === 'user' ? home : root, '.gemini', 'settings.json'),
    event: 'BeforeTool',
    matcher: 'run_shell_command|write_file|replace',
    // Gemini CLI counts hook time-outs in milliseconds.
    handler: { name: 'blast-radius', type: 'command', timeout: 30000 },
  }),
};
