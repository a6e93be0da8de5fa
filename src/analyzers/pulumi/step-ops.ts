// What each step op of `pulumi preview --json` does to a resource (the ops of pulumi/pulumi pkg/resource/deploy/step.go).
import type { Action } from '../../model.js';

export interface StepOp {
  action: Action;
  /** For the two steps of a replacement shown with --show-replacement-steps: which half this is. */
  half?: 'create' | 'delete';
  importing?: true;
  /** Why, when the op alone says more than its action. */
  reason?: string;
}

/** Every op Pulumi writes; an op outside this table is an error in the input, never a guess. */
export const STEP_OPS: Readonly<Record<string, StepOp>> = {
  same: { action: 'no-op' },
  create: { action: 'create' },
  update: { action: 'update' },
  delete: { action: 'delete' },
  replace: { action: 'replace' },
  'create-replacement': { action: 'replace', half: 'create' },
  'delete-replaced': { action: 'replace', half: 'delete' },
  read: { action: 'read' },
  'read-replacement': { action: 'read' },
  refresh: { action: 'read' },
  import: { action: 'import', importing: true },
  'import-replacement': { action: 'replace', importing: true, reason: 'Pulumi imports an existing resource in place of the one it manages now' },
  discard: { action: 'forget', reason: 'Pulumi stops reading a resource it only read (`get`); nothing is deleted' },
  'discard-replaced': { action: 'forget', reason: 'Pulumi stops reading a resource it only read (`get`); nothing is deleted' },
  'remove-pending-replace': {
    action: 'forget',
    reason: 'Pulumi removes from its state a resource that an earlier delete-before-replace already deleted',
  },
};

/** When several steps name one resource, the change is the one that destroys most. */
const PRECEDENCE: readonly Action[] = ['replace', 'delete', 'forget', 'update', 'import', 'create', 'read', 'no-op'];

export const rank = (action: Action): number => PRECEDENCE.indexOf(action);
