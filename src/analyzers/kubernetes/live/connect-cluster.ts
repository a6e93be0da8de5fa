// Connects the live lookups to a kube context, loading the kubeconfig as kubectl does (KUBECONFIG, else ~/.kube/config,
// or one file). @kubernetes/client-node takes about a second to import and weighs 54 MB, so it is an optional package
// (package.json peerDependenciesMeta), imported here, on the `--cluster` path only.
import { ClusterError } from './cluster-error.js';
import type { ClusterLookup } from './cluster-lookup.js';
import { KubeHttp } from './kube-http.js';
import { LiveCluster } from './live-cluster.js';

export interface ClusterOptions {
  /** A kubeconfig file; without it, the files kubectl would read. */
  kubeconfig?: string;
  /** A context of that kubeconfig; without it, its current context. */
  context?: string;
  /** For every request of the run together; 20 s by default. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;
/** Requests in flight at once: enough to list a namespace's few dozen resource kinds quickly, few enough for any API server. */
const CONCURRENCY = 6;

const firstLine = (error: unknown) =>
  String((error as Error)?.message ?? error)
    .split('\n')[0]
    ?.slice(0, 200);

const CLIENT_PACKAGE = '@kubernetes/client-node';

/** The optional package, or one sentence saying how to install it when it is absent. */
async function importClient(): Promise<typeof import('@kubernetes/client-node')> {
  try {
    return await import('@kubernetes/client-node');
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    const absent = (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') && message?.includes(`'${CLIENT_PACKAGE}'`);
    if (absent) throw new ClusterError(`--cluster needs the optional package ${CLIENT_PACKAGE}: npm install -g ${CLIENT_PACKAGE}`);
    throw error;
  }
}

export async function connectCluster(options: ClusterOptions = {}): Promise<ClusterLookup> {
  const { KubeConfig } = await importClient();
  const config = new KubeConfig();
  const source = options.kubeconfig ?? 'the default kubeconfig';
  try {
    if (options.kubeconfig === undefined) config.loadFromDefault();
    else config.loadFromFile(options.kubeconfig);
  } catch (error) {
    throw new ClusterError(`cannot read ${source}: ${firstLine(error)}.`);
  }
  if (options.context !== undefined) {
    if (config.getContextObject(options.context) === null) throw new ClusterError(`${source} has no context named ${options.context}.`);
    config.setCurrentContext(options.context);
  }
  const context = config.getCurrentContext();
  const cluster = config.getCurrentCluster();
  if (!context || cluster === null) throw new ClusterError(`${source} has no current context with a cluster: pass --context.`);
  const http = new KubeHttp(config, { context, server: cluster.server, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, concurrency: CONCURRENCY });
  return new LiveCluster(http, context, cluster.server, config.getContextObject(context)?.namespace ?? 'default');
}
