// `hook install` / `hook uninstall`: merge into each agent's settings file, keep what is there, idempotent, reversible.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENTS } from '../../src/agents/index.js';
import type { AgentName } from '../../src/agents/names.js';
import { prefilteredCommand } from '../../src/hooks/install/prefilter-command.js';
import { runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** The command an install writes: the shell pre-filter, then `blast-radius hook <agent>` (or what --command says). */
const installed = (agent: AgentName, nodeCommand = `blast-radius hook ${agent}`) => prefilteredCommand(AGENTS[agent], agent, nodeCommand);

function project(name: string): string {
  const dir = join(scratch.path, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

it('adds the Claude Code hook beside existing settings, once, and removes it again', () => {
  const dir = project('claude');
  const file = join(dir, '.claude', 'settings.json');
  mkdirSync(join(dir, '.claude'));
  const existing = {
    permissions: { allow: ['Bash(npm test)'] },
    hooks: {
      PreToolUse: [{ matcher: 'Edit', hooks: [{ type: 'command', command: 'lint-hook' }] }],
      SessionStart: [{ matcher: 'startup', hooks: [{ type: 'command', command: 'print-banner' }] }],
    },
  };
  writeFileSync(file, JSON.stringify(existing));

  const first = runCli(['hook', 'install', 'claude-code'], { cwd: dir });
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('.claude/settings.json: added the claude-code hook `blast-radius hook claude-code`');
  expect(first.stdout).toContain('Its SessionStart entry also puts the guard shims first on PATH for every Bash command (through CLAUDE_ENV_FILE).');
  expect(read(file)).toEqual({
    permissions: { allow: ['Bash(npm test)'] },
    hooks: {
      PreToolUse: [
        { matcher: 'Edit', hooks: [{ type: 'command', command: 'lint-hook' }] },
        { matcher: 'Bash|Edit|Write|MultiEdit|NotebookEdit', hooks: [{ type: 'command', timeout: 30, command: installed('claude-code') }] },
      ],
      // No matcher: every session start (startup, resume, clear, compact) hears whether the shell reaches production.
      SessionStart: [
        { matcher: 'startup', hooks: [{ type: 'command', command: 'print-banner' }] },
        { hooks: [{ type: 'command', timeout: 30, command: installed('claude-code') }] },
      ],
    },
  });

  const second = runCli(['hook', 'install', 'claude-code'], { cwd: dir });
  expect(second.stdout).toContain('the hook is there already; nothing changed');
  expect(read(file).hooks.PreToolUse).toHaveLength(2);
  expect(read(file).hooks.SessionStart).toHaveLength(2);

  expect(runCli(['hook', 'uninstall', 'claude-code'], { cwd: dir }).stdout).toContain('removed');
  expect(read(file)).toEqual(existing);
  expect(runCli(['hook', 'uninstall', 'claude-code'], { cwd: dir }).stdout).toContain('no blast-radius hook to remove');
});

it('creates the Cursor hooks file with version 1 and a fail-closed entry', () => {
  const dir = project('cursor');
  expect(runCli(['hook', 'install', 'cursor'], { cwd: dir }).code).toBe(0);
  expect(read(join(dir, '.cursor', 'hooks.json'))).toEqual({
    version: 1,
    hooks: { beforeShellExecution: [{ command: installed('cursor'), timeout: 30, failClosed: true }] },
  });
  runCli(['hook', 'uninstall', 'cursor'], { cwd: dir });
  expect(read(join(dir, '.cursor', 'hooks.json'))).toEqual({ version: 1 });
});

it('writes the Gemini CLI hook into the user settings with --scope user, timeout in milliseconds', () => {
  const home = project('home');
  const result = runCli(['hook', 'install', 'gemini', '--scope', 'user'], { cwd: project('elsewhere'), env: { HOME: home } });
  expect(result.code).toBe(0);
  expect(read(join(home, '.gemini', 'settings.json'))).toEqual({
    hooks: {
      BeforeTool: [
        {
          matcher: 'run_shell_command|write_file|replace',
          hooks: [{ name: 'blast-radius', type: 'command', timeout: 30000, command: installed('gemini') }],
        },
      ],
      SessionStart: [{ hooks: [{ name: 'blast-radius', type: 'command', timeout: 30000, command: installed('gemini') }] }],
    },
  });
  runCli(['hook', 'uninstall', 'gemini', '--scope', 'user'], { cwd: project('elsewhere'), env: { HOME: home } });
  expect(read(join(home, '.gemini', 'settings.json'))).toEqual({});
});

it('writes the Codex PreToolUse and SessionStart hooks, and removes exactly them', () => {
  const dir = project('codex');
  const file = join(dir, '.codex', 'hooks.json');
  mkdirSync(join(dir, '.codex'));
  const existing = { hooks: { SessionStart: [{ hooks: [{ type: 'command', command: 'load-notes', timeout: 5 }] }] } };
  writeFileSync(file, JSON.stringify(existing));
  expect(runCli(['hook', 'install', 'codex'], { cwd: dir }).code).toBe(0);
  expect(read(file)).toEqual({
    hooks: {
      SessionStart: [
        { hooks: [{ type: 'command', command: 'load-notes', timeout: 5 }] },
        { hooks: [{ type: 'command', timeout: 30, command: installed('codex') }] },
      ],
      PreToolUse: [{ matcher: 'Bash|apply_patch', hooks: [{ type: 'command', timeout: 30, command: installed('codex') }] }],
    },
  });
  runCli(['hook', 'uninstall', 'codex'], { cwd: dir });
  expect(read(file)).toEqual(existing);
});

it('brings an install from before the SessionStart hook up to date: adds it, and puts the pre-filter before its PreToolUse command', () => {
  const dir = project('upgrade');
  const file = join(dir, '.claude', 'settings.json');
  mkdirSync(join(dir, '.claude'));
  const preToolUse = [
    { matcher: 'Bash|Edit|Write|MultiEdit|NotebookEdit', hooks: [{ type: 'command', timeout: 30, command: 'blast-radius hook claude-code' }] },
  ];
  writeFileSync(file, JSON.stringify({ hooks: { PreToolUse: preToolUse } }));
  expect(runCli(['hook', 'install', 'claude-code'], { cwd: dir }).stdout).toContain('added the claude-code hook');
  expect(read(file).hooks).toEqual({
    PreToolUse: [{ ...preToolUse[0], hooks: [{ type: 'command', timeout: 30, command: installed('claude-code') }] }],
    SessionStart: [{ hooks: [{ type: 'command', timeout: 30, command: installed('claude-code') }] }],
  });
  expect(runCli(['hook', 'install', 'claude-code'], { cwd: dir }).stdout).toContain('the hook is there already');
  expect(runCli(['hook', 'uninstall', 'claude-code'], { cwd: dir }).stdout).toContain('removed');
  expect(read(file)).toEqual({});
});

it('widens the matcher of an install that judged the shell tool alone', () => {
  const dir = project('widen');
  const file = join(dir, '.claude', 'settings.json');
  mkdirSync(join(dir, '.claude'));
  writeFileSync(
    file,
    JSON.stringify({ hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', timeout: 30, command: 'blast-radius hook claude-code' }] }] } }),
  );
  const result = runCli(['hook', 'install', 'claude-code'], { cwd: dir });
  expect(result.stdout).toContain('added the claude-code hook');
  expect(read(file).hooks.PreToolUse).toEqual([
    { matcher: 'Bash|Edit|Write|MultiEdit|NotebookEdit', hooks: [{ type: 'command', timeout: 30, command: installed('claude-code') }] },
  ]);
  expect(runCli(['hook', 'install', 'claude-code'], { cwd: dir }).stdout).toContain('the hook is there already');
});

it('takes another command to run, for installs that are not on PATH', () => {
  const dir = project('custom');
  runCli(['hook', 'install', 'codex', '--command', 'node /opt/br/bin/blast-radius.js hook codex'], { cwd: dir });
  expect(read(join(dir, '.codex', 'hooks.json')).hooks.PreToolUse[0].hooks[0].command).toBe(installed('codex', 'node /opt/br/bin/blast-radius.js hook codex'));
});

it('refuses to touch a settings file it cannot parse', () => {
  const dir = project('broken');
  mkdirSync(join(dir, '.claude'));
  writeFileSync(join(dir, '.claude', 'settings.json'), '{ "hooks": ');
  const result = runCli(['hook', 'install', 'claude-code'], { cwd: dir });
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/settings\.json is not valid JSON: fix it by hand first/);
  expect(readFileSync(join(dir, '.claude', 'settings.json'), 'utf8')).toBe('{ "hooks": ');
});

it.each([
  ['codex', 'add `eval "$(blast-radius shims env)"` to ~/.profile (or ~/.bash_profile)'],
  ['gemini', 'start Gemini CLI with BASH_ENV set to the shims.sh file'],
  ['cursor', 'add `eval "$(blast-radius shims env)"` there'],
])('tells how the shims come first on the PATH of %s, which has no environment file', (agent, how) => {
  expect(runCli(['hook', 'install', agent], { cwd: project(`shims-${agent}`) }).stdout).toContain(how);
});

it('refuses an unknown agent or action', () => {
  expect(runCli(['hook', 'install', 'emacs']).stderr).toMatch(/Name the agent/);
  expect(runCli(['hook', 'install']).code).toBe(2);
});

it('writes the project settings at the root of the git repository when run in a subdirectory, and says where', () => {
  const root = project('repository');
  mkdirSync(join(root, '.git'));
  const subdirectory = project('repository/infra/prod');
  const installed = runCli(['hook', 'install', 'claude-code'], { cwd: subdirectory });
  expect(installed.code).toBe(0);
  expect(installed.stdout).toContain('../../.claude/settings.json (at the root of the repository): added the claude-code hook');
  expect(read(join(root, '.claude', 'settings.json')).hooks.PreToolUse).toHaveLength(1);
  expect(existsSync(join(subdirectory, '.claude'))).toBe(false);
  expect(runCli(['hook', 'uninstall', 'claude-code'], { cwd: subdirectory }).stdout).toContain(
    '../../.claude/settings.json (at the root of the repository): removed',
  );
});

it('finds the root of a worktree, whose .git is a file', () => {
  const root = project('worktree');
  writeFileSync(join(root, '.git'), 'gitdir: /elsewhere/.git/worktrees/worktree\n');
  const installed = runCli(['hook', 'install', 'gemini'], { cwd: project('worktree/k8s') });
  expect(installed.code).toBe(0);
  expect(existsSync(join(root, '.gemini', 'settings.json'))).toBe(true);
});
