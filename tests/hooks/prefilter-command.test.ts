// The installed hook command's shell pre-filter, run by real shells (dash as /bin/sh, and bash) on every command the
// hook's tests use: whatever it answers without node is what the node hook answers, and everything else reaches node.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENTS } from '../../src/agents/index.js';
import type { AgentName } from '../../src/agents/names.js';
import { sessionMarker } from '../../src/hooks/first-call.js';
import { nodeCommandOf, prefilteredCommand, triggerWords } from '../../src/hooks/install/prefilter-command.js';
import { CLI_NAMES, DESTRUCTIVE_VERBS, TEXT_RUNNERS, TEXT_TRANSFORMERS, TOOL_ALIASES, TOOL_NAMES } from '../../src/hooks/prefilter.js';
import { runHook } from '../../src/hooks/run-hook.js';
import { scratchDirectory } from '../helpers/scratch.js';
import { CORPUS } from './command-corpus.js';
import { neutralShell } from './neutral-shell.js';
import { testedCommands } from './tested-commands.js';
import { claudeCodePayload } from '../helpers/agent-payloads.js';

const SHELLS = ['dash', 'bash'];
/** The stand-in for the node hook: says that it was reached, and reads the payload as the hook would. */
const STAND_IN = 'echo @node; cat >/dev/null';
const AGENT_NAMES = Object.keys(AGENTS) as AgentName[];

const scratch = scratchDirectory();
afterAll(() => scratch.remove());
const HOME = scratch.path;
const ENV = neutralShell(HOME, scratch.path);
// The node hook, run in this process, looks for Cursor's first-call markers where the shell does.
process.env.TMPDIR = scratch.path;
/** The conversation of Cursor's payloads has had its first call: the pre-filter may answer its later ones. */
const CONVERSATION = 'c1';
writeFileSync(sessionMarker('cursor', CONVERSATION, scratch.path), '');

/** Payloads as each agent sends them (tests/e2e/hooks.test.ts); Codex both ways it sends a command. */
const PAYLOADS: Record<AgentName, ((command: string) => unknown)[]> = {
  'claude-code': [claudeCodePayload],
  cursor: [
    (command) => ({ conversation_id: CONVERSATION, hook_event_name: 'beforeShellExecution', workspace_roots: ['/proj'], command, cwd: '/proj' }),
    (command) => ({ hook_event_name: 'beforeShellExecution', command, cwd: '/proj' }),
  ],
  gemini: [
    (command) => ({
      session_id: 's1',
      cwd: '/proj',
      hook_event_name: 'BeforeTool',
      tool_name: 'run_shell_command',
      tool_input: { command, description: 'Run it', dir_path: '.', is_background: false },
    }),
  ],
  codex: [
    (command) => ({ session_id: 's1', cwd: '/proj', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: ['bash', '-lc', command] } }),
    (command) => ({ session_id: 's1', cwd: '/proj', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } }),
  ],
};

interface ShellAnswer {
  reachedNode: boolean;
  stdout: string;
  exitCode: number;
}

