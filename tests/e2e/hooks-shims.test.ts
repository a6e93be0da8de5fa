// The session start puts the guard shims first on PATH through the agent's own environment file (Claude Code's
// CLAUDE_ENV_FILE, sourced before each Bash command): once, however often the session starts again; agents without
// such a file are left to the profile line of docs/agents.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';
import { neutralShell } from '../hooks/neutral-shell.js';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const start = (agent: string, source: string, env: NodeJS.ProcessEnv) =>
  runCli(['hook', agent], { input: JSON.stringify({ session_id: 's', cwd: scratch.path, hook_event_name: 'SessionStart', source }), env });

it('writes the PATH line to CLAUDE_ENV_FILE once, and a shell sourcing it finds the shims first', () => {
  const home = join(scratch.path, 'claude');
  const envFile = join(scratch.path, 'claude-env.sh');
  const env = { ...neutralShell(home, scratch.path), CLAUDE_ENV_FILE: envFile, XDG_DATA_HOME: '' };
  for (const source of ['startup', 'resume', 'compact']) expect(start('claude-code', source, env)).toEqual({ code: 0, stdout: '', stderr: '' });
  const shims = join(home, '.local/share/blast-radius/shims');
  expect(readFileSync(envFile, 'utf8')).toBe(`export PATH='${shims}':"$PATH"\n`);
  const found = spawnSync('bash', ['-c', `. '${envFile}'; command -v kubectl terraform helm`], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
  expect(found.stdout).toBe(['kubectl', 'terraform', 'helm'].map((tool) => `${join(shims, tool)}\n`).join(''));
});

it('says on stderr when the shims cannot be written, and still answers the session start', () => {
  const home = join(scratch.path, 'unwritable');
  // A file where the data directory should be: nothing can be created below it.
  const env = { ...neutralShell(home, scratch.path), CLAUDE_ENV_FILE: join(scratch.path, 'unused-env.sh'), XDG_DATA_HOME: scratch.write('a-file', '') };
  const result = start('claude-code', 'startup', env);
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/^blast-radius: the shims were not put on this session's PATH: /);
  expect(existsSync(join(scratch.path, 'unused-env.sh'))).toBe(false);
});

it.each(['codex', 'gemini'])('leaves %s, which sources no such file, alone', (agent) => {
  const home = join(scratch.path, agent);
  const envFile = join(scratch.path, `${agent}-env.sh`);
  expect(start(agent, 'startup', { ...neutralShell(home, scratch.path), CLAUDE_ENV_FILE: envFile })).toEqual({ code: 0, stdout: '', stderr: '' });
  expect(existsSync(envFile)).toBe(false);
  expect(existsSync(join(home, '.local/share/blast-radius'))).toBe(false);
});
