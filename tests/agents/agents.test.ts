// The agents table: every agent has every piece (the type says so, and these tests check the pieces work and are
// documented), so that adding an agent is one file and one row, and a forgotten piece fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from '../../src/agents/agent.js';
import { AGENTS } from '../../src/agents/index.js';
import { AGENT_NAMES } from '../../src/agents/names.js';
import type { Json } from '../../src/hooks/install/settings-file.js';
import { ROOT } from '../helpers/run-cli.js';

/** The members of Agent that an agent's file could leave out; none: each must be written, `undefined` where it lacks one. */
type Omittable = { [K in keyof Agent]-?: Omit<Agent, K> extends Agent ? K : never }[keyof Agent];
const everyPieceRequired: [Omittable] extends [never] ? true : false = true;

const AGENTS_DOC = readFileSync(join(ROOT, 'docs', 'agents.md'), 'utf8');
const APPROVALS_DOC = readFileSync(join(ROOT, 'docs', 'approvals.md'), 'utf8');
const REASON = 'terraform destroy would delete production';
const NOTICE = { forModel: 'this shell reaches production', forPerson: 'it reaches production' };

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

/** The cells of the row for `name` in the first table after the text `after` in `doc`. */
function tableRow(doc: string, after: string, name: string): string[] | undefined {
  const at = doc.indexOf(after);
  const section = at < 0 ? '' : doc.slice(at);
  const row = section.split('\n').find((line) => line.startsWith(`| ${name} |`));
  return row?.split(' | ').map((cell) => cell.replace(/^\| /, ''));
}

const text = (answer: { stdout?: string; stderr?: string }) => `${answer.stdout ?? ''}${answer.stderr ?? ''}`;

it('requires every piece of an agent in its type', () => {
  expect(everyPieceRequired).toBe(true);
});

it('has one row per name that `blast-radius hook <agent>` takes', () => {
  expect(Object.keys(AGENTS).sort()).toEqual([...AGENT_NAMES].sort());
});

it('gives no two agents the same session marker or settings file', () => {
  const variables = Object.values(AGENTS).flatMap((agent) => agent.sessionMarkers.map((m) => m.variable));
  expect(new Set(variables).size).toBe(variables.length);
  const files = Object.values(AGENTS).map((agent) => agent.install.path('project', '/proj', '/home/u'));
  expect(new Set(files).size).toBe(files.length);
});

describe.each<[string, Agent]>(Object.entries(AGENTS))('%s', (name, agent) => {
  it('has a display name and a section in docs/agents.md', () => {
    expect(agent.displayName).not.toBe('');
    const headings = AGENTS_DOC.split('\n').flatMap((line) => (line.startsWith('## ') ? [anchor(line.slice(3))] : []));
    expect(headings).toContain(agent.docsAnchor);
  });

  it('reads an empty payload as nothing to judge', () => {
    expect(agent.read({})).toEqual({});
  });

  it('reads its payloads as the shape the shell pre-filter is given says', () => {
    const { shellTools, sessionField, argvPrefix } = agent.payload;
    const shellPayload = (command: unknown, extra: Record<string, unknown> = {}) =>
      shellTools === undefined ? { command, ...extra } : { tool_name: shellTools[0], tool_input: { command }, ...extra };
    for (const tool of shellTools ?? []) expect(agent.read({ tool_name: tool, tool_input: { command: 'ls -la' } }).command).toBe('ls -la');
    if (shellTools === undefined) expect(agent.read({ command: 'ls -la' }).command).toBe('ls -la');
    if (sessionField !== undefined) expect(agent.read(shellPayload('ls', { [sessionField]: 'conv-1' })).session).toBe('conv-1');
    if (argvPrefix !== undefined) expect(agent.read(shellPayload([...argvPrefix, 'ls -la'])).command).toBe(`${argvPrefix.join(' ')} 'ls -la'`);
    expect(agent.notice.on === 'first-call').toBe(sessionField !== undefined);
  });

  it('denies with the reason, and passes with exit 0 without it', () => {
    const deny = agent.deny(REASON);
    expect(text(deny)).toContain(JSON.stringify(REASON).slice(1, -1));
    const pass = agent.pass();
    expect(pass.exitCode).toBe(0);
    expect(text(pass)).not.toContain(REASON);
    expect(pass).not.toEqual(deny);
  });

  it('asks exactly where docs/agents.md says its protocol can', () => {
    const row = tableRow(AGENTS_DOC, '### Which agents can ask', agent.displayName);
    expect(row).toBeDefined();
    expect(row?.[1]?.includes('"ask"')).toBe(agent.ask !== undefined);
    if (agent.ask) expect(text(agent.ask(REASON))).toContain(REASON);
  });

  it('carries the once-per-session notice to the model', () => {
    const channel = agent.notice;
    const answer = channel.on === 'session-start' ? channel.answer(NOTICE) : channel.pass(NOTICE);
    expect(answer.exitCode).toBe(0);
    expect(text(answer)).toContain(NOTICE.forModel);
    if (channel.on === 'first-call') expect(channel.agent).not.toBe('');
  });

  it('names no environment file in a shell that has none', () => {
    expect(agent.environmentFile?.({})).toBeUndefined();
  });

  it('installs into an empty settings object and uninstalls without a trace', () => {
    const command = `blast-radius hook ${name}`;
    const settings: Json = {};
    const path = agent.install.path('project', '/proj', '/home/u');
    expect(path.startsWith('/proj/')).toBe(true);
    expect(agent.install.path('user', '/proj', '/home/u').startsWith('/home/u/')).toBe(true);
    expect(agent.install.add(settings, command, path)).toBe(true);
    expect(JSON.stringify(settings)).toContain(command);
    expect(agent.install.add(settings, command, path)).toBe(false);
    expect(agent.install.remove(settings, command)).toBe(true);
    expect(JSON.stringify(settings)).not.toContain(command);
    expect(settings.hooks).toBeUndefined();
    expect(agent.install.remove(settings, command)).toBe(false);
    expect(agent.install.shims).toMatch(/shims/);
  });

  it('has session markers, each listed for it in docs/approvals.md', () => {
    expect(agent.sessionMarkers.length).toBeGreaterThan(0);
    const row = tableRow(APPROVALS_DOC, "inside a coding agent's session", agent.displayName)?.join(' | ') ?? '';
    for (const { variable, value } of agent.sessionMarkers) expect(row).toContain(`\`${variable}${value === undefined ? '' : `=${value}`}`);
  });
});
