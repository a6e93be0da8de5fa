// Splits a `terraform apply|destroy …` command line into what the guarded run needs: the options for `plan`, the
// options a saved plan can still be applied with, and a saved plan file when one was named.
import { UsageError } from '../errors.js';
import { TERRAFORM_VALUE_OPTIONS } from '../tools/terraform-grammar.js';

export interface TerraformInvocation {
  /** `terraform`, `tofu`, or a path to either. */
  binary: string;
  /** Options before the subcommand (`-chdir=infra`). */
  globalArgs: string[];
  destroy: boolean;
  /** -auto-approve was given: nobody is asked before the apply. */
  autoApprove: boolean;
  planArgs: string[];
  applyArgs: string[];
  /** `terraform apply tfplan`: the plan file to check and apply instead of planning anew. */
  savedPlan?: string;
}

/** Options `apply` of a saved plan still accepts (and `plan` too). */
const SHARED_OPTIONS = new Set(['lock', 'lock-timeout', 'input', 'no-color', 'parallelism', 'compact-warnings']);
/** Options only `apply` takes: kept for it, never given to `plan`. */
const APPLY_ONLY_OPTIONS = new Set(['state', 'state-out', 'backup']);
/** Options that make no sense once the plan is checked: a saved plan is applied without a prompt anyway. */
const DROPPED_OPTIONS = new Set(['auto-approve']);

function isBoolTrue(arg: string): boolean {
  return !arg.includes('=') || /=(true|1)$/.test(arg);
}

export function parseTerraformInvocation(words: string[]): TerraformInvocation {
  const [binary = 'terraform', ...rest] = words;
  const name = binary.slice(binary.lastIndexOf('/') + 1);
  if (name !== 'terraform' && name !== 'tofu') {
    throw new UsageError(`blast-radius guard plans with terraform or tofu; "${name}" is neither (terragrunt is not guarded).`);
  }
  const at = rest.findIndex((word) => !word.startsWith('-'));
  const subcommand = rest[at];
  if (subcommand !== 'apply' && subcommand !== 'destroy') {
    throw new UsageError(`blast-radius guard runs \`${name} apply\` or \`${name} destroy\`; "${subcommand ?? ''}" needs no guard.`);
  }
  const invocation: TerraformInvocation = {
    binary,
    globalArgs: rest.slice(0, at),
    destroy: subcommand === 'destroy',
    autoApprove: false,
    planArgs: [],
    applyArgs: [],
  };
  const args = rest.slice(at + 1);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-')) {
      if (invocation.savedPlan !== undefined || invocation.destroy) throw new UsageError(`Unexpected argument "${arg}" for ${name} ${subcommand}.`);
      invocation.savedPlan = arg;
      continue;
    }
    const option = arg.replace(/^-+/, '').split('=')[0];
    const words = TERRAFORM_VALUE_OPTIONS.has(option) && !arg.includes('=') && i + 1 < args.length ? [arg, args[++i]] : [arg];
    if (option === 'destroy') invocation.destroy = isBoolTrue(arg);
    else if (DROPPED_OPTIONS.has(option)) invocation.autoApprove = isBoolTrue(arg);
    else if (SHARED_OPTIONS.has(option)) {
      invocation.planArgs.push(...words);
      invocation.applyArgs.push(...words);
    } else if (APPLY_ONLY_OPTIONS.has(option)) invocation.applyArgs.push(...words);
    else invocation.planArgs.push(...words);
  }
  if (invocation.savedPlan !== undefined && invocation.planArgs.some((a) => !invocation.applyArgs.includes(a))) {
    throw new UsageError('A saved plan is applied as it is: planning options (-var, -target …) cannot be given with it.');
  }
  return invocation;
}
