// Checks that parsed JSON documents are complete `aws cloudformation describe-change-set` outputs and keeps their facts:
// a change set that is not CREATE_COMPLETE, one with pages missing (NextToken), or a value the API does not document is
// an InputError, never a partial reading. Pages of one change set, passed together, are joined.
import { InputError } from '../../errors.js';
import { redactCredentials } from '../../redact-credentials.js';
import {
  CHANGE_ACTIONS,
  POLICY_ACTIONS,
  RECREATIONS,
  REPLACEMENTS,
  type CfnResourceChange,
  type ChangeSet,
  type ChangeTarget,
  type StackParameter,
  type StackTag,
} from './change-set.js';

type Json = Record<string, unknown>;

/** A StatusReason is quoted up to this length. */
const MAX_REASON = 300;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const NOT_A_CHANGE_SET = 'is not the output of `aws cloudformation describe-change-set --output json`';

/** A JSON type a member must have, and its name in a sentence. */
interface Kind<T> {
  test: (value: unknown) => value is T;
  noun: string;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const STRING: Kind<string> = { test: isString, noun: 'a string' };
const LIST: Kind<unknown[]> = { test: (value): value is unknown[] => Array.isArray(value), noun: 'a list' };

/** A member the API may leave out or set to null: undefined then; a value of another kind is an InputError. */
function optional<T>(object: Json, key: string, kind: Kind<T>, what: string, name: string): T | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (!kind.test(value)) throw new InputError(`${name} ${NOT_A_CHANGE_SET}: its ${what} is not ${kind.noun}.`);
  return value;
}

function required(object: Json, key: string, name: string): string {
  const value = optional(object, key, STRING, key, name);
  if (value === undefined) throw new InputError(`${name} ${NOT_A_CHANGE_SET}: it has no ${key}.`);
  return value;
}

/** One of the values the API documents for a member, or an InputError naming the value and the resource. */
function known<T extends string>(object: Json, key: string, values: readonly T[], where: string, name: string): T | undefined {
  const value = optional(object, key, STRING, `${key} of ${where}`, name);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw new InputError(`${name} gives ${where} the ${key} ${JSON.stringify(value)}, which blast-radius does not know (it knows ${values.join(', ')}).`);
  }
  return value as T;
}

function readTarget(detail: unknown, where: string, name: string): ChangeTarget {
  if (!isObject(detail)) throw new InputError(`${name} ${NOT_A_CHANGE_SET}: a Details entry of ${where} is not an object.`);
  const target = detail.Target ?? {};
  if (!isObject(target)) throw new InputError(`${name} ${NOT_A_CHANGE_SET}: a Details entry of ${where} has a Target that is not an object.`);
  const result: ChangeTarget = {};
  const attribute = optional(target, 'Attribute', STRING, `Details Target Attribute of ${where}`, name);
  const property = optional(target, 'Name', STRING, `Details Target Name of ${where}`, name);
  const recreation = known(target, 'RequiresRecreation', RECREATIONS, where, name);
  if (attribute !== undefined) result.attribute = attribute;
  if (property !== undefined) result.name = property;
  if (recreation !== undefined) result.requiresRecreation = recreation;
  return result;
}

function readResourceChange(entry: unknown, stackName: string, name: string): CfnResourceChange {
  if (!isObject(entry)) throw new InputError(`${name} ${NOT_A_CHANGE_SET}: a Changes entry is not an object.`);
  const type = optional(entry, 'Type', STRING, 'Type of a Changes entry', name);
  if (type !== 'Resource') {
    throw new InputError(`${name} has a change of Type ${JSON.stringify(type ?? null)}, which blast-radius does not know (it knows Resource).`);
  }
  const raw = entry.ResourceChange;
  if (!isObject(raw)) throw new InputError(`${name} ${NOT_A_CHANGE_SET}: a Changes entry has no ResourceChange.`);
  const logicalResourceId = required(raw, 'LogicalResourceId', name);
  const where = `${stackName}/${logicalResourceId}`;
  const action = known(raw, 'Action', CHANGE_ACTIONS, where, name);
  if (action === undefined) throw new InputError(`${name} ${NOT_A_CHANGE_SET}: ${where} has no Action.`);
  const details = optional(raw, 'Details', LIST, `Details of ${where}`, name) ?? [];
  const change: CfnResourceChange = {
    action,
    logicalResourceId,
    resourceType: required(raw, 'ResourceType', name),
    targets: details.map((detail) => readTarget(detail, where, name)),
  };
  const replacement = known(raw, 'Replacement', REPLACEMENTS, where, name);
  const policyAction = known(raw, 'PolicyAction', POLICY_ACTIONS, where, name);
  const physicalResourceId = optional(raw, 'PhysicalResourceId', STRING, `PhysicalResourceId of ${where}`, name);
  const changeSetId = optional(raw, 'ChangeSetId', STRING, `ChangeSetId of ${where}`, name);
  const beforeContext = optional(raw, 'BeforeContext', STRING, `BeforeContext of ${where}`, name);
  const afterContext = optional(raw, 'AfterContext', STRING, `AfterContext of ${where}`, name);
  if (replacement !== undefined) change.replacement = replacement;
  if (policyAction !== undefined) change.policyAction = policyAction;
  if (physicalResourceId !== undefined && physicalResourceId !== '') change.physicalResourceId = physicalResourceId;
  if (changeSetId !== undefined) change.changeSetId = changeSetId;
  if (beforeContext !== undefined) change.beforeContext = beforeContext;
  if (afterContext !== undefined) change.afterContext = afterContext;
  return change;
}

