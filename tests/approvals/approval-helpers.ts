// Helpers for the approvals tests: a plan fixture copied (and optionally edited) into a scratch directory, and an
// approval record for a fingerprint.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Approval } from '../../src/approvals/store.js';
import { ROOT } from '../helpers/run-cli.js';

export const PROD_REPLACE = join(ROOT, 'fixtures/terraform/prod-replace/plan.json');

/** Writes a copy of `source` (a plan JSON) into `directory` as `name`, after `edit` changes its parsed form. */
export function editedPlan(
  source: string,
  directory: string,
  name: string,
  edit: (plan: { resource_changes: Record<string, unknown>[] } & Record<string, unknown>) => void = () => {},
): string {
  const plan = JSON.parse(readFileSync(source, 'utf8'));
  edit(plan);
  const file = join(directory, name);
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

export function approvalOf(fingerprint: string, approvedAt: string, expires: string): Approval {
  return {
    fingerprint,
    user: 'jane',
    email: 'jane@example.com',
    reason: 'Retiring the old database (OPS-42)',
    environments: ['production'],
    approvedAt,
    expires,
  };
}
