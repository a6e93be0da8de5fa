// Classifies terraform / tofu / terragrunt invocations: apply, destroy, apply -destroy and state rm change infrastructure.
import { guarded, type InvocationClassifier } from './invocation.js';

/** Terragrunt words that come before the Terraform subcommand: `terragrunt run-all destroy`, `terragrunt run --all -- apply`. */
const TERRAGRUNT_PREFIXES = new Set(['run-all', 'run', '--all', '-all', '--']);

function subcommandIndex(words: string[]): number {
  let i = 1;
  while (i < words.length) {
    const word = words[i] as string;
    if (word.startsWith('-') && word !== '--') i++;
    else if (TERRAGRUNT_PREFIXES.has(word)) i++;
    else break;
  }
  return i;
}

function isFlag(word: string, name: string): boolean {
  return word === `-${name}` || word === `--${name}` || word === `-${name}=true` || word === `--${name}=true`;
}

/** Old terragrunt spellings of the run-all forms. */
const TERRAGRUNT_ALIASES: Record<string, string> = { 'apply-all': 'apply', 'destroy-all': 'destroy' };

export const classifyTerraform: InvocationClassifier = (words, command) => {
  const at = subcommandIndex(words);
  const written = words[at] ?? '';
  const subcommand = Object.hasOwn(TERRAGRUNT_ALIASES, written) ? TERRAGRUNT_ALIASES[written] : written;
  const rest = words.slice(at + 1);
  const tool = words[0] as string;
  if (subcommand === 'destroy' || (subcommand === 'apply' && rest.some((w) => isFlag(w, 'destroy')))) {
    return {
      command,
      why: `${tool} ${subcommand}${subcommand === 'apply' ? ' -destroy' : ''} destroys every resource of the configuration, production included, without a check.`,
      instead: `Run \`${guarded(words)}\`: it plans the destroy, checks the plan, refuses if production would be destroyed, and applies exactly the checked plan otherwise.`,
    };
  }
  if (subcommand === 'apply') {
    return {
      command,
      why: `${tool} apply would change infrastructure without checking whether the plan deletes or replaces production resources.`,
      instead: `Run \`${guarded(words)}\`: it saves a plan, checks it, and applies exactly that plan only when nothing protected is destroyed.`,
    };
  }
  if (subcommand === 'state' && (rest[0] === 'rm' || rest[0] === 'remove')) {
    return {
      command,
      why: `${tool} state rm makes Terraform forget live resources outside any reviewed plan.`,
      instead:
        'Add a `removed` block with `lifecycle { destroy = false }` for the resource instead, and apply it through `blast-radius guard -- terraform apply`.',
    };
  }
  return undefined;
};
