// A local HTTP server that speaks the few Kubernetes API endpoints the live lookups use (discovery, list, get), serving
// the payments-namespace fixture, and a kubeconfig that points at it. Records every request path and its token.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../../helpers/run-cli.js';

type Body = Record<string, unknown> & { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } };

const resource = (name: string, kind: string, namespaced: boolean, verbs = ['get', 'list', 'delete']) => ({ name, singularName: '', namespaced, kind, verbs });

/** Discovery documents shaped like kubernetes/kubernetes api/discovery/api__v1.json, apis.json and apis__apps__v1.json. */
const DISCOVERY: Record<string, unknown> = {
  '/api/v1': {
    kind: 'APIResourceList',
    groupVersion: 'v1',
    resources: [
      resource('bindings', 'Binding', true, ['create']),
      resource('configmaps', 'ConfigMap', true),
      resource('events', 'Event', true),
      resource('namespaces', 'Namespace', false),
      resource('persistentvolumeclaims', 'PersistentVolumeClaim', true),
      resource('persistentvolumes', 'PersistentVolume', false),
      resource('pods', 'Pod', true),
      resource('pods/log', 'Pod', true, ['get']),
      resource('secrets', 'Secret', true),
      resource('services', 'Service', true),
    ],
  },
  '/apis': {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [
      { name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } },
      {
        name: 'events.k8s.io',
        versions: [{ groupVersion: 'events.k8s.io/v1', version: 'v1' }],
        preferredVersion: { groupVersion: 'events.k8s.io/v1', version: 'v1' },
      },
      {
        name: 'payments.example.com',
        versions: [
          { groupVersion: 'payments.example.com/v1', version: 'v1' },
          { groupVersion: 'payments.example.com/v1beta1', version: 'v1beta1' },
        ],
        preferredVersion: { groupVersion: 'payments.example.com/v1', version: 'v1' },
      },
    ],
  },
  '/apis/apps/v1': {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: 'apps/v1',
    resources: [
      resource('deployments', 'Deployment', true),
      resource('deployments/scale', 'Scale', true, ['get', 'patch', 'update']),
      resource('replicasets', 'ReplicaSet', true),
      resource('statefulsets', 'StatefulSet', true),
    ],
  },
  '/apis/events.k8s.io/v1': { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'events.k8s.io/v1', resources: [resource('events', 'Event', true)] },
  '/apis/payments.example.com/v1': {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: 'payments.example.com/v1',
    resources: [resource('ledgerentries', 'LedgerEntry', true)],
  },
};

const PLURALS: Record<string, string> = {
  ConfigMap: 'configmaps',
  Namespace: 'namespaces',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  PersistentVolume: 'persistentvolumes',
  Pod: 'pods',
  Secret: 'secrets',
  Service: 'services',
  Deployment: 'deployments',
  ReplicaSet: 'replicasets',
  StatefulSet: 'statefulsets',
  LedgerEntry: 'ledgerentries',
};

function fixtureObjects(): Body[] {
  const list = JSON.parse(readFileSync(join(ROOT, 'fixtures/kubernetes/objects/payments-namespace/objects.json'), 'utf8')) as { items: Body[] };
  const ledger = (name: string, namespace: string): Body => ({
    apiVersion: 'payments.example.com/v1',
    kind: 'LedgerEntry',
    metadata: { name, namespace },
    spec: {},
  });
  return [...list.items, ledger('settlement-2025-01', 'payments-prod'), ledger('settlement-2025-02', 'payments-staging')];
}

function basePath(apiVersion: string): string {
  return apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
}

export interface FakeApiServer {
  url: string;
  /** Every path requested, query included, in order. */
  requests: string[];
  /** The Authorization header of each request. */
  tokens: (string | undefined)[];
  /** Answer this path (without query) with the status instead. */
  failures: Map<string, number>;
  /** Paths (without query) that never answer. */
  hanging: Set<string>;
  close(): Promise<void>;
}

export async function startFakeApiServer(): Promise<FakeApiServer> {
  const objects = fixtureObjects();
  const requests: string[] = [];
  const tokens: (string | undefined)[] = [];
  const failures = new Map<string, number>();
  const hanging = new Set<string>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(`${url.pathname}${url.search}`);
    tokens.push(request.headers.authorization);
    if (hanging.has(url.pathname)) return;
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const failure = failures.get(url.pathname);
    if (failure !== undefined)
      return send(failure, {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: failure === 403 ? 'Forbidden' : 'InternalError',
        message: 'secret-token-in-message',
        code: failure,
      });
    if (DISCOVERY[url.pathname] !== undefined) return send(200, DISCOVERY[url.pathname]);
    const matching = objects.filter((object) => {
      const plural = PLURALS[object.kind];
      const namespaced = object.metadata.namespace === undefined ? '' : `/namespaces/${object.metadata.namespace}`;
      const collection = `${basePath(object.apiVersion)}${namespaced}/${plural}`;
      const everywhere = `${basePath(object.apiVersion)}/${plural}`;
      return [collection, everywhere, `${collection}/${object.metadata.name}`].includes(url.pathname);
    });
    const isGet = matching.some((object) => url.pathname.endsWith(`/${object.metadata.name}`) && !url.pathname.endsWith(`/${PLURALS[object.kind]}`));
    if (isGet) return send(200, matching[0]);
    if (!url.searchParams.has('limit')) return send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 });
    // Typed lists leave apiVersion and kind out of built-in items; pages of one item, to exercise `continue`.
    const items = matching.map((object) => (object.apiVersion.includes('example.com') ? object : { ...object, apiVersion: undefined, kind: undefined }));
    const start = Number(url.searchParams.get('continue') ?? '0');
    const next = start + 1 < items.length ? String(start + 1) : undefined;
    send(200, {
      kind: 'List',
      apiVersion: 'v1',
      metadata: { resourceVersion: '1', ...(next === undefined ? {} : { continue: next }) },
      items: items.slice(start, start + 1),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    tokens,
    failures,
    hanging,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A kubeconfig with context `prod-eu` (namespace payments-prod) on the server, and `dead` on a port nothing listens on. */
export function writeKubeconfig(serverUrl: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'blast-radius-kube-')), 'config');
  writeFileSync(
    path,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: fake',
      '  cluster:',
      `    server: ${serverUrl}`,
      '    insecure-skip-tls-verify: true',
      '- name: dead',
      '  cluster:',
      '    server: http://127.0.0.1:1',
      '    insecure-skip-tls-verify: true',
      'contexts:',
      '- name: prod-eu',
      '  context: {cluster: fake, user: tester, namespace: payments-prod}',
      '- name: no-namespace',
      '  context: {cluster: fake, user: tester}',
      '- name: dead',
      '  context: {cluster: dead, user: tester}',
      'current-context: prod-eu',
      'users:',
      '- name: tester',
      '  user: {token: fake-token-123}',
      '',
    ].join('\n'),
  );
  return path;
}
