// Answers the check's questions from a live cluster (`--cluster`): lists what a namespace or CRD deletion takes,
// reads the objects and PersistentVolumes a text input only names. Bodies are read into safe facts at once.
import type { KubeObjectId } from '../kube-change.js';
import { isBody, objectFacts } from '../object-facts.js';
import { ApiDiscovery, type ApiResource } from './api-discovery.js';
import type { ClusterLookup, LiveObject } from './cluster-lookup.js';
import type { KubeHttp } from './kube-http.js';

/** Objects a namespace deletion does not take in any sense that matters: records of what happened, and derived metrics. */
const NOT_OBJECTS = new Set(['/events', 'events.k8s.io/events', 'metrics.k8s.io/pods']);
const PAGE_SIZE = 500;

const apiVersionOf = (resource: ApiResource) => (resource.group === '' ? resource.version : `${resource.group}/${resource.version}`);
const basePath = (resource: ApiResource) => (resource.group === '' ? `/api/${resource.version}` : `/apis/${resource.group}/${resource.version}`);

function resourcePath(resource: ApiResource, namespace?: string): string {
  return `${basePath(resource)}${namespace === undefined ? '' : `/namespaces/${encodeURIComponent(namespace)}`}/${resource.plural}`;
}

export class LiveCluster implements ClusterLookup {
  private readonly discovery: ApiDiscovery;

  constructor(
    private readonly http: KubeHttp,
    readonly context: string,
    readonly server: string,
    readonly defaultNamespace: string,
  ) {
    this.discovery = new ApiDiscovery(http);
  }

  /** A body from a list or a get: typed list items carry no apiVersion or kind, so they come from the resource. */
  private live(resource: ApiResource, body: unknown, path: string): LiveObject {
    const read = isBody(body) ? objectFacts({ apiVersion: apiVersionOf(resource), kind: resource.kind, ...body }) : undefined;
    if (read === undefined) throw this.http.unexpected(path, 'with an object that has no name');
    return read;
  }

  /** Every object of the resource (in the namespace, or everywhere), following `continue` tokens page by page. */
  private async list(resource: ApiResource, namespace?: string): Promise<LiveObject[]> {
    const objects: LiveObject[] = [];
    let token: string | undefined;
    do {
      const path = `${resourcePath(resource, namespace)}?limit=${PAGE_SIZE}${token === undefined ? '' : `&continue=${encodeURIComponent(token)}`}`;
      const answer = await this.http.get(path);
      if (!answer.found) return objects;
      const page = answer.body;
      if (!isBody(page) || !Array.isArray(page.items)) throw this.http.unexpected(path, 'without a list of items');
      for (const item of page.items) objects.push(this.live(resource, item, path));
      const next = isBody(page.metadata) ? page.metadata.continue : undefined;
      token = typeof next === 'string' && next !== '' ? next : undefined;
    } while (token !== undefined);
    return objects;
  }

  async objectsInNamespace(namespace: string): Promise<LiveObject[]> {
    const resources = (await this.discovery.allResources()).filter(
      (resource) => resource.namespaced && resource.verbs.includes('list') && !NOT_OBJECTS.has(`${resource.group}/${resource.plural}`),
    );
    const lists = await Promise.all(resources.map((resource) => this.list(resource, namespace)));
    return lists.flat();
  }

  private async preferredResource(group: string, matches: (resource: ApiResource) => boolean, version?: string): Promise<ApiResource | undefined> {
    const served = version ?? (await this.discovery.preferredVersions()).get(group);
    if (served === undefined) return undefined;
    return (await this.discovery.resources(group, served))?.find(matches);
  }

  async customResources(group: string, kindOrPlural: string): Promise<LiveObject[]> {
    const resource = await this.preferredResource(group, (candidate) => candidate.kind === kindOrPlural || candidate.plural === kindOrPlural);
    return resource === undefined ? [] : this.list(resource);
  }

  async object(id: KubeObjectId): Promise<LiveObject | undefined> {
    const resource = await this.preferredResource(id.group, (candidate) => candidate.kind === id.kind, id.version);
    if (resource === undefined) return undefined;
    const path = `${resourcePath(resource, resource.namespaced ? (id.namespace ?? this.defaultNamespace) : undefined)}/${encodeURIComponent(id.name)}`;
    const answer = await this.http.get(path);
    return answer.found ? this.live(resource, answer.body, path) : undefined;
  }

  async persistentVolume(name: string): Promise<LiveObject['facts'] | undefined> {
    const found = await this.object({ group: '', version: 'v1', kind: 'PersistentVolume', name });
    if (found === undefined) return undefined;
    const { reclaimPolicy, labels } = found.facts;
    return { ...(reclaimPolicy === undefined ? {} : { reclaimPolicy }), ...(labels === undefined ? {} : { labels }) };
  }
}
