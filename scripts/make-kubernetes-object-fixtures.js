// Regenerates the `--deleting` fixtures under fixtures/kubernetes/objects/ from kubectl (offline) and the hand-written sources.
//
// Usage: node scripts/make-kubernetes-object-fixtures.js   (needs kubectl on PATH; no cluster is contacted)
//
// Objects kubectl can make offline come from `kubectl create … --dry-run=client -o json`, annotated where needed with
// `kubectl annotate --local -f - … -o json`. The rest are hand-written in fixtures/kubernetes/objects/sources/.
// Every object then gets the fields the API server sets (uid, resourceVersion, creationTimestamp), and the cases
// are printed the way kubectl prints them: `kubectl get -o json` wraps several objects in a `v1` `List` whose
// metadata is `{ "resourceVersion": "" }` (printGeneric in staging/src/k8s.io/kubectl/pkg/cmd/get/get.go), keys
// sorted, indented by 4 spaces (printers.JSONPrinter); `-o yaml` is the same object as YAML (keys sorted, sequences
// not indented, as sigs.k8s.io/yaml prints them).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'kubernetes', 'objects');
const NS = 'payments-prod';

function kubectl(args, input) {
  return JSON.parse(execFileSync('kubectl', args, { input, encoding: 'utf8', env: { ...process.env, KUBECONFIG: '/dev/null' } }));
}
const create = (...args) => kubectl(['create', ...args, '--dry-run=client', '-o', 'json']);
const annotate = (object, ...pairs) => kubectl(['annotate', '--local', '-f', '-', ...pairs, '-o', 'json'], JSON.stringify(object));
const sources = (file) => yaml.loadAll(readFileSync(join(root, 'sources', file), 'utf8'), undefined, { schema: yaml.CORE_SCHEMA });

/** The fields the API server sets on every object it stores. */
function served(object, uid, resourceVersion, creationTimestamp = '2025-01-14T09:30:00Z') {
  object.metadata = { ...object.metadata, uid, resourceVersion, creationTimestamp };
  return object;
}

function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted(value[key])]),
  );
}

const asList = (items) => ({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } });
const json = (object) => `${JSON.stringify(sorted(object), null, 4)}\n`;
const yamlOf = (object) => yaml.dump(sorted(object), { noArrayIndent: true, lineWidth: -1, quotingType: '"' });

function write(caseName, file, text) {
  mkdirSync(join(root, caseName), { recursive: true });
  writeFileSync(join(root, caseName, file), text);
}

// payments-prod: the namespace and what lives in it.
const namespace = served(create('namespace', NS), '5d0f3a10-0000-4a1b-8c2d-000000000000', '48001', '2025-01-14T09:00:00Z');
namespace.metadata.labels = { 'kubernetes.io/metadata.name': NS };
const web = served(
  create('deployment', 'web', '--image=registry.example.com/payments/web:1.4.2', '--replicas=3', '-n', NS),
  '7a1e2b3c-0001-4e5f-8a9b-000000000001',
  '48215',
);
const service = served(create('service', 'clusterip', 'web', '--tcp=80:8080', '-n', NS), '7a1e2b3c-0009-4e5f-8a9b-000000000009', '48240');
const config = served(create('configmap', 'web-config', '--from-literal=LOG_LEVEL=info', '-n', NS), '7a1e2b3c-0010-4e5f-8a9b-000000000010', '48241');
const secret = served(
  create('secret', 'generic', 'db-credentials', '--from-literal=password=SECRET-MARKER-7f3a', '-n', NS),
  '7a1e2b3c-0011-4e5f-8a9b-000000000011',
  '48242',
);
secret.type = 'Opaque';
// What `kubectl apply` stores: the whole applied object, Secret data included.
secret.metadata.annotations = {
  'kubectl.kubernetes.io/last-applied-configuration': `${JSON.stringify({ apiVersion: 'v1', data: secret.data, kind: 'Secret', metadata: { annotations: {}, name: 'db-credentials', namespace: NS }, stringData: { note: 'SECRET-MARKER-7f3a' } })}\n`,
};
const workloads = sources('payments-workloads.yaml');
const paymentsObjects = [namespace, web, ...workloads, service, config, secret];

write('payments-namespace', 'objects.json', json(asList(paymentsObjects)));
write('payments-namespace-yaml', 'objects.yaml', yamlOf(asList(paymentsObjects)));
write('single-object', 'namespace.json', json(namespace));
// The raw API's typed list (`kubectl get --raw /api/v1/namespaces/payments-prod/pods`): items carry no apiVersion/kind.
const pod = workloads.find((object) => object.kind === 'Pod');
const podItem = { ...pod };
delete podItem.apiVersion;
delete podItem.kind;
write('pod-list-raw', 'pods.json', json({ apiVersion: 'v1', items: [podItem], kind: 'PodList', metadata: { resourceVersion: '48230' } }));

// A CustomResourceDefinition (`kubectl get crd … -o yaml`) then its custom resources (`kubectl get ledgerentries -o yaml`).
const [crd, ...entries] = sources('ledger-crd.yaml');
write('crd', 'objects.yaml', `${yamlOf(crd)}---\n${yamlOf(asList(entries))}`);

// Objects whose deletion their tools hold back, as a prune list of separate documents.
const billing = served(
  annotate(create('deployment', 'billing', '--image=registry.example.com/payments/billing:3.2.0', '-n', NS), 'argocd.argoproj.io/sync-options=Prune=false'),
  '5c8e1a20-0001-4d2b-9f3e-000000000201',
  '51001',
);
const billingService = served(
  annotate(create('service', 'clusterip', 'billing', '--tcp=80:8080', '-n', NS), 'argocd.argoproj.io/sync-options=Delete=false,ServerSideApply=true'),
  '5c8e1a20-0002-4d2b-9f3e-000000000202',
  '51002',
);
const billingFlags = served(
  annotate(create('configmap', 'billing-flags', '--from-literal=NEW_CHECKOUT=false', '-n', NS), 'kustomize.toolkit.fluxcd.io/prune=disabled'),
  '5c8e1a20-0003-4d2b-9f3e-000000000203',
  '51003',
);
const billingData = annotate(sources('billing-data-pvc.yaml')[0], 'helm.sh/resource-policy=keep');
write('protected', 'objects.yaml', [billing, billingService, billingFlags, billingData].map((object) => `---\n${yamlOf(object)}`).join(''));

// Truncated: the namespace list cut in the middle, as an interrupted pipe leaves it.
const whole = json(asList(paymentsObjects));
write('truncated', 'objects.json', whole.slice(0, Math.floor(whole.length / 2)));