function readTags(document: Json, name: string): StackTag[] {
  const tags = optional(document, 'Tags', LIST, 'Tags', name) ?? [];
  return tags.map((tag) => {
    if (!isObject(tag) || !isString(tag.Key) || !isString(tag.Value)) throw new InputError(`${name} ${NOT_A_CHANGE_SET}: a Tags entry has no Key and Value.`);
    return { key: tag.Key, value: tag.Value };
  });
}

function readParameters(document: Json, name: string): StackParameter[] {
  const parameters = optional(document, 'Parameters', LIST, 'Parameters', name) ?? [];
  return parameters.map((parameter) => {
    if (!isObject(parameter) || !isString(parameter.ParameterKey)) throw new InputError(`${name} ${NOT_A_CHANGE_SET}: a Parameters entry has no ParameterKey.`);
    return isString(parameter.ParameterValue) ? { key: parameter.ParameterKey, value: parameter.ParameterValue } : { key: parameter.ParameterKey };
  });
}

/** The StatusReason as it may be quoted: credentials redacted, on one line, cut to a length. */
function quotedReason(reason: string): string {
  const line = redactCredentials(reason).replace(/\s+/g, ' ').trim();
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON)}…` : line;
}

/** One page: its change set's facts, its changes, and whether more pages follow (NextToken). */
function readPage(document: unknown, name: string): { changeSet: ChangeSet; nextToken: boolean } {
  if (!isObject(document)) throw new InputError(`${name} ${NOT_A_CHANGE_SET}: it is not a JSON object.`);
  const changeSetId = required(document, 'ChangeSetId', name);
  const stackName = required(document, 'StackName', name);
  const status = required(document, 'Status', name);
  const changeSetName = optional(document, 'ChangeSetName', STRING, 'ChangeSetName', name);
  const label = `change set ${changeSetName ?? changeSetId} of stack ${stackName}`;
  if (status !== 'CREATE_COMPLETE') {
    const reason = optional(document, 'StatusReason', STRING, 'StatusReason', name);
    throw new InputError(
      `${name}: the ${label} is ${status}, not CREATE_COMPLETE${reason ? ` (StatusReason: ${JSON.stringify(quotedReason(reason))})` : ''}, so it does not list every change: wait until it is complete, or create it again, and check its output.`,
    );
  }
  const changes = optional(document, 'Changes', LIST, 'Changes', name);
  if (changes === undefined) throw new InputError(`${name} ${NOT_A_CHANGE_SET}: it has no Changes.`);
  const changeSet: ChangeSet = {
    changeSetId,
    stackName,
    tags: readTags(document, name),
    parameters: readParameters(document, name),
    changes: changes.map((entry) => readResourceChange(entry, stackName, name)),
  };
  const stackId = optional(document, 'StackId', STRING, 'StackId', name);
  if (changeSetName !== undefined) changeSet.changeSetName = changeSetName;
  if (stackId !== undefined) changeSet.stackId = stackId;
  return { changeSet, nextToken: optional(document, 'NextToken', STRING, 'NextToken', name) !== undefined };
}

/**
 * The change sets of an input, in the order they first appear: one document each, or several pages of one change set
 * (each but the last with a NextToken) joined into one. A change set whose last page has a NextToken is incomplete.
 */
export function readChangeSets(documents: unknown[], name: string): ChangeSet[] {
  const byId = new Map<string, { changeSet: ChangeSet; nextToken: boolean }>();
  for (const document of documents) {
    const page = readPage(document, name);
    const earlier = byId.get(page.changeSet.changeSetId);
    if (earlier === undefined) {
      byId.set(page.changeSet.changeSetId, page);
    } else if (!earlier.nextToken) {
      throw new InputError(`${name} holds the change set ${page.changeSet.changeSetId} twice: pass each change set once, with its pages in order.`);
    } else {
      earlier.changeSet.changes.push(...page.changeSet.changes);
      earlier.nextToken = page.nextToken;
    }
  }
  for (const { changeSet, nextToken } of byId.values()) {
    if (nextToken) {
      throw new InputError(
        `${name} holds only part of the change set ${changeSet.changeSetName ?? changeSet.changeSetId} of stack ${changeSet.stackName} (NextToken is set: more pages follow): run describe-change-set without --no-paginate or --max-items, so that the AWS CLI gathers every page, or pass every page together.`,
      );
    }
  }
  return [...byId.values()].map((page) => page.changeSet);
}
