// Tells whether the state a Terraform plan was made against held no managed resource: `prior_state` absent (Terraform
// leaves it out when the state is empty) or holding data sources and outputs only, and no resource change that acts
// on an object already in the state. Reference: https://developer.hashicorp.com/terraform/internals/json-format
import type { Action } from '../../model.js';

/** Actions a change can have when the state holds nothing: a create, or a data source read. */
const ACTIONS_FROM_NOTHING: ReadonlySet<string> = new Set<Action>(['create', 'read']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list member as Terraform writes it: absent or null count as empty; undefined when it is not a list. */
function listOf(value: unknown): unknown[] | undefined {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : undefined;
}

/** false when the module (or a child module) holds a managed resource or cannot be read as a state module. */
function moduleIsEmpty(module: unknown): boolean {
  if (module === undefined || module === null) return true;
  if (!isObject(module)) return false;
  const resources = listOf(module.resources);
  const children = listOf(module.child_modules);
  if (resources === undefined || children === undefined) return false;
  // Data sources read while planning are written into prior_state too; they are not objects the state manages.
  return resources.every((resource) => isObject(resource) && resource.mode === 'data') && children.every(moduleIsEmpty);
}

/**
 * True only when the prior state certainly held no managed resource: a prior_state that cannot be read as one, or a
 * change that updates, deletes, imports or keeps an object (which must be in the state), says it was not empty.
 */
export function stateWasEmpty(priorState: unknown, actionCounts: Partial<Record<Action, number>>): boolean {
  if (!Object.keys(actionCounts).every((action) => ACTIONS_FROM_NOTHING.has(action))) return false;
  if (priorState === undefined || priorState === null) return true;
  if (!isObject(priorState)) return false;
  const { values } = priorState;
  if (values === undefined || values === null) return true;
  return isObject(values) && moduleIsEmpty(values.root_module);
}
