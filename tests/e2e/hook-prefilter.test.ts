// The hook command `hook install` writes, run as the agents run it (a shell given the command, the payload on stdin),
// with blast-radius on PATH and a stand-in `node` that records each start: an unrelated command is answered without
// node; a destructive one, however it is spelled, is answered by node, in the agent's protocol.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentName } from '../../src/agents/names.js';
import { BIN, runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';
import { neutralShell } from '../hooks/neutral-shell.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const bin = join(scratch.path, 'bin');
const log = join(scratch.path, 'node-starts.log');
mkdirSync(bin);
symlinkSync(BIN, join(bin, 'blast-radius'));
writeFileSync(join(bin, 'node'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${process.execPath}' "$@"\n`);
chmodSync(join(bin, 'node'), 0o755);

// Settings files are untyped JSON; each reader knows where its agent's install puts the command.
/* eslint-disable @typescript-eslint/no-explicit-any */
/** Where each agent's install writes the command, and how to find it in the settings. */
const INSTALLED: Record<AgentName, { file: string; command: (settings: any) => string }> = {
  'claude-code': { file: '.claude/settings.json', command: (s) => s.hooks.PreToolUse[0].hooks[0].command },
  cursor: { file: '.cursor/hooks.json', command: (s) => s.hooks.beforeShellExecution[0].command },
  gemini: { file: '.gemini/settings.json', command: (s) => s.hooks.BeforeTool[0].hooks[0].command },
  codex: { file: '.codex/hooks.json', command: (s) => s.hooks.PreToolUse[0].hooks[0].command },
};
/* eslint-enable @typescript-eslint/no-explicit-any */

function installedCommand(agent: AgentName): string {
  const project = join(scratch.path, `project-${agent}`);
  mkdirSync(project);
  expect(runCli(['hook', 'install', agent], { cwd: project }).code).toBe(0);
  return INSTALLED[agent].command(JSON.parse(readFileSync(join(project, INSTALLED[agent].file), 'utf8')));
}

const PAYLOADS: Record<AgentName, (command: string) => string> = {
  'claude-code': (command) =>
    JSON.stringify({
      session_id: 's1',
      cwd: '/proj',
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command, description: 'Run it', timeout: 120000 },
    }),
  cursor: (command) => JSON.stringify({ hook_event_name: 'beforeShellExecution', command, cwd: '/proj', workspace_roots: ['/proj'] }),
  gemini: (command) =>
    JSON.stringify({ session_id: 's1', cwd: '/proj', hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command } }),
  codex: (command) =>
    JSON.stringify({ session_id: 's1', cwd: '/proj', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: ['bash', '-lc', command] } }),
};

/** Runs the installed command as the agent would, through `sh -c`; returns its answer and whether node started. */
function run(command: string, payload: string): { stdout: string; code: number | null; nodeStarted: boolean } {
  rmSync(log, { force: true });
  const result = spawnSync('sh', ['-c', command], {
    input: payload,
    encoding: 'utf8',
    env: { ...neutralShell(scratch.path, scratch.path), PATH: `${bin}:/usr/bin:/bin` },
  });
  return { stdout: result.stdout, code: result.status, nodeStarted: existsSync(log) };
}

const DECISION: Record<AgentName, (stdout: string) => string | undefined> = {
  'claude-code': (stdout) => JSON.parse(stdout).hookSpecificOutput.permissionDecision,
  cursor: (stdout) => JSON.parse(stdout).permission,
  gemini: (stdout) => JSON.parse(stdout).decision,
  codex: (stdout) => JSON.parse(stdout).hookSpecificOutput.permissionDecision,
};

describe.each(Object.keys(INSTALLED) as AgentName[])('%s', (agent) => {
  const command = installedCommand(agent);

  it('answers an unrelated command without starting node', () => {
    const answer = run(command, PAYLOADS[agent]('ls -la'));
    expect(answer).toEqual({ stdout: agent === 'cursor' ? '{"continue":true,"permission":"allow"}\n' : '', code: 0, nodeStarted: false });
  });

  it.each([
    ['terraform destroy', 'deny'],
    ["t''erraform destroy", 'deny'],
    ['t\\erraform destroy', 'deny'],
    ['$(echo terraform) destroy', 'deny'],
    ['$T destroy', 'cannot-tell'],
    ['echo dGVycmFmb3JtIGRlc3Ryb3k= | base64 -d | sh', 'cannot-tell'],
    ['kubectl delete ns prod', 'deny'],
  ])('starts node for %s, which refuses it', (shellCommand, verdict) => {
    const answer = run(command, PAYLOADS[agent](shellCommand));
    expect(answer.nodeStarted).toBe(true);
    expect(answer.code).toBe(0);
    expect(DECISION[agent](answer.stdout)).toBe(verdict === 'cannot-tell' && agent === 'claude-code' ? 'ask' : 'deny');
    expect(readFileSync(log, 'utf8')).toContain(`hook ${agent}`);
  });

  it('starts node for a JSON-escaped spelling of the tool', () => {
    const answer = run(command, PAYLOADS[agent]('terraform destroy').replace('terraform', '\\u0074erraform'));
    expect([answer.nodeStarted, DECISION[agent](answer.stdout)]).toEqual([true, 'deny']);
  });
});

it('puts the pre-filter before the plain command of an earlier install, and removes either', () => {
  const project = join(scratch.path, 'cursor-upgrade');
  mkdirSync(join(project, '.cursor'), { recursive: true });
  const file = join(project, '.cursor/hooks.json');
  writeFileSync(
    file,
    JSON.stringify({ version: 1, hooks: { beforeShellExecution: [{ command: 'blast-radius hook cursor', timeout: 30, failClosed: true }] } }),
  );
  expect(runCli(['hook', 'install', 'cursor'], { cwd: project }).code).toBe(0);
  const entries = JSON.parse(readFileSync(file, 'utf8')).hooks.beforeShellExecution;
  expect(entries).toHaveLength(1);
  expect(run(entries[0].command, PAYLOADS.cursor('ls -la')).nodeStarted).toBe(false);
  expect(runCli(['hook', 'uninstall', 'cursor'], { cwd: project }).stdout).toContain('removed');
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1 });
});
