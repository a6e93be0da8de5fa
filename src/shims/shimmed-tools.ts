// The table of tools the shims stand in for (their words are read by src/tools/tool-readers.ts, as the hook reads
// them): what each one's POSIX shell fast path may run at once without starting node.
import type { FlagTable } from '../tools/flag-grammar.js';
import { HELM_GLOBALS, HELM_READ_ONLY } from '../tools/helm-grammar.js';
import { KUBECTL_GLOBALS, KUBECTL_READ_ONLY } from '../tools/kubectl-grammar.js';
import { TERRAFORM_READ_ONLY } from '../tools/terraform-grammar.js';
import { CLI_CATALOGS } from '../tools/cli/catalogs.js';
import { DATABASE_CLIENTS } from '../tools/database/read-database-command.js';

/**
 * What the shell fast path runs at once. `command`: skip the global options (a table's, or terraform's `-chdir=`),
 * then the command (and, for the listed ones, its verb) must be read-only. `absent`: read-only unless one of the
 * words appears anywhere (tools whose options blast-radius does not model word by word). `none`: always read by node
 * (database clients, whose statements hide inside words, files and standard input).
 */
export type FastPath =
  | { kind: 'command'; globals?: FlagTable; inlineGlobals?: string[]; readOnly: string[]; readOnlyVerbs?: Record<string, string[]> }
  | { kind: 'absent'; words: string[] }
  | { kind: 'none' };

export interface ShimmedTool {
  fastPath: FastPath;
}

const TERRAFORM: ShimmedTool = {
  fastPath: {
    kind: 'command',
    inlineGlobals: ['-chdir'],
    readOnly: TERRAFORM_READ_ONLY,
    readOnlyVerbs: { state: ['list', 'show', 'pull'], workspace: ['list', 'show', 'select', 'new'] },
  },
};
const KUBECTL: ShimmedTool = { fastPath: { kind: 'command', globals: KUBECTL_GLOBALS, readOnly: KUBECTL_READ_ONLY } };

/**
 * Each catalogued CLI: read-only unless a word of some operation's command, or a flag that makes one destructive,
 * appears (`aws s3 ls` runs at once; `aws rds delete-db-instance …` goes to node, which reads it against the catalog).
 */
const CATALOGUED: Record<string, ShimmedTool> = Object.fromEntries(
  CLI_CATALOGS.flatMap((catalog) => {
    const words = [...new Set(catalog.operations.flatMap((operation) => [operation.command.at(-1) as string, ...(operation.onlyWith ?? [])]))].sort();
    return catalog.programs.map((program) => [program, { fastPath: { kind: 'absent', words } }]);
  }),
);

export const SHIMMED_TOOLS: Record<string, ShimmedTool> = {
  ...CATALOGUED,
  ...Object.fromEntries(DATABASE_CLIENTS.map((client) => [client, { fastPath: { kind: 'none' } }])),
  terraform: TERRAFORM,
  tofu: TERRAFORM,
  terragrunt: { fastPath: { kind: 'absent', words: ['apply', 'destroy', 'apply-all', 'destroy-all', 'state', 'workspace'] } },
  kubectl: KUBECTL,
  oc: {
    ...KUBECTL,
    fastPath: { kind: 'command', globals: KUBECTL_GLOBALS, readOnly: [...KUBECTL_READ_ONLY, 'status', 'whoami', 'projects', 'project', 'login', 'logout'] },
  },
  kubecolor: KUBECTL,
  helm: { fastPath: { kind: 'command', globals: HELM_GLOBALS, readOnly: HELM_READ_ONLY } },
  helmfile: { fastPath: { kind: 'absent', words: ['apply', 'sync', 'destroy', 'delete', 'charts'] } },
};
