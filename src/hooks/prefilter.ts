// The cheap first look at every shell command an agent runs: most commands never mention infrastructure tools, and
// pass here without loading a shell parser. It cannot be bypassed by quoting: quotes and backslashes are removed
// before matching, globs and braces that could spell a tool (`terr*form`, `{terraform,destroy}`) count as naming it,
// and expansions next to a destructive verb, ANSI-C strings, and decoders or escapes feeding a shell send the command
// on to the full parse.
import { expandBraces } from './shell/brace-expansion.js';
import { templatePattern, UNKNOWN } from './shell/template.js';

/** Programs whose invocations the hook judges. */
export const TOOL_NAMES = ['terraform', 'tofu', 'terragrunt', 'kubectl', 'oc', 'kubecolor', 'helm', 'helmfile', 'blast-radius'];

/** Words that make an invocation of one of those programs change infrastructure. */
export const DESTRUCTIVE_VERBS = [
  'apply',
  'destroy',
  'delete',
  'del',
  'un',
  'uninstall',
  'upgrade',
  'rollback',
  'drain',
  'replace',
  'prune',
  'scale',
  'rm',
  'remove',
  'approve',
  'apply-all',
  'destroy-all',
  'sync',
];

/**
 * Cloud, IaC, container and database CLIs whose catalogued operations the hook judges (src/catalog/cli-operations/,
 * and the database clients of src/tools/database/); listed here so that the pre-filter loads no catalog, and kept
 * equal to them by a test.
 */
export const CLI_NAMES = [
  'aws',
  'gcloud',
  'gsutil',
  'az',
  'pulumi',
  'cdk',
  'sam',
  'serverless',
  'sls',
  'docker',
  'podman',
  'nerdctl',
  'docker-compose',
  'psql',
  'mysql',
  'mariadb',
  'sqlcmd',
  'mongosh',
  'mongo',
  'redis-cli',
  'cqlsh',
];

/** Other names the tools go by: microk8s's `helm3`, the OpenTofu image `opentofu/opentofu`. */
export const TOOL_ALIASES = ['helm3', 'opentofu'];
const TOOL = new RegExp(`(^|[^A-Za-z0-9_-])(${[...TOOL_NAMES, ...CLI_NAMES, ...TOOL_ALIASES].join('|')})($|[^A-Za-z0-9_-])`);
const VERB = new RegExp(`(^|[^A-Za-z0-9_])-{0,2}(${DESTRUCTIVE_VERBS.join('|')})($|[^A-Za-z0-9_])`);
/** A word with a glob or a brace group: it may spell a tool only once bash expands it. */
const PATTERN_WORD = /[^\s;&|()<>]*[*?[{][^\s;&|()<>]*/g;
/** Programs that decode or transform text (`python` also with a version: `python3.12`). */
export const TEXT_TRANSFORMERS = [
  'base64',
  'base32',
  'basenc',
  'xxd',
  'openssl',
  'rev',
  'tr',
  'gunzip',
  'zcat',
  'bzcat',
  'xzcat',
  'zstdcat',
  'uudecode',
  'gzip',
  'xz',
  'zstd',
  'iconv',
  'sed',
  'awk',
  'perl',
  'python',
  'ruby',
  'node',
  'php',
];
/** Programs and builtins that run text as shell code. */
export const TEXT_RUNNERS = ['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'fish', 'eval', 'source', 'exec'];
/** Text transformers, and escapes that hide a name, next to something that runs text as code. */
const HIDING = new RegExp(
  `\\b(${TEXT_TRANSFORMERS.map((name) => (name === 'python' ? 'python[0-9.]*' : name)).join('|')})\\b|\\\\(x[0-9a-fA-F]|[0-7]{3}|u[0-9a-fA-F]{4})`,
);
const RUNS_TEXT = new RegExp(
  `(^|[^A-Za-z0-9_.-])(${TEXT_RUNNERS.join('|')})($|[^A-Za-z0-9_-])|(^|[;&|(]\\s*)\\.\\s|\\|\\s*(sudo\\s+)?(\\S*\\/)?(sh|bash|zsh|dash)\\b`,
);

/** The command text as the shell would see its words: quotes, backslashes and line continuations removed. */
export function unquoted(command: string): string {
  return command.replace(/\\\r?\n/g, '').replace(/["'\\]/g, '');
}

/** True when a glob or brace word of the text could be a tool's name once bash expands it (`terr*form`, `[t]erraform`). */
function patternNamesTool(text: string): boolean {
  for (const word of text.match(PATTERN_WORD) ?? []) {
    for (const expanded of expandBraces(word)) {
      const name = expanded.slice(expanded.lastIndexOf('/') + 1);
      if (TOOL.test(expanded)) return true;
      if (!/[*?[]/.test(name)) continue;
      const pattern = templatePattern(name.replace(/\[[^\]]*\]|[*?]/g, UNKNOWN));
      if (TOOL_NAMES.some((tool) => pattern.test(tool))) return true;
    }
  }
  return false;
}

export function mentionsTool(command: string): boolean {
  const text = unquoted(command);
  return TOOL.test(text) || patternNamesTool(text);
}

export function mentionsDestructiveVerb(command: string): boolean {
  const text = unquoted(command);
  return VERB.test(text) || expandBraces(text).some((expanded) => VERB.test(expanded));
}

/**
 * The tools code of another language names as a program is named: a word of its own (`"terraform destroy"`,
 * `['kubectl', …]`, `/usr/bin/helm`), not part of a file or directory name (`terraform.tfstate`, `infra/terraform/`).
 */
export function toolsNamedInCode(code: string): string[] {
  return TOOL_NAMES.filter((tool) => new RegExp(`(^|[^A-Za-z0-9_.-])${tool}(?![A-Za-z0-9_./-])`).test(code));
}

/**
 * True when the command needs the full parse: it names an infrastructure tool (or blast-radius's files, or the
 * variables that move its approvals store and compile cache), it builds a command at run time (`$T destroy`,
 * `terra$()form apply`, backticks) next to a destructive verb, it holds an ANSI-C string (`$'\x74erraform'`), or it
 * runs text as code next to a decoder or escapes (`echo … | base64 -d | sh`, `printf '\x74…' > f; sh f`), or it
 * applies a patch (whose files are named inside it).
 */
export function needsInspection(command: string): boolean {
  const text = unquoted(command);
  if (TOOL.test(text) || text.includes('BLAST_RADIUS_') || command.includes("$'")) return true;
  if (/[$`]/.test(command) && VERB.test(text)) return true;
  if (/[*?[{]/.test(text) && patternNamesTool(text)) return true;
  // A patch names what it changes inside itself: `git apply waive.patch` may change .blast-radius.yml.
  if (/(^|[^A-Za-z0-9_-])(git(\s+-\S+)*\s+(apply|am)|patch)($|[^A-Za-z0-9_-])/.test(text)) return true;
  return HIDING.test(command) && RUNS_TEXT.test(text);
}
