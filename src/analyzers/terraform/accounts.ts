// Finds the cloud accounts a resource lives in: AWS account ids inside ARNs, Azure subscription ids inside resource
// ids, Google Cloud projects; the configuration's `account` rules match on them.
import type { AccountId } from '../../model.js';
import type { JsonValue } from './plan-types.js';
import { sensitiveChild } from './sensitivity.js';

const AWS_ARN = /\barn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:(\d{12}):/g;
const AZURE_SUBSCRIPTION = /\/subscriptions\/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/g;
const GCP_PROJECT_PATH = /\bprojects\/([a-z][a-z0-9-]{4,28}[a-z0-9])\//g;
/** Deep enough for nested blocks; attribute trees are walked once per change. */
const MAX_DEPTH = 6;

type Path = (string | number)[];

/** Most values name no account: each expression runs only where its fixed part occurs, and the field is named only for a match. */
function fromText(text: string, path: Path, out: AccountId[]): void {
  if (text.includes('arn:aws')) for (const match of text.matchAll(AWS_ARN)) out.push({ provider: 'aws', id: match[1], field: path.join('.') });
  if (text.includes('/subscriptions/')) {
    for (const match of text.matchAll(AZURE_SUBSCRIPTION)) out.push({ provider: 'azure', id: match[1].toLowerCase(), field: path.join('.') });
  }
  if (text.includes('projects/')) for (const match of text.matchAll(GCP_PROJECT_PATH)) out.push({ provider: 'gcp', id: match[1], field: path.join('.') });
}

/** Goes down a value and the part of its `*_sensitive` tree at the same place (`sensitive`) together. */
function walk(value: JsonValue | undefined, path: Path, sensitive: JsonValue | undefined, out: AccountId[]): void {
  if (path.length > MAX_DEPTH || sensitive === true) return;
  if (typeof value === 'string') {
    if (path.length === 1 && path[0] === 'project') out.push({ provider: 'gcp', id: value, field: 'project' });
    else fromText(value, path, out);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, [...path, i], sensitiveChild(sensitive, i), out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) walk(child, [...path, key], sensitiveChild(sensitive, key), out);
  }
}

export function collectAccounts(values: JsonValue | undefined, sensitive: JsonValue | undefined): AccountId[] {
  const out: AccountId[] = [];
  walk(values, [], sensitive, out);
  return out;
}

/** One account per provider and id: the attribute it was first found in. */
export function firstOfEachAccount(accounts: AccountId[]): AccountId[] {
  const seen = new Set<string>();
  return accounts.filter((account) => {
    const key = `${account.provider}\u0000${account.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
