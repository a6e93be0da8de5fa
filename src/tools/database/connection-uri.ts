// Reads the hosts and the database of a connection URI (`postgresql://user:secret@db1:5432,db2/app?sslmode=require`,
// `mongodb+srv://…/app`, `redis://:secret@cache:6379/2`) and leaves out the user and the password.

export interface UriParts {
  hosts: string[];
  database?: string;
}

const URI = /^([a-z][a-z0-9+.-]*):\/\//i;

export function isConnectionUri(word: string): boolean {
  return URI.test(word);
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `host:port`, `[::1]:port`, a socket directory encoded as `%2Fvar%2Frun` → the host alone. */
function hostOf(entry: string): string {
  if (entry.startsWith('[')) return entry.slice(1, entry.indexOf(']') > 0 ? entry.indexOf(']') : undefined);
  return decoded(entry.replace(/:\d*$/, ''));
}

export function readConnectionUri(uri: string): UriParts | undefined {
  const scheme = URI.exec(uri);
  if (scheme === null) return undefined;
  const rest = uri.slice(scheme[0].length);
  const queryAt = rest.indexOf('?');
  const beforeQuery = queryAt < 0 ? rest : rest.slice(0, queryAt);
  // The credentials end at the last `@` before the query, so a password with an unencoded `/` or `@` stays out.
  const afterCredentials = beforeQuery.slice(beforeQuery.lastIndexOf('@') + 1);
  const slash = afterCredentials.indexOf('/');
  const hostList = slash < 0 ? afterCredentials : afterCredentials.slice(0, slash);
  const path = slash < 0 ? '' : decoded(afterCredentials.slice(slash + 1));
  const parts: UriParts = {
    hosts: hostList
      .split(',')
      .filter((entry) => entry !== '')
      .map(hostOf)
      .filter((host) => host !== ''),
  };
  const params = new URLSearchParams(queryAt < 0 ? '' : rest.slice(queryAt + 1));
  const paramHosts = params
    .getAll('host')
    .flatMap((value) => value.split(','))
    .filter((host) => host !== '');
  if (paramHosts.length > 0) parts.hosts = paramHosts;
  const database = params.get('dbname') ?? (path === '' ? undefined : path);
  if (database !== undefined && database !== '') parts.database = database;
  return parts;
}
