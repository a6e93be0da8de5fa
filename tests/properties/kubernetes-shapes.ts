// Builds Kubernetes inputs around one object body, the way each tool prints it: kubectl diff of a pruned, created or
// updated object, helm-diff entries, `kubectl apply`/`kubectl delete` lines, and --deleting YAML and JSON. The
// properties put hostile values, keys and names in the body and read the same object in every format.

/** An object body as YAML lines, as kubectl and helm print it (keys sorted, two-space indent). */
export interface ObjectShape {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Top-level lines after metadata (`data:`, `spec:` …), already YAML. */
  rest: string[];
}

const quoted = (value: string): string => JSON.stringify(value);

export function bodyLines(shape: ObjectShape): string[] {
  const map = (entries: Record<string, string>): string[] => Object.entries(entries).map(([key, value]) => `    ${quoted(key)}: ${quoted(value)}`);
  return [
    `apiVersion: ${shape.apiVersion}`,
    `kind: ${shape.kind}`,
    'metadata:',
    ...(Object.keys(shape.annotations).length > 0 ? ['  annotations:', ...map(shape.annotations)] : []),
    ...(Object.keys(shape.labels).length > 0 ? ['  labels:', ...map(shape.labels)] : []),
    `  name: ${quoted(shape.name)}`,
    `  namespace: ${quoted(shape.namespace)}`,
    ...shape.rest,
  ];
}

export function bodyJson(shape: ObjectShape, rest: Record<string, unknown> = {}): Record<string, unknown> {
  const metadata: Record<string, unknown> = { name: shape.name, namespace: shape.namespace };
  if (Object.keys(shape.labels).length > 0) metadata.labels = shape.labels;
  if (Object.keys(shape.annotations).length > 0) metadata.annotations = shape.annotations;
  return { apiVersion: shape.apiVersion, kind: shape.kind, metadata, ...rest };
}

/** `apps/v1` → `apps.v1`, `v1` → `v1`: the prefix of kubectl diff's file names. */
const fileVersion = (apiVersion: string): string => apiVersion.replace('/', '.');
const apiGroup = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : apiVersion);

function diffHeaders(shape: ObjectShape, pruned: boolean): string[] {
  const file = `${fileVersion(shape.apiVersion)}.${shape.kind}.${shape.namespace}.${shape.name}`;
  const stamp = '2025-06-12 09:41:07.318274515 +0000';
  return [
    `diff -u -N /tmp/LIVE-2417386509/${file} /tmp/MERGED-1360771841/${file}`,
    `--- /tmp/LIVE-2417386509/${file}\t${stamp}`,
    `+++ /tmp/MERGED-1360771841/${file}\t${pruned ? '1970-01-01 00:00:00.000000000 +0000' : stamp}`,
  ];
}

/** `kubectl diff --prune` of an object that is pruned: its whole live body, removed. */
export function kubectlDiffPruned(body: string[], shape: ObjectShape): string {
  return [...diffHeaders(shape, true), `@@ -1,${body.length} +0,0 @@`, ...body.map((l) => `-${l}`), ''].join('\n');
}

/** `kubectl diff` of an object that is created: its whole merged body, added. */
export function kubectlDiffCreated(body: string[], shape: ObjectShape): string {
  return [...diffHeaders(shape, false), `@@ -0,0 +1,${body.length} @@`, ...body.map((l) => `+${l}`), ''].join('\n');
}

/** `kubectl diff` of an object that changes from `live` to `merged`: one hunk, the whole body as context and changes. */
export function kubectlDiffUpdated(live: string[], merged: string[], shape: ObjectShape): string {
  const lines: string[] = [];
  const length = Math.max(live.length, merged.length);
  for (let at = 0; at < length; at++) {
    if (live[at] === merged[at]) lines.push(` ${live[at]}`);
    else {
      if (live[at] !== undefined) lines.push(`-${live[at]}`);
      if (merged[at] !== undefined) lines.push(`+${merged[at]}`);
    }
  }
  return [...diffHeaders(shape, false), `@@ -1,${live.length} +1,${merged.length} @@`, ...lines, ''].join('\n');
}

function helmKey(shape: ObjectShape): string {
  return `${shape.namespace}, ${shape.name}, ${shape.kind} (${apiGroup(shape.apiVersion)})`;
}

/** helm-diff (default output) of an object removed from the release. */
export function helmDiffRemoved(body: string[], shape: ObjectShape): string {
  return [`${helmKey(shape)} has been removed:`, ...body.map((l) => `- ${l}`), '+ ', ''].join('\n');
}

/** helm-diff (default output) of an object added to the release. */
export function helmDiffAdded(body: string[], shape: ObjectShape): string {
  return [`${helmKey(shape)} has been added:`, '- ', ...body.map((l) => `+ ${l}`), ''].join('\n');
}

/** helm-diff (default output) of an object that changes from `before` to `after`. */
export function helmDiffChanged(before: string[], after: string[], shape: ObjectShape): string {
  const lines: string[] = [];
  for (let at = 0; at < Math.max(before.length, after.length); at++) {
    if (before[at] === after[at]) lines.push(`  ${before[at]}`);
    else {
      if (before[at] !== undefined) lines.push(`- ${before[at]}`);
      if (after[at] !== undefined) lines.push(`+ ${after[at]}`);
    }
  }
  return [`${helmKey(shape)} has changed:`, ...lines, ''].join('\n');
}

/** The printed resource name of a kind in kubectl's name printer: `deployment.apps`, `configmap`. */
function printedKind(shape: ObjectShape): string {
  const group = shape.apiVersion.includes('/') ? `.${apiGroup(shape.apiVersion)}` : '';
  return `${shape.kind.toLowerCase()}${group}`;
}

export function kubectlApplyPruned(shape: ObjectShape): string {
  return `${printedKind(shape)}/${shape.name} pruned (server dry run)\n`;
}

export function kubectlDeleted(shape: ObjectShape): string {
  return `${printedKind(shape)} "${shape.name}" deleted from ${shape.namespace} namespace (server dry run)\n`;
}
