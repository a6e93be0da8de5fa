// Reads a terraform, tofu or terragrunt invocation as they do and says whether it can destroy something: apply and
// destroy (guard checks terraform's and tofu's), `state rm`, `state push`, `workspace delete` and terragrunt's applies
// (a person runs those); help, plans and every other command destroy nothing.
import { goBoolean, goFlags, TERRAFORM_HELP, TERRAGRUNT_ALIASES, TERRAGRUNT_PREFIXES } from './terraform-grammar.js';
import type { Destructive, ToolReader } from './destructive.js';

/** Index of the command: after global options (`-chdir=…`) and, for terragrunt, its run-all prefixes. */
function commandAt(words: readonly string[], terragrunt: boolean): number {
  let at = 1;
  while (at < words.length) {
    const word = words[at];
    if (terragrunt && TERRAGRUNT_PREFIXES.has(word)) at++;
    else if (word.startsWith('-') && word !== '--') at++;
    else break;
  }
  return at;
}

function changesState(tool: string, command: string, args: readonly string[]): Destructive | undefined {
  const [verb, ...rest] = args;
  const parsed = goFlags(rest);
  const preview = [tool, 'plan'];
  if (command === 'state' && (verb === 'rm' || verb === 'remove')) {
    if (goBoolean(parsed, 'dry-run')) return undefined;
    return {
      why: `${tool} state rm makes ${tool} forget live resources outside any reviewed plan; a later apply may re-create or orphan them.`,
      preview: [tool, 'state', 'rm', '-dry-run', ...rest],
    };
  }
  if (command === 'state' && verb === 'push') {
    const force = goBoolean(parsed, 'force') ? ' with -force, even over a newer or unrelated state' : '';
    return { why: `${tool} state push replaces the recorded state${force}, which can make ${tool} forget or destroy live resources.`, preview };
  }
  if (command === 'workspace' && verb === 'delete') {
    return {
      why: `${tool} workspace delete deletes the workspace's state${goBoolean(parsed, 'force') ? ', with -force even while it still tracks live resources' : ''}, leaving them unmanaged.`,
      preview: [tool, 'workspace', 'show'],
    };
  }
  return undefined;
}

export const terraformVerdict: ToolReader = (words) => {
  const tool = words[0];
  const terragrunt = tool === 'terragrunt';
  const at = commandAt(words, terragrunt);
  const written = words[at] ?? '';
  const command = Object.hasOwn(TERRAGRUNT_ALIASES, written) ? TERRAGRUNT_ALIASES[written] : written;
  const args = words.slice(at + 1);
  const parsed = goFlags(args);
  if (
    words.slice(1, at).some((word) => TERRAFORM_HELP.has(word)) ||
    parsed.flags.some((flag) => TERRAFORM_HELP.has(`-${flag.name}`) && flag.value === undefined)
  )
    return undefined;
  const destroys = command === 'destroy' || (command === 'apply' && goBoolean(parsed, 'destroy'));
  if (command === 'apply' || command === 'destroy') {
    const why = destroys
      ? `${tool} ${command}${command === 'apply' ? ' -destroy' : ''} destroys every resource of the configuration, production included, without a check.`
      : `${tool} apply would change infrastructure without checking whether the plan deletes or replaces production resources.`;
    if (terragrunt) return { why, preview: ['terragrunt', ...words.slice(1, at), 'plan', ...(destroys ? ['-destroy'] : [])] };
    return {
      why,
      guardChecks: destroys
        ? 'it plans the destroy, checks the plan, refuses if production would be destroyed, and applies exactly the checked plan otherwise'
        : 'it saves a plan, checks it, and applies exactly that plan only when nothing protected is destroyed',
    };
  }
  return changesState(tool, command, args);
};
