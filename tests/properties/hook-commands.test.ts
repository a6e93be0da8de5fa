// Property tests (fast-check, fixed seed) on the agent hook: a destructive invocation of terraform, tofu, terragrunt,
// kubectl, oc or helm, however it is quoted, wrapped, nested, substituted or joined to other commands, is never let
// through: decide() denies it, and so does the hook entry (library and built CLI).
import fc from 'fast-check';
import { AGENTS } from '../../src/agents/index.js';
import { decide } from '../../src/hooks/decide.js';
import { runHook } from '../../src/hooks/run-hook.js';
import { runCli } from '../helpers/run-cli.js';
import { fuzzOptions, fuzzTimeout } from './fuzz-options.js';

/** Destructive invocations, as words; the first is the program. */
const DESTRUCTIVE: string[][] = [
  ['terraform', 'apply'],
  ['terraform', 'apply', '-auto-approve'],
  ['terraform', 'destroy'],
  ['terraform', '-chdir=infra/prod', 'apply', '-auto-approve'],
  ['terraform', 'apply', '-destroy'],
  ['terraform', 'state', 'rm', 'aws_db_instance.main'],
  ['tofu', 'apply'],
  ['tofu', 'destroy', '-auto-approve'],
  ['terragrunt', 'run-all', 'destroy'],
  ['kubectl', 'delete', 'namespace', 'prod'],
  ['kubectl', '-n', 'prod', 'delete', 'deployment', 'web'],
  ['kubectl', 'apply', '--prune', '-l', 'app=web', '-f', 'k8s/'],
  ['kubectl', 'replace', '--force', '-f', 'db.yaml'],
  ['kubectl', 'scale', 'statefulset/db', '--replicas=0'],
  ['kubectl', 'drain', 'node-1'],
  ['oc', 'delete', 'project', 'payments'],
  ['helm', 'uninstall', 'payments'],
  ['helm', 'upgrade', 'payments', './chart'],
  ['helm', '-n', 'prod', 'rollback', 'payments', '3'],
];

const PROGRAM_PATHS = ['', '/usr/local/bin/', '/usr/bin/', './', '~/bin/', '/opt/homebrew/bin/'];

/** Ways to write one word that the shell reads as the same word. */
const QUOTINGS: ((word: string) => string)[] = [
  (w) => w,
  (w) => `'${w}'`,
  (w) => `"${w}"`,
  (w) => `${w.slice(0, 1)}''${w.slice(1)}`,
  (w) => `${w.slice(0, 2)}"${w.slice(2)}"`,
  (w) => (/^[a-z]/.test(w) ? `\\${w}` : w),
  (w) => `$'${w}'`,
];

const WRAPPERS = [
  'env TF_LOG=DEBUG',
  'TF_IN_AUTOMATION=1',
  'sudo',
  'sudo -E',
  'sudo -u deploy',
  'nice -n 10',
  'timeout 600',
  'timeout -s KILL 5m',
  'nohup',
  'time',
  'command',
  'exec',
  'npx',
  'xargs',
  'stdbuf -o0',
  'ionice -c 3',
  'env -u AWS_PROFILE',
];

const singleQuoted = (script: string): string => `'${script.replace(/'/g, `'\\''`)}'`;
const doubleQuoted = (script: string): string => `"${script.replace(/["\\$`]/g, '\\$&')}"`;

/** Ways to run a script inside another: nested shells, eval, subshells, groups, substitutions, control flow. */
const CONTAINERS: ((script: string) => string)[] = [
  (s) => `bash -c ${singleQuoted(s)}`,
  (s) => `sh -c ${doubleQuoted(s)}`,
  (s) => `bash -lc ${singleQuoted(s)}`,
  (s) => `eval ${singleQuoted(s)}`,
  (s) => `(${s})`,
  (s) => `{ ${s}; }`,
  (s) => `echo "$(${s})"`,
  (s) => (s.includes('`') ? `echo $(${s})` : `echo \`${s}\``),
  (s) => `if true; then ${s}; fi`,
  (s) => `for d in a b; do ${s}; done`,
  (s) => `f() { ${s}; }; f`,
  (s) => `bash <<'EOF'\n${s}\nEOF`,
  (s) => `diff <(${s}) expected.txt`,
];

