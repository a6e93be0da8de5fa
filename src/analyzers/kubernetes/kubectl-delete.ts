// Reads `kubectl delete [--dry-run=server|client]` output (kubectl cmd/delete/delete.go PrintObj):
// `kind[.group] "name" [force ]deleted[ from NS namespace][ (server dry run)| (dry run)]` — the namespace since
// kubectl 1.34, for namespaced objects only — and `-o name` (`kind[.group]/name`), plus kubectl's errors.
import type { KubeReading } from './kube-change.js';
import { printedObject } from './printed-object.js';
import { readKubectlOutput } from './read-kubectl-output.js';

export const DELETED_LINE = /^([a-z0-9][a-z0-9.-]*) "([^"]+)" (force )?deleted(?: from ([a-z0-9-]+) namespace)?(?: \((?:server )?dry run\))?$/;
export const NAME_LINE = /^([a-z0-9][a-z0-9.-]*)\/([^\s/]+)$/;
/** Printed when nothing matched the selector: nothing is deleted. */
const NO_RESOURCES = /^No resources found(?: in \S+ namespace)?\.?$/;

/** Every object `kubectl delete` output names, and the objects its errors name. Pure: no I/O. */
export function readKubectlDelete(text: string, file: string): KubeReading {
  return readKubectlOutput(text, file, 'kubectl-delete', (lines, index) => {
    const line = lines[index];
    if (NO_RESOURCES.test(line)) return { changes: [], next: index + 1 };
    const deleted = DELETED_LINE.exec(line) ?? NAME_LINE.exec(line);
    if (!deleted) return undefined;
    const [, kind, name, force, namespace] = deleted as unknown as [string, string, string, string | undefined, string | undefined];
    const { id, namespaceKnown } = printedObject(kind, name, namespace);
    const reason = force === undefined ? {} : { reason: 'it is force deleted (grace period 0)' };
    return { changes: [{ id, action: 'delete', ...reason, facts: {}, evidence: 'name', namespaceKnown }], next: index + 1 };
  });
}
