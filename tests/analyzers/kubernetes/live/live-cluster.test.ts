// Live lookups against a local fake API server: discovery, namespace and CRD listings, gets, and one-sentence errors.
import { connectCluster } from '../../../../src/analyzers/kubernetes/live/connect-cluster.js';
import { ClusterError } from '../../../../src/analyzers/kubernetes/live/cluster-error.js';
import { isUserError } from '../../../../src/errors.js';
import { startFakeApiServer, writeKubeconfig, type FakeApiServer } from './fake-api-server.js';

let server: FakeApiServer;
let kubeconfig: string;

beforeAll(async () => {
  server = await startFakeApiServer();
  kubeconfig = writeKubeconfig(server.url);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.tokens.length = 0;
  server.failures.clear();
  server.hanging.clear();
});

const names = (objects: { id: { kind: string; namespace?: string; name: string } }[]) =>
  objects.map(({ id }) => `${id.kind}/${id.namespace ?? '-'}/${id.name}`).sort();

async function clusterErrorOf(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(ClusterError);
    expect(isUserError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a ClusterError');
}

describe('connectCluster', () => {
  it('uses the current context of the kubeconfig, its server and namespace', async () => {
    const cluster = await connectCluster({ kubeconfig });
    expect([cluster.context, cluster.server, cluster.defaultNamespace]).toEqual(['prod-eu', server.url, 'payments-prod']);
    expect((await connectCluster({ kubeconfig, context: 'no-namespace' })).defaultNamespace).toBe('default');
  });

  it('reads KUBECONFIG like kubectl when no file is given', async () => {
    const saved = process.env.KUBECONFIG;
    process.env.KUBECONFIG = kubeconfig;
    try {
      expect((await connectCluster({ context: 'no-namespace' })).context).toBe('no-namespace');
    } finally {
      if (saved === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = saved;
    }
  });

  it('refuses a context the kubeconfig does not have, and a kubeconfig that does not exist', async () => {
    expect(await clusterErrorOf(() => connectCluster({ kubeconfig, context: 'nope' }))).toBe(`${kubeconfig} has no context named nope.`);
    expect(await clusterErrorOf(() => connectCluster({ kubeconfig: '/nonexistent/kubeconfig' }))).toMatch(
      /^cannot read \/nonexistent\/kubeconfig: .*ENOENT.*\.$/,
    );
  });
});

describe('objectsInNamespace', () => {
  it('lists every namespaced kind the server lists, Secrets as identities only, events and subresources left out', async () => {
    const cluster = await connectCluster({ kubeconfig });
    const objects = await cluster.objectsInNamespace('payments-prod');
    expect(names(objects)).toEqual([
      'ConfigMap/payments-prod/web-config',
      'Deployment/payments-prod/web',
      'LedgerEntry/payments-prod/settlement-2025-01',
      'PersistentVolumeClaim/payments-prod/archive',
      'PersistentVolumeClaim/payments-prod/data-ledger-0',
      'Pod/payments-prod/web-6d5f8c7b9-x7k2p',
      'ReplicaSet/payments-prod/web-6d5f8c7b9',
      'Secret/payments-prod/db-credentials',
      'Service/payments-prod/web',
      'StatefulSet/payments-prod/ledger',
    ]);
    const replicaSet = objects.find((object) => object.id.kind === 'ReplicaSet');
    expect(replicaSet?.id).toEqual({ group: 'apps', version: 'v1', kind: 'ReplicaSet', namespace: 'payments-prod', name: 'web-6d5f8c7b9' });
    expect(replicaSet?.facts.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', uid: '7a1e2b3c-0001-4e5f-8a9b-000000000001' });
    expect(JSON.stringify(objects)).not.toMatch(/SECRET-MARKER-7f3a|U0VDUkVULU1BUktFUi03ZjNh/);
    const paths = server.requests.map((request) => request.split('?')[0]);
    expect(paths).not.toContain('/api/v1/namespaces/payments-prod/events');
    expect(paths).not.toContain('/apis/events.k8s.io/v1/namespaces/payments-prod/events');
    expect(paths).not.toContain('/api/v1/namespaces/payments-prod/bindings');
    expect(paths.some((path) => path.includes('/pods/log') || path.includes('/scale'))).toBe(false);
    expect(paths.filter((path) => path === '/api/v1/persistentvolumes' || path === '/api/v1/namespaces')).toEqual([]);
    expect(new Set(server.tokens)).toEqual(new Set(['Bearer fake-token-123']));
  });

  it('follows continue tokens through every page', async () => {
    const cluster = await connectCluster({ kubeconfig });
    await cluster.objectsInNamespace('payments-prod');
    expect(server.requests).toContain('/api/v1/namespaces/payments-prod/persistentvolumeclaims?limit=500&continue=1');
  });

  it('asks discovery once per connection', async () => {
    const cluster = await connectCluster({ kubeconfig });
    await cluster.objectsInNamespace('payments-prod');
    await cluster.objectsInNamespace('payments-staging');
    expect(server.requests.filter((request) => request === '/apis' || request === '/api/v1')).toEqual(['/apis', '/api/v1']);
  });

  it('fails closed when one kind cannot be listed', async () => {
    server.failures.set('/apis/apps/v1/namespaces/payments-prod/statefulsets', 403);
    const cluster = await connectCluster({ kubeconfig });
    const message = await clusterErrorOf(() => cluster.objectsInNamespace('payments-prod'));
    expect(message).toBe(
      `the cluster of context prod-eu at ${server.url} answered GET /apis/apps/v1/namespaces/payments-prod/statefulsets?limit=500 with HTTP 403 (Forbidden).`,
    );
    expect(message).not.toContain('secret-token-in-message');
  });
});

describe('customResources', () => {
  it('lists a custom kind in all namespaces, by kind or plural', async () => {
    const cluster = await connectCluster({ kubeconfig });
    const expected = ['LedgerEntry/payments-prod/settlement-2025-01', 'LedgerEntry/payments-staging/settlement-2025-02'];
    expect(names(await cluster.customResources('payments.example.com', 'LedgerEntry'))).toEqual(expected);
    expect(names(await cluster.customResources('payments.example.com', 'ledgerentries'))).toEqual(expected);
  });

  it('finds none for a group the server does not serve', async () => {
    const cluster = await connectCluster({ kubeconfig });
    expect(await cluster.customResources('unknown.example.com', 'Thing')).toEqual([]);
  });
});

describe('object', () => {
  it('reads the live facts of a named object; a name without namespace is looked up in the context namespace', async () => {
    const cluster = await connectCluster({ kubeconfig });
    const deployment = await cluster.object({ group: 'apps', kind: 'Deployment', name: 'web' });
    expect(deployment?.id).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'payments-prod', name: 'web' });
    expect(deployment?.facts.labels).toEqual({ app: 'web' });
    expect(server.requests).toContain('/apis/apps/v1/namespaces/payments-prod/deployments/web');
  });

  it('reads a cluster-scoped object without a namespace in its path', async () => {
    const cluster = await connectCluster({ kubeconfig });
    expect((await cluster.object({ group: '', kind: 'Namespace', name: 'payments-prod' }))?.facts.labels).toEqual({
      'kubernetes.io/metadata.name': 'payments-prod',
    });
    expect(server.requests).toContain('/api/v1/namespaces/payments-prod');
  });

  it('is undefined for an object that does not exist or a kind the server does not serve', async () => {
    const cluster = await connectCluster({ kubeconfig });
    expect(await cluster.object({ group: 'apps', kind: 'Deployment', namespace: 'payments-prod', name: 'gone' })).toBeUndefined();
    expect(await cluster.object({ group: 'nothing.example.com', kind: 'Thing', name: 'x' })).toBeUndefined();
  });

  it('never carries a Secret data', async () => {
    const cluster = await connectCluster({ kubeconfig });
    const secret = await cluster.object({ group: '', kind: 'Secret', namespace: 'payments-prod', name: 'db-credentials' });
    expect(secret?.id.name).toBe('db-credentials');
    expect(JSON.stringify(secret)).not.toMatch(/SECRET-MARKER-7f3a|U0VDUkVULU1BUktFUi03ZjNh/);
  });
});

describe('persistentVolume', () => {
  it('reads reclaim policy and labels of a bound volume', async () => {
    const cluster = await connectCluster({ kubeconfig });
    expect(await cluster.persistentVolume('pvc-3f1c9e2a-0005-4b7d-9c1e-000000000005')).toEqual({ reclaimPolicy: 'Delete' });
    expect(await cluster.persistentVolume('pv-archive-payments')).toEqual({ reclaimPolicy: 'Retain', labels: { environment: 'production' } });
    expect(await cluster.persistentVolume('missing')).toBeUndefined();
  });
});

describe('an unreachable or misbehaving cluster', () => {
  it('says in one sentence that the cluster cannot be reached', async () => {
    const cluster = await connectCluster({ kubeconfig, context: 'dead' });
    expect(await clusterErrorOf(() => cluster.persistentVolume('x'))).toBe(
      'cannot reach the cluster of context dead at http://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1.',
    );
  });

  it('gives up when the server does not answer in time', async () => {
    server.hanging.add('/apis');
    const cluster = await connectCluster({ kubeconfig, timeoutMs: 300 });
    expect(await clusterErrorOf(() => cluster.objectsInNamespace('payments-prod'))).toBe(
      `cannot reach the cluster of context prod-eu at ${server.url}: no answer within 0.3 seconds.`,
    );
  });

  it('refuses an answer that is not what the API serves', async () => {
    server.failures.set('/api/v1/persistentvolumes/x', 500);
    const cluster = await connectCluster({ kubeconfig });
    expect(await clusterErrorOf(() => cluster.persistentVolume('x'))).toBe(
      `the cluster of context prod-eu at ${server.url} answered GET /api/v1/persistentvolumes/x with HTTP 500 (InternalError).`,
    );
  });
});
