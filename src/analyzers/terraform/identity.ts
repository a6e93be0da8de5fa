// Collects what identifies the live object a change acts on, beyond its address: its id, ARN, self link and region
// before the change (`arn=arn:aws:rds:eu-west-1:123456789012:db:orders`), never a value marked sensitive.
import type { JsonValue } from './plan-types.js';
import { isSensitive } from './sensitivity.js';

/** Top-level attributes that name the object where it lives: the same address elsewhere has other values here. */
const IDENTITY_FIELDS = ['id', 'arn', 'self_link', 'region'];

export function collectIdentity(before: JsonValue | undefined, sensitive: JsonValue | undefined): string[] {
  if (before === null || typeof before !== 'object' || Array.isArray(before)) return [];
  const identity: string[] = [];
  for (const field of IDENTITY_FIELDS) {
    const value = Object.hasOwn(before, field) ? before[field] : undefined;
    if (typeof value === 'string' && value !== '' && !isSensitive(sensitive, [field])) identity.push(`${field}=${value}`);
  }
  return identity;
}
