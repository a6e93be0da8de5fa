// Reads the host, database and service of a libpq connection string (`host=db1 dbname=app password=secret`), the
// form psql takes in place of a database name; the password and every other key are left out.

export interface ConninfoParts {
  hosts: string[];
  database?: string;
  service?: string;
}

/** A word psql reads as a connection string rather than a database name: it has an `=`. */
export function isConninfo(word: string): boolean {
  return word.includes('=');
}

/** `key=value` pairs; a value may be single-quoted with `\'` and `\\` inside, as libpq writes them. */
function pairs(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /\s*([A-Za-z_]+)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|(\S*))/gy;
  for (let match = pattern.exec(text); match !== null && match[0] !== ''; match = pattern.exec(text)) {
    found.set(match[1].toLowerCase(), match[2] === undefined ? (match[3] ?? '') : match[2].replace(/\\(.)/g, '$1'));
  }
  return found;
}

export function readConninfo(text: string): ConninfoParts {
  const found = pairs(text);
  const hostList = found.get('host') ?? found.get('hostaddr') ?? '';
  const parts: ConninfoParts = { hosts: hostList.split(',').filter((host) => host !== '') };
  const database = found.get('dbname');
  if (database) parts.database = database;
  const service = found.get('service');
  if (service) parts.service = service;
  return parts;
}