const SEPARATORS = ['; ', ' && ', ' || ', ' | ', '\n', ' & '];
const BENIGN = ['echo start', 'cd infra', 'ls -la', 'git status', 'make plan', 'true'];

const destructiveCommand = fc
  .record({
    words: fc.constantFrom(...DESTRUCTIVE),
    path: fc.constantFrom(...PROGRAM_PATHS),
    quoting: fc.array(fc.nat(QUOTINGS.length - 1), { minLength: 8, maxLength: 8 }),
    wrappers: fc.array(fc.constantFrom(...WRAPPERS), { maxLength: 3 }),
    containers: fc.array(fc.nat(CONTAINERS.length - 1), { maxLength: 3 }),
    before: fc.option(fc.tuple(fc.constantFrom(...BENIGN), fc.constantFrom(...SEPARATORS))),
    after: fc.option(fc.tuple(fc.constantFrom(...SEPARATORS), fc.constantFrom(...BENIGN))),
  })
  .map(({ words, path, quoting, wrappers, containers, before, after }) => {
    const [program, ...args] = words as [string, ...string[]];
    const quoted = [`${path}${program}`, ...args].map((word, i) => (path.startsWith('~') && i === 0 ? word : QUOTINGS[quoting[i % quoting.length]](word)));
    let script = [...wrappers, ...quoted].join(' ');
    for (const container of containers) script = CONTAINERS[container](script);
    return `${before ? before.join('') : ''}${script}${after ? after.join('') : ''}`;
  });

it(
  'never lets a destructive invocation through, however it is written',
  async () => {
    await fc.assert(
      fc.asyncProperty(destructiveCommand, async (command) => {
        expect((await decide(command)).verdict).toBe('deny');
      }),
      fuzzOptions(400, [
        ["echo start; sudo -E env TF_LOG=1 timeout 60 bash -c 'cd infra && \\terraform '\\''apply'\\'''"],
        // Found by this property: tree-sitter-bash read a line starting with a backslash as words of the line before.
        ['echo start\n\\terraform apply'],
        ["bash <<'EOF'\ntrue\n\\kubectl delete ns prod\nEOF"],
      ]),
    );
  },
  fuzzTimeout(30_000),
);

/** What each agent sends for a shell command (docs/agents.md), reduced to the fields the adapters read. */
const PAYLOADS: Record<keyof typeof AGENTS, (command: string) => unknown> = {
  'claude-code': (command) => ({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } }),
  cursor: (command) => ({ hook_event_name: 'beforeShellExecution', command, cwd: '/proj' }),
  gemini: (command) => ({ hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command } }),
  codex: (command) => ({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: ['bash', '-lc', command] } }),
};

/** Each agent's answer to a pass is exit 0 with the output it gives for any command the hook does not refuse. */
async function passAnswer(agent: keyof typeof AGENTS): Promise<unknown> {
  return runHook(AGENTS[agent], JSON.stringify(PAYLOADS[agent]('ls -la')));
}

it(
  'never answers a destructive invocation the way it answers a harmless command, for any agent',
  async () => {
    const passes = new Map<string, unknown>();
    for (const agent of Object.keys(AGENTS) as (keyof typeof AGENTS)[]) passes.set(agent, await passAnswer(agent));
    await fc.assert(
      fc.asyncProperty(destructiveCommand, fc.constantFrom(...(Object.keys(AGENTS) as (keyof typeof AGENTS)[])), async (command, agent) => {
        const answer = await runHook(AGENTS[agent], JSON.stringify(PAYLOADS[agent](command)));
        expect(answer).not.toEqual(passes.get(agent));
        expect(JSON.stringify(answer)).toMatch(/blast-radius refused this command/);
      }),
      fuzzOptions(60),
    );
  },
  fuzzTimeout(20_000),
);

it('the built hook refuses sampled destructive commands, with no stack trace', () => {
  const samples = fc.sample(destructiveCommand, { seed: 20261125, numRuns: 3 });
  for (const command of samples) {
    const result = runCli(['hook', 'claude-code'], { input: JSON.stringify(PAYLOADS['claude-code'](command)) });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  }
});
