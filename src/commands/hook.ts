// The `hook` command: `hook <agent>` answers one agent hook call (bin/ routes it to a lean entry first);
// `hook install|uninstall <agent>` adds or removes blast-radius in that agent's settings file.
import { relative, resolve } from 'node:path';
import type { CommandSpec } from './kit/command-spec.js';
import { EXIT_PASS, UsageError } from '../errors.js';
import { AGENTS } from '../agents/index.js';
import { AGENT_NAMES, isAgentName, type AgentName } from '../agents/names.js';
import type { Scope } from '../hooks/install/install-target.js';
import { nodeCommandOf, prefilteredCommand } from '../hooks/install/prefilter-command.js';
import { projectRoot } from '../hooks/install/project-root.js';
import { readSettings, writeSettings } from '../hooks/install/settings-file.js';

interface HookArgs {
  words: string[];
  scope: string;
  command?: string;
}

const AGENT_LIST = AGENT_NAMES.join(', ');

function agentOf(name: string | undefined): AgentName {
  if (!isAgentName(name)) throw new UsageError(`Name the agent: one of ${AGENT_LIST}.`);
  return name;
}

function install(action: 'install' | 'uninstall', agent: AgentName, scope: Scope, command: string): void {
  const target = AGENTS[agent].install;
  // The project's settings live at the root of its repository, wherever in it the command is run.
  const root = projectRoot(process.cwd());
  const path = target.path(scope, root);
  const atRoot = root === resolve(process.cwd()) ? '' : ` (at the root of the repository)`;
  const shown = scope === 'project' ? `${relative(process.cwd(), path)}${atRoot}` : path;
  const settings = readSettings(path);
  const changed = action === 'install' ? target.add(settings, command, path) : target.remove(settings, command);
  if (!changed) {
    process.stdout.write(`${shown}: ${action === 'install' ? 'the hook is there already' : 'no blast-radius hook to remove'}; nothing changed.\n`);
    return;
  }
  writeSettings(path, settings);
  process.stdout.write(
    `${shown}: ${action === 'install' ? 'added' : 'removed'} the ${agent} hook \`${nodeCommandOf(command)}\`${action === 'install' ? ' behind its shell pre-filter' : ''}.\n`,
  );
  if (action === 'install') process.stdout.write(`${target.shims}\n`);
}

const command: CommandSpec<HookArgs> = {
  usage: 'hook <action-or-agent> [agent]',
  describe: `Answer a coding agent's pre-command hook (${AGENT_LIST}), or install / uninstall it.`,
  positional: {
    name: 'words',
    describe: `<agent>, or install <agent>, or uninstall <agent>; agents: ${AGENT_LIST}.`,
    parts: {
      'action-or-agent': `install or uninstall, or the agent whose hook call to answer (${AGENT_LIST}).`,
      agent: 'The agent whose hook to install or uninstall.',
    },
  },
  exitCodes:
    'Exit codes: 0 the hook call answered (the agent reads allow or deny from standard output) or the settings written, 2 usage error (an agent reads it as deny).',
  options: {
    scope: {
      type: 'string',
      default: 'project',
      choices: ['project', 'user'],
      describe: 'Settings file to change: this project (at the root of its git repository) or your user.',
    },
    command: { type: 'string', describe: 'Command the agent runs (default: `blast-radius hook <agent>`).' },
  },
  examples: [
    ['$0 hook install claude-code', 'Add the PreToolUse hook to .claude/settings.json.'],
    ['$0 hook install cursor --scope user', 'Add the beforeShellExecution hook to ~/.cursor/hooks.json.'],
    ['$0 hook uninstall gemini', 'Remove it from .gemini/settings.json again.'],
  ],
  run: async (args) => {
    const [first, second, ...extra] = args.words;
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
    if (first === 'install' || first === 'uninstall') {
      const agent = agentOf(second);
      const nodeCommand = args.command ?? `blast-radius hook ${agent}`;
      install(first, agent, args.scope as Scope, first === 'install' ? prefilteredCommand(AGENTS[agent], agent, nodeCommand) : nodeCommand);
      return EXIT_PASS;
    }
    if (second !== undefined) throw new UsageError(`Unexpected argument "${second}".`);
    const { hookMain } = await import('../hooks/hook-main.js');
    return hookMain(agentOf(first));
  },
};

export default command;