/** Runs the agent's installed command on one payload, as the agent does. */
function runOne(shell: string, agent: AgentName, payload: string, env: NodeJS.ProcessEnv = ENV): ShellAnswer {
  const result = spawnSync(shell, ['-c', prefilteredCommand(AGENTS[agent], agent, STAND_IN)], {
    input: payload,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  return { reachedNode: result.stdout === '@node\n', stdout: result.stdout, exitCode: result.status ?? -1 };
}

/** Runs the agent's installed command on each payload (one line each), from one loop: one child shell per payload. */
function runPrefilter(shell: string, agent: AgentName, payloads: string[], env: NodeJS.ProcessEnv = ENV): ShellAnswer[] {
  const input = join(scratch.path, `payloads-${agent}-${shell}`);
  writeFileSync(input, payloads.map((payload) => `${payload}\n`).join(''));
  const driver = `while IFS= read -r line; do printf '%s' "$line" | ${shell} -c "$HOOK"; echo "@rc=$?"; done < "$INPUT"`;
  const result = spawnSync('dash', ['-c', driver], {
    env: { PATH: process.env.PATH, ...env, HOOK: prefilteredCommand(AGENTS[agent], agent, STAND_IN), INPUT: input },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const answers = result.stdout.split(/^@rc=(\d+)\n/m);
  const parsed: ShellAnswer[] = [];
  for (let i = 0; i + 1 < answers.length; i += 2) {
    parsed.push({ reachedNode: answers[i] === '@node\n', stdout: answers[i], exitCode: Number(answers[i + 1]) });
  }
  expect(parsed).toHaveLength(payloads.length);
  return parsed;
}

const COMMANDS = testedCommands();

it('tries more than a thousand commands, the whole corpus among them', () => {
  expect(COMMANDS.length).toBeGreaterThan(1000);
  for (const row of CORPUS) expect(COMMANDS).toContain(row.command);
});

/** Each agent's payload shapes with dash (/bin/sh on Debian), and its first shape with bash too. */
const RUNS = AGENT_NAMES.flatMap((agent) =>
  PAYLOADS[agent].flatMap((_, shape) => SHELLS.filter((shell) => shape === 0 || shell === 'dash').map((shell) => [agent, shape, shell] as const)),
);

describe.each(RUNS)('%s, payload shape %i, %s', (agent, shape, shell) => {
  const payloads = COMMANDS.map((command) => JSON.stringify(PAYLOADS[agent][shape](command)));

  // About ten milliseconds of shell per payload on a loaded machine: far more than jest's default.
  it('passes only what the node hook passes, with the same answer', async () => {
    const answers = runPrefilter(shell, agent, payloads);
    const pass = AGENTS[agent].pass();
    let passed = 0;
    for (const [i, answer] of answers.entries()) {
      if (answer.reachedNode) continue;
      passed++;
      const node = await runHook(AGENTS[agent], payloads[i], ENV, HOME);
      expect([payloads[i], node]).toEqual([payloads[i], pass]);
      expect([payloads[i], answer.stdout, answer.exitCode]).toEqual([payloads[i], pass.stdout ?? '', pass.exitCode]);
    }
    // Not vacuous: the unrelated commands of the tests pass without node.
    expect(passed).toBeGreaterThan(100);
    const reached = (command: string) => answers[COMMANDS.indexOf(command)].reachedNode;
    expect(['ls -la', 'git status', 'npm test', 'cat doc.md'].map(reached)).toEqual([false, false, false, false]);
  }, 300_000);
});

it.each(SHELLS)('sends, with %s, every word of the node hook tables to node, however it is quoted', (shell) => {
  const words = [...TOOL_NAMES, ...CLI_NAMES, ...TOOL_ALIASES, ...DESTRUCTIVE_VERBS, ...TEXT_TRANSFORMERS, ...TEXT_RUNNERS];
  const commands = words.flatMap((word) => [`${word} x`, `cd /tmp && ${word.slice(0, 1)}''${word.slice(1)} --x`, `x "${word}"`, `x --${word}`]);
  const answers = runPrefilter(
    shell,
    'claude-code',
    commands.map((command) => JSON.stringify(PAYLOADS['claude-code'][0](command))),
  );
  expect(commands.filter((_, i) => !answers[i].reachedNode)).toEqual([]);
  expect(triggerWords()).toEqual(expect.arrayContaining(['terraform', 'kubectl', 'radius', 'compose', 'destroy', 'base64', 'eval', 'sudo', 'xargs']));
});

describe.each(SHELLS)('with %s', (shell) => {
  const claude = (command: string, extra: Record<string, unknown> = {}) => JSON.stringify({ ...(PAYLOADS['claude-code'][0](command) as object), ...extra });

  it.each([
    ['a JSON escape', claude('ls').replace('"ls"', '"\\u006cs"')],
    ['a newline', claude('ls\nterraform destroy')],
    ['a non-ASCII letter', claude('ls é')],
    ['a variable', claude('$T destroy')],
    ['a backquote', claude('`echo x`')],
    ['a glob', claude('ls *.txt')],
    ['a bracket', claude('[t]erraform x')],
    ['a brace', claude('{ls,x}')],
    ['quotes inside a word', claude("t''erraform destroy")],
    ['a backslash', claude('t\\erraform destroy')],
    ['a session start', JSON.stringify({ session_id: 's', hook_event_name: 'SessionStart', source: 'startup' })],
    ['a file edit', JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: 'x', content: 'hello' } })],
    ['two tool names', claude('ls', { tool_name: 'Write' }).replace('{', '{"tool_name":"Bash",')],
    ['a payload that is not JSON', 'hello'],
    ['a payload spread over lines', JSON.stringify(JSON.parse(claude('ls')), null, 2)],
    ['an empty payload', ''],
  ])('sends %s to node', (_, payload) => {
    expect(runOne(shell, 'claude-code', payload).reachedNode).toBe(true);
  });

  it('sends everything to node while the approvals store is moved (BLAST_RADIUS_APPROVALS)', () => {
    expect(runOne(shell, 'claude-code', claude('ls'), { ...ENV, BLAST_RADIUS_APPROVALS: '/tmp/store.json' }).reachedNode).toBe(true);
    expect(runOne(shell, 'claude-code', claude('ls'))).toEqual({ reachedNode: false, stdout: '', exitCode: 0 });
  });

  it("answers Cursor's later calls of a conversation, and sends its first to node for the notice", () => {
    const tmp = join(scratch.path, `cursor-${shell}`);
    const env = { ...ENV, TMPDIR: `${tmp}/` };
    mkdirSync(tmp);
    const payload = (id: string) => JSON.stringify({ conversation_id: id, hook_event_name: 'beforeShellExecution', command: 'ls -la', cwd: '/proj' });
    expect(runOne(shell, 'cursor', payload('conv-1'), env).reachedNode).toBe(true);
    writeFileSync(sessionMarker('cursor', 'conv-1', tmp), '');
    expect(runOne(shell, 'cursor', payload('conv-1'), env)).toEqual({ reachedNode: false, stdout: '{"continue":true,"permission":"allow"}\n', exitCode: 0 });
    // An id that names its marker by a hash, or a second conversation id, goes to node.
    writeFileSync(sessionMarker('cursor', 'conv 1', tmp), '');
    expect(runOne(shell, 'cursor', payload('conv 1'), env).reachedNode).toBe(true);
    expect(runOne(shell, 'cursor', payload('conv-1').replace('{', '{"conversation_id":"c2",'), env).reachedNode).toBe(true);
  });
});

it('hands the node command on unchanged, and knows it again', () => {
  const command = prefilteredCommand(AGENTS.gemini, 'gemini', 'npx blast-radius hook gemini');
  expect(command.endsWith(`| npx blast-radius hook gemini`)).toBe(true);
  expect(nodeCommandOf(command)).toBe('npx blast-radius hook gemini');
  expect(nodeCommandOf('blast-radius hook gemini')).toBe('blast-radius hook gemini');
});
