// Terraform's and OpenTofu's flag grammar (Go's flag package): `-name` or `--name`, `-name=value` or `-name value`
// for options that take one, booleans only with `=`; flags end at the first other word or at `--`.

/** Options of apply, destroy and plan that take a value as the next word when written without `=`. */
export const TERRAFORM_VALUE_OPTIONS = new Set([
  'var',
  'var-file',
  'target',
  'exclude',
  'replace',
  'lock-timeout',
  'parallelism',
  'state',
  'state-out',
  'backup',
  'out',
  'generate-config-out',
  'chdir',
]);

/** `-help`, `-h`, `--help`: terraform prints the command's help and changes nothing. */
export const TERRAFORM_HELP = new Set(['-help', '-h', '--help']);

/** Terragrunt words that come before the Terraform command: `terragrunt run-all destroy`, `terragrunt run --all -- apply`. */
export const TERRAGRUNT_PREFIXES = new Set(['run-all', 'run', '--all', '-all', '--', 'stack']);

/** Old terragrunt spellings of the run-all forms. */
export const TERRAGRUNT_ALIASES: Record<string, string> = { 'apply-all': 'apply', 'destroy-all': 'destroy' };

/** Commands that only read or prepare: the shims run these at once, without node (`state` and `workspace` need their verb). */
export const TERRAFORM_READ_ONLY = [
  'plan',
  'init',
  'fmt',
  'validate',
  'show',
  'output',
  'version',
  'providers',
  'graph',
  'get',
  'console',
  'metadata',
  'modules',
  'login',
  'logout',
  'test',
];

export interface GoFlags {
  /** Each flag's name (without dashes) and value as written (`undefined` for a bare boolean). */
  flags: { name: string; value?: string }[];
  /** The words after the flags. */
  positionals: string[];
}

/** Reads words as Go's flag package does: it stops at the first word that is not a flag, or after `--`. */
export function goFlags(words: readonly string[], valueOptions: ReadonlySet<string> = TERRAFORM_VALUE_OPTIONS): GoFlags {
  const flags: GoFlags['flags'] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === '--') return { flags, positionals: words.slice(i + 1) };
    if (!word.startsWith('-') || word === '-') return { flags, positionals: words.slice(i) };
    const body = word.replace(/^--?/, '');
    const equals = body.indexOf('=');
    const name = equals < 0 ? body : body.slice(0, equals);
    if (equals >= 0) flags.push({ name, value: body.slice(equals + 1) });
    else if (valueOptions.has(name) && i + 1 < words.length) flags.push({ name, value: words[++i] });
    else flags.push({ name });
  }
  return { flags, positionals: [] };
}

/** A Go boolean flag's last setting (`-destroy`, `-destroy=true`, `-destroy=false`); false when absent. */
export function goBoolean(parsed: GoFlags, name: string): boolean {
  const last = parsed.flags.filter((flag) => flag.name === name).at(-1);
  return last !== undefined && (last.value === undefined || /^(1|t|T|true|TRUE|True)$/.test(last.value));
}
