// Reads `kubectl apply [--dry-run=server|client] [--prune] [--server-side]` text output: one line per object,
// `kind[.group]/name OPERATION[ (server dry run)| (dry run)]` (cli-runtime printers/name.go; operations from
// kubectl cmd/apply/apply.go and prune.go), and the errors kubectl prints when piped with 2>&1.
import type { KubeAction, KubeReading } from './kube-change.js';
import { printedObject } from './printed-object.js';
import { readKubectlOutput } from './read-kubectl-output.js';

/** `deployment.apps/web configured (server dry run)`; a name holds no `/` or space. */
export const APPLY_LINE = /^([a-z0-9][a-z0-9.-]*)\/([^\s/]+) (created|configured|unchanged|pruned|serverside-applied)(?: \((?:server )?dry run\))?$/;

const ACTIONS: Record<string, { action: KubeAction; reason?: string }> = {
  created: { action: 'create' },
  configured: { action: 'update' },
  unchanged: { action: 'no-op' },
  pruned: { action: 'delete', reason: 'it is no longer in the applied manifests (kubectl apply --prune)' },
  // Server-side apply does not say whether it created or changed the object; neither destroys anything.
  'serverside-applied': { action: 'update', reason: 'it is server-side applied (created or updated)' },
};

/** Every object `kubectl apply` output names, and the objects its errors name. Pure: no I/O. */
export function readKubectlApply(text: string, file: string): KubeReading {
  return readKubectlOutput(text, file, 'kubectl-apply', (lines, index) => {
    const applied = APPLY_LINE.exec(lines[index]);
    if (!applied) return undefined;
    const [, kind, name, operation] = applied as unknown as [string, string, string, string];
    const { action, reason } = ACTIONS[operation];
    const { id, namespaceKnown } = printedObject(kind, name);
    return { changes: [{ id, action, ...(reason === undefined ? {} : { reason }), facts: {}, evidence: 'name', namespaceKnown }], next: index + 1 };
  });
}
