// Asks the API server which resources it serves (as `kubectl api-resources` does): the core `/api/v1` and, from
// `/apis`, each group's preferred version; each answer once per connection.
import { isBody } from '../object-facts.js';
import type { KubeHttp } from './kube-http.js';

/** One listable kind of object the server serves, e.g. `apps/v1` `deployments` (`Deployment`). */
export interface ApiResource {
  group: string;
  version: string;
  /** The plural name in request paths. */
  plural: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []);

export class ApiDiscovery {
  private groups?: Promise<Map<string, string>>;
  private readonly resourceLists = new Map<string, Promise<ApiResource[] | undefined>>();

  constructor(private readonly http: KubeHttp) {}

  /** Group → preferred version, the core group ('') included. */
  preferredVersions(): Promise<Map<string, string>> {
    this.groups ??= (async () => {
      const answer = await this.http.get('/apis');
      const groups = answer.found && isBody(answer.body) && Array.isArray(answer.body.groups) ? answer.body.groups.filter(isBody) : undefined;
      if (groups === undefined) throw this.http.unexpected('/apis', 'without the list of API groups');
      const versions = new Map<string, string>([['', 'v1']]);
      for (const group of groups) {
        const preferred = isBody(group.preferredVersion) ? group.preferredVersion.version : undefined;
        if (typeof group.name === 'string' && typeof preferred === 'string') versions.set(group.name, preferred);
      }
      return versions;
    })();
    return this.groups;
  }

  /** The resources of one group version, subresources (`pods/log`) left out; undefined when it is not served. */
  resources(group: string, version: string): Promise<ApiResource[] | undefined> {
    const path = group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
    let list = this.resourceLists.get(path);
    if (list === undefined) {
      list = this.http.get(path).then((answer) => {
        if (!answer.found) return undefined;
        if (!isBody(answer.body) || !Array.isArray(answer.body.resources)) throw this.http.unexpected(path, 'without a list of resources');
        return answer.body.resources.filter(isBody).flatMap((resource): ApiResource[] => {
          const { name, kind, namespaced } = resource;
          if (typeof name !== 'string' || name.includes('/') || typeof kind !== 'string') return [];
          return [{ group, version, plural: name, kind, namespaced: namespaced === true, verbs: strings(resource.verbs) }];
        });
      });
      this.resourceLists.set(path, list);
    }
    return list;
  }

  /** Every resource of every group's preferred version. */
  async allResources(): Promise<ApiResource[]> {
    const versions = await this.preferredVersions();
    const lists = await Promise.all([...versions].map(([group, version]) => this.resources(group, version)));
    return lists.flatMap((list) => list ?? []);
  }
}
