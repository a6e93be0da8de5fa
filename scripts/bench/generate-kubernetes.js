// Writes large Kubernetes change outputs for `npm run bench`: a `kubectl diff --prune` of many objects, made as
// kubectl makes it (one file per object in LIVE-… and MERGED-… directories, then `diff -u -N`, as make-diff.sh in
// fixtures/kubernetes/kubectl-diff does), and a `helm diff upgrade` of many objects in helm-diff's default output
// (the format fixtures/kubernetes/helm-diff/make-helm-diff.py writes). Deterministic: the same bytes every run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TEAMS = ['payments', 'search', 'identity', 'platform', 'data'];
const ENVIRONMENTS = ['production', 'staging', 'development'];

/** A Deployment as the API server returns it (kubectl diff's LIVE and MERGED sides); `version` is its image tag. */
function deployment(index, version, { server }) {
  const team = TEAMS[index % TEAMS.length];
  const environment = ENVIRONMENTS[index % ENVIRONMENTS.length];
  const name = `${team}-svc-${index}`;
  const namespace = `${team}-${environment}`;
  const lines = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    ...(server
      ? ['  annotations:', '    deployment.kubernetes.io/revision: "3"', '  creationTimestamp: "2025-03-02T14:20:11Z"', `  generation: ${version}`]
      : []),
    '  labels:',
    `    app: ${name}`,
    `    environment: ${environment}`,
    `    team: ${team}`,
    `    version: 1.${version}.0`,
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    ...(server ? ['  resourceVersion: "4471029"', `  uid: 6f1c2a9e-3b7d-4e55-9a0c-${String(index).padStart(12, '0')}`] : []),
    'spec:',
    '  replicas: 3',
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${name}`,
    '    spec:',
    '      containers:',
    `      - image: registry.example.com/${name}:1.${version}.0`,
    '        imagePullPolicy: IfNotPresent',
    `        name: ${name}`,
    '        env:',
    '        - name: LOG_LEVEL',
    '          value: info',
    '        - name: REGION',
    '          value: eu-west-1',
    '        ports:',
    '        - containerPort: 8080',
    '          protocol: TCP',
    '        resources:',
    '          limits:',
    '            memory: 512Mi',
    '          requests:',
    '            cpu: 250m',
    '            memory: 256Mi',
    '      restartPolicy: Always',
    '      terminationGracePeriodSeconds: 30',
  ];
  return { name, namespace, text: `${lines.join('\n')}\n` };
}

/** A ConfigMap; `level` is one of its values. */
function configMap(index, level) {
  const team = TEAMS[index % TEAMS.length];
  const environment = ENVIRONMENTS[index % ENVIRONMENTS.length];
  const name = `${team}-settings-${index}`;
  const namespace = `${team}-${environment}`;
  const lines = [
    'apiVersion: v1',
    'data:',
    `  LOG_LEVEL: ${level}`,
    '  MAX_CONNECTIONS: "200"',
    '  REGION: eu-west-1',
    'kind: ConfigMap',
    'metadata:',
    '  labels:',
    `    app: ${team}`,
    `    environment: ${environment}`,
    `  name: ${name}`,
    `  namespace: ${namespace}`,
  ];
  return { name, namespace, text: `${lines.join('\n')}\n` };
}

/**
 * `kubectl diff --prune` output for `count` objects: most Deployments updated (image and labels), one in six created,
 * and one in ten ConfigMaps pruned. Returns its size in bytes.
 */
export function generateKubectlDiff(path, count) {
  const scratch = mkdtempSync(join(tmpdir(), 'blast-radius-bench-kube-'));
  try {
    const live = join(scratch, 'LIVE-2417386509');
    const merged = join(scratch, 'MERGED-1360771841');
    mkdirSync(live);
    mkdirSync(merged);
    for (let index = 0; index < count; index++) {
      if (index % 10 === 9) {
        const object = configMap(index, 'info');
        writeFileSync(join(live, `v1.ConfigMap.${object.namespace}.${object.name}`), object.text);
        continue;
      }
      const before = deployment(index, 4, { server: true });
      const file = `apps.v1.Deployment.${before.namespace}.${before.name}`;
      writeFileSync(join(live, file), index % 6 === 5 ? '' : before.text);
      writeFileSync(join(merged, file), deployment(index, 5, { server: true }).text);
    }
    const time = new Date('2025-06-12T09:41:07Z');
    for (const directory of [live, merged]) for (const file of readdirSync(directory)) utimesSync(join(directory, file), time, time);
    const diff = spawnSync('diff', ['-u', '-N', live, merged], { env: { ...process.env, TZ: 'UTC' }, maxBuffer: 1 << 30 });
    if (diff.status !== 1) throw new Error(`diff failed: ${diff.stderr}`);
    // kubectl's directories are made under /tmp.
    const text = diff.stdout.toString().split(`${scratch}/`).join('/tmp/');
    writeFileSync(path, text);
    return readFileSync(path).length;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A rendered manifest as helm prints it (`# Source:` and the chart's YAML, no server fields). */
function helmManifest(index, version) {
  const object = index % 10 === 9 ? configMap(index, version > 4 ? 'debug' : 'info') : deployment(index, version, { server: false });
  const team = TEAMS[index % TEAMS.length];
  return { ...object, text: `# Source: ${team}/templates/${object.name}.yaml\n${object.text.trimEnd()}` };
}

/** The lines of two manifests compared line by line: common (`  `), removed (`- `), added (`+ `), as helm-diff prints them. */
function helmLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const out = [];
  for (let at = 0; at < Math.max(a.length, b.length); at++) {
    if (a[at] === b[at]) out.push(`  ${a[at]}`);
    else {
      if (a[at] !== undefined) out.push(`- ${a[at]}`);
      if (b[at] !== undefined) out.push(`+ ${b[at]}`);
    }
  }
  return out;
}

/**
 * `helm diff upgrade` output (the default `diff` mode) for `count` objects: changed ones first, then removed, then
 * added, as helm-diff orders them. The generated manifests change lines in place, so a line-by-line comparison is the
 * diff helm-diff's LCS gives. Returns its size in bytes.
 */
export function generateHelmDiff(path, count) {
  const changed = [];
  const removed = [];
  const added = [];
  for (let index = 0; index < count; index++) {
    const before = helmManifest(index, 4);
    const after = helmManifest(index, 5);
    const kind = index % 10 === 9 ? 'ConfigMap (v1)' : 'Deployment (apps)';
    const key = `${before.namespace}, ${before.name}, ${kind}`;
    if (index % 12 === 11)
      removed.push([
        key,
        `${key} has been removed:\n${before.text
          .split('\n')
          .map((line) => `- ${line}`)
          .join('\n')}\n+ \n`,
      ]);
    else if (index % 6 === 5)
      added.push([
        key,
        `${key} has been added:\n- \n${after.text
          .split('\n')
          .map((line) => `+ ${line}`)
          .join('\n')}\n`,
      ]);
    else changed.push([key, `${key} has changed:\n${helmLines(before.text, after.text).join('\n')}\n`]);
  }
  const sorted = (entries) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
  const text = [...sorted(changed), ...sorted(removed), ...sorted(added)].join('');
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}
