// Checks that a parsed JSON document is a Terraform plan the tool can read fully, or says exactly what it is instead.
import { InputError } from '../../errors.js';
import type { RawPlan } from './plan-types.js';

/** Major versions of the JSON plan format this release reads; a new major version may change meanings. */
const SUPPORTED_MAJOR_VERSIONS = new Set(['0', '1']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeNonPlan(document: Record<string, unknown>, name: string): string {
  if ('values' in document && !('resource_changes' in document) && !('planned_values' in document)) {
    return `${name} is Terraform state, not a plan: save a plan with \`terraform plan -out=tfplan\` and check \`terraform show -json tfplan\`.`;
  }
  if ('lineage' in document && 'serial' in document) {
    return `${name} is a Terraform state file, not a plan: save a plan with \`terraform plan -out=tfplan\` and check \`terraform show -json tfplan\`.`;
  }
  if (typeof document.apiVersion === 'string' && typeof document.kind === 'string') {
    return `${name} holds Kubernetes objects, not a plan: to check their deletion, pass it with --deleting ${name}.`;
  }
  if (!('format_version' in document)) {
    return `${name} is JSON but not a Terraform plan: it has no format_version (expected the output of \`terraform show -json\`).`;
  }
  return `${name} is not a Terraform plan: it has neither resource_changes nor planned_values.`;
}

function checkFormatVersion(version: unknown, name: string): void {
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)) {
    throw new InputError(`${name} has format_version ${JSON.stringify(version)}, which is not a Terraform JSON format version.`);
  }
  const major = version.split('.')[0];
  if (!SUPPORTED_MAJOR_VERSIONS.has(major)) {
    throw new InputError(`${name} uses JSON plan format ${version}; this version of blast-radius reads formats 0.x and 1.x only, so upgrade it.`);
  }
}

function entryLabel(index: number, entry: unknown): string {
  const address = isObject(entry) && typeof entry.address === 'string' ? ` (${entry.address})` : '';
  return `${index}]${address}`;
}

/** Members of a resource change that are strings when they are there (null, as some tools write, means absent). */
export const OPTIONAL_TEXT_FIELDS = ['previous_address', 'module_address', 'action_reason', 'deposed'] as const;

/** Checks one entry of resource_changes or resource_drift (`field`), the `index`-th of its list. */
export function checkResourceChange(entry: unknown, index: number, field: string, name: string, addressOptional = false): void {
  const at = `${name}: ${field}[${entryLabel(index, entry)}`;
  if (!isObject(entry)) throw new InputError(`${at} is not an object.`);
  for (const key of ['address', 'type', 'name'] as const) {
    const optional = key === 'address' && addressOptional && (entry.address === undefined || entry.address === null);
    if (typeof entry[key] !== 'string' && !optional) throw new InputError(`${at} has no ${key}.`);
  }
  if (entry.mode !== undefined && typeof entry.mode !== 'string') throw new InputError(`${at} has a mode that is not a string.`);
  for (const key of OPTIONAL_TEXT_FIELDS) {
    if (entry[key] !== undefined && entry[key] !== null && typeof entry[key] !== 'string') throw new InputError(`${at} has a ${key} that is not a string.`);
  }
  if (entry.index !== undefined && entry.index !== null && typeof entry.index !== 'string' && typeof entry.index !== 'number') {
    throw new InputError(`${at} has an index that is neither a string nor a number.`);
  }
  const change = entry.change;
  if (!isObject(change)) throw new InputError(`${at} has no change object.`);
  const actions = change.actions;
  if (!Array.isArray(actions) || actions.length === 0 || !actions.every((a) => typeof a === 'string')) {
    throw new InputError(`${at} has no valid change.actions (expected a non-empty list of action names).`);
  }
}

/**
 * A list of resource changes must be a list, when it is there at all: Terraform leaves an empty one out, never
 * writes null, so null (which would read as "no changes") is refused as damage.
 */
export function checkIsList(list: unknown, field: string, name: string): void {
  if (list !== undefined && !Array.isArray(list)) throw new InputError(`${name}: ${field} is not a list.`);
}

/** Terraform 1.0.0 wrote resource_drift entries without an address; only there may it be rebuilt from the parts. */
function checkResourceChanges(list: unknown, field: string, name: string, addressOptional = false): void {
  checkIsList(list, field, name);
  if (Array.isArray(list)) list.forEach((entry: unknown, index) => checkResourceChange(entry, index, field, name, addressOptional));
}

export function checkOutputChanges(outputs: unknown, name: string): void {
  if (outputs === undefined || outputs === null) return;
  if (!isObject(outputs)) throw new InputError(`${name}: output_changes is not an object.`);
  for (const [key, change] of Object.entries(outputs)) {
    if (!isObject(change) || !Array.isArray(change.actions) || !change.actions.every((a) => typeof a === 'string')) {
      throw new InputError(`${name}: output_changes.${key} has no valid actions.`);
    }
  }
}

/** Checks what the whole plan says of itself: an object, a plan (not state), a format this release reads, not errored. */
export function checkPlanHeader(document: unknown, name: string): asserts document is Record<string, unknown> {
  if (!isObject(document)) {
    throw new InputError(`${name} is JSON but not a Terraform plan: expected an object from \`terraform show -json\`.`);
  }
  if (!('format_version' in document) || !('resource_changes' in document || 'planned_values' in document)) {
    throw new InputError(describeNonPlan(document, name));
  }
  checkFormatVersion(document.format_version, name);
  if (document.errored === true) {
    throw new InputError(`${name} records a plan that failed (errored: true): fix the plan errors and plan again.`);
  }
}

export function checkVariables(variables: unknown, name: string): void {
  if (variables !== undefined && variables !== null && !isObject(variables)) {
    throw new InputError(`${name}: variables is not an object.`);
  }
}

/** Returns the document typed as a plan, or throws an InputError naming the file and the first problem. */
export function validatePlan(document: unknown, name: string): RawPlan {
  checkPlanHeader(document, name);
  checkResourceChanges(document.resource_changes, 'resource_changes', name);
  checkResourceChanges(document.resource_drift, 'resource_drift', name, true);
  checkOutputChanges(document.output_changes, name);
  checkVariables(document.variables, name);
  return document as unknown as RawPlan;
}
