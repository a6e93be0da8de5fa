// The table of tools whose words blast-radius reads, by program name (terraform, kubectl, helm … and every program of
// the CLI catalogs): the hook refuses from it, guard's shims decide from it. A command a tool runs elsewhere
// (`kubectl exec POD -- terraform destroy`, `docker exec db psql -c 'DROP …'`) is read through with the same table.
import { CATALOG_OF } from './cli/catalogs.js';
import { cliVerdict } from './cli/cli-verdict.js';
import { DATABASE_CLIENTS } from './database/read-database-command.js';
import { databaseVerdict } from './database-verdict.js';
import type { Destructive, ToolReader } from './destructive.js';
import { helmfileVerdict } from './helmfile-verdict.js';
import { helmVerdict } from './helm-verdict.js';
import { kubectlVerdict } from './kubectl-verdict.js';
import { terraformVerdict } from './terraform-verdict.js';

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh', 'busybox']);
/** A script that names a tool and, after it, a word that could make it destroy something. */
const MAY_DESTROY =
  /\b(terraform|tofu|terragrunt|kubectl|oc|kubecolor|helm|helmfile)\b.*\b(apply|destroy|delete|del|un|uninstall|upgrade|rollback|drain|scale|replace|sync|patch|taint|rm|push)\b/s;

/** What `kubectl exec POD [--] cmd …` (and `oc exec`) runs in the pod: the words after `--`. */
function inPod(words: readonly string[], read: (words: readonly string[]) => Destructive | undefined): Destructive | undefined {
  if (!words.includes('exec')) return undefined;
  const end = words.indexOf('--');
  const inner = end === -1 ? [] : words.slice(end + 1);
  const program = (inner[0] ?? '').slice((inner[0] ?? '').lastIndexOf('/') + 1);
  const where = `${words[0]} exec`;
  if (SHELLS.has(program)) {
    const script = inner.slice(1).join(' ');
    const named = MAY_DESTROY.exec(script);
    return named
      ? { why: `${where} runs a shell script in the pod that runs ${named[1]} with \`${named[2]}\`, where blast-radius cannot check it.` }
      : undefined;
  }
  const found = read([program, ...inner.slice(1)]);
  return (
    found && { why: `${where} runs it in the pod, where blast-radius cannot check it: ${found.why}`, ...(found.preview ? { preview: found.preview } : {}) }
  );
}

/** `docker exec` options that take a value (docker, podman and nerdctl alike). */
const EXEC_VALUE_OPTIONS = new Set(['-u', '--user', '-w', '--workdir', '-e', '--env', '--env-file', '--detach-keys']);

/** What `docker|podman|nerdctl [container] exec [options] CONTAINER cmd …` runs in the container. */
function inContainer(words: readonly string[], read: (words: readonly string[]) => Destructive | undefined): Destructive | undefined {
  let at = words[1] === 'container' ? 2 : 1;
  if (words[at] !== 'exec') return undefined;
  at++;
  while (at < words.length && words[at].startsWith('-')) at += EXEC_VALUE_OPTIONS.has(words[at]) ? 2 : 1;
  const inner = words.slice(at + 1);
  const program = (inner[0] ?? '').slice((inner[0] ?? '').lastIndexOf('/') + 1);
  const found = read([program, ...inner.slice(1)]);
  return found && { ...found, why: `${words[0]} exec runs it in the container ${words[at] ?? ''}: ${found.why}` };
}

const CONTAINER_ENGINES = new Set(['docker', 'podman', 'nerdctl']);

const BASE: Record<string, ToolReader> = {
  terraform: terraformVerdict,
  tofu: terraformVerdict,
  terragrunt: terraformVerdict,
  kubectl: kubectlVerdict,
  oc: kubectlVerdict,
  kubecolor: kubectlVerdict,
  helm: helmVerdict,
  helmfile: helmfileVerdict,
  ...Object.fromEntries(Object.keys(CATALOG_OF).map((program) => [program, cliVerdict])),
  ...Object.fromEntries(DATABASE_CLIENTS.map((program) => [program, databaseVerdict])),
};

/** The program guard runs for a tool's guarded invocations, where it is another one: kubecolor runs kubectl. */
export const GUARD_PROGRAM_OF: Record<string, string> = { kubecolor: 'kubectl' };

/** The programs whose words are read. */
export const READ_TOOLS = Object.keys(BASE);

/** Reads words by their program's name (kubectl's with what runs in a pod); undefined for a program no reader knows. */
export const readTool: ToolReader = (words, context) => {
  const program = words[0] ?? '';
  const read = Object.hasOwn(BASE, program) ? BASE[program] : undefined;
  if (read === undefined) return undefined;
  const inner = (words: readonly string[]): Destructive | undefined => readTool(words, context);
  if (read === kubectlVerdict) return read(words, context) ?? inPod(words, inner);
  return read(words, context) ?? (CONTAINER_ENGINES.has(program) ? inContainer(words, inner) : undefined);
};
