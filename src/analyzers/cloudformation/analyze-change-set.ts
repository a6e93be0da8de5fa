// Turns change sets into the normalized model: one ResourceChange per resource change, addressed `<StackName>/<LogicalResourceId>`,
// with the stack's name and tags, the resource's physical id (and, with --include-property-values, its tags and name
// properties) as environment evidence, and nested stacks whose own change set is not in the input left unjudged.
import type { AccountId, Action, AnalyzedInput, Label, NameHint, ResourceChange, RootVariable } from '../../model.js';
import { collectAccounts } from '../terraform/accounts.js';
import { ChangeTally, type QuietChanges } from '../terraform/change-tally.js';
import { EvidencePool } from '../terraform/evidence-pool.js';
import type { CfnResourceChange, ChangeSet, PolicyAction } from './change-set.js';
import { contextEvidence } from './context-evidence.js';

/** The format name reports give these inputs. */
export const CHANGE_SET_FORMAT = 'cloudformation-change-set';

const NESTED_STACK = 'AWS::CloudFormation::Stack';

/** What CloudFormation does to the resource, and why in words that follow "because". */
interface Judgement {
  action: Action;
  reason?: string;
  replacePaths?: string[];
  /** What the DeletionPolicy or UpdateReplacePolicy keeps of the object it deletes. */
  deletionKeeps?: ResourceChange['deletionKeeps'];
}

const keeps = (policy: PolicyAction | undefined): boolean => policy === 'Retain' || policy === 'ReplaceAndRetain';
const snapshots = (policy: PolicyAction | undefined): boolean => policy === 'Snapshot' || policy === 'ReplaceAndSnapshot';

/** The properties (or attributes) whose change recreates the resource, always or on conditions, once each. */
function recreatedBy(change: CfnResourceChange): { paths: string[]; words: string } {
  const seen = new Map<string, string>();
  for (const target of change.targets) {
    const path = target.name ?? target.attribute;
    if (path === undefined || target.requiresRecreation === undefined || target.requiresRecreation === 'Never') continue;
    if (seen.get(path) !== 'Always') seen.set(path, target.requiresRecreation);
  }
  return { paths: [...seen.keys()], words: [...seen].map(([path, recreation]) => `${path} (RequiresRecreation ${recreation})`).join(', ') };
}

/** What the UpdateReplacePolicy does to the old resource of a replace, as a clause after the reason. */
function replacePolicy(policy: PolicyAction | undefined): string {
  if (keeps(policy)) return '; UpdateReplacePolicy Retain keeps the old one outside the stack, which goes on with the new one';
  if (snapshots(policy)) return '; UpdateReplacePolicy Snapshot takes a snapshot of the old one before deleting it (recoverable from the snapshot)';
  return '';
}

/** What the UpdateReplacePolicy keeps of the old resource of a replace. */
function replaceKeeps(policy: PolicyAction | undefined): Pick<Judgement, 'deletionKeeps'> {
  if (keeps(policy)) return { deletionKeeps: { outcome: 'retained', why: 'UpdateReplacePolicy Retain keeps the old resource outside the stack' } };
  if (snapshots(policy)) {
    return { deletionKeeps: { outcome: 'recoverable', why: 'UpdateReplacePolicy Snapshot takes a snapshot of the old resource before deleting it' } };
  }
  return {};
}

function judgeReplacement(change: CfnResourceChange): Judgement {
  const { paths, words } = recreatedBy(change);
  const policy = replacePolicy(change.policyAction);
  const facts = { ...(paths.length > 0 ? { replacePaths: paths } : {}), ...replaceKeeps(change.policyAction) };
  if (change.replacement === 'True') {
    const reason = words ? `changing ${words} forces replacement (Replacement True)` : 'CloudFormation replaces it (Replacement True)';
    return { action: 'replace', reason: `${reason}${policy}`, ...facts };
  }
  if (change.replacement === 'Conditional') {
    const cause = words ? `: changing ${words} may force it` : '';
    return {
      action: 'replace',
      reason: `CloudFormation may replace it (Replacement Conditional)${cause}, which is known only when the change set runs, so it is judged as a replace${policy}`,
      ...facts,
    };
  }
  return {
    action: 'replace',
    reason: `CloudFormation did not say whether it replaces it (no Replacement), so it is judged as a replace${policy}`,
    ...facts,
  };
}

export function judgeChange(change: CfnResourceChange): Judgement {
  switch (change.action) {
    case 'Add':
      return { action: 'create' };
    case 'Import':
      return { action: 'import' };
    case 'SyncWithActual':
      return { action: 'no-op', reason: 'CloudFormation only records its actual state (Action SyncWithActual)' };
    case 'Dynamic':
      return {
        action: 'replace',
        reason: `CloudFormation cannot tell what it does to it until the change set runs (Action Dynamic), so it is judged as a possible replace${replacePolicy(change.policyAction)}`,
        ...replaceKeeps(change.policyAction),
      };
    case 'Remove':
      if (keeps(change.policyAction))
        return { action: 'forget', reason: 'DeletionPolicy Retain keeps it: CloudFormation stops managing it and leaves it in place' };
      if (snapshots(change.policyAction)) {
        return {
          action: 'delete',
          reason: 'it leaves the template (Action Remove); DeletionPolicy Snapshot takes a snapshot first (recoverable from the snapshot)',
          deletionKeeps: { outcome: 'recoverable', why: 'DeletionPolicy Snapshot takes a snapshot before deleting it' },
        };
      }
      return { action: 'delete', reason: 'it leaves the template (Action Remove)' };
    case 'Modify':
      return change.replacement === 'False' ? { action: 'update' } : judgeReplacement(change);
  }
}

/** The sentence `unjudged-objects` quotes for a nested stack whose own changes are not in the input. */
function unjudgedNestedStack(address: string): string {
  return `${address} (${NESTED_STACK}): the nested stack's own changes are in a change set of its own, which is not in this input (create the change set with --include-nested-stacks and pass the describe-change-set output of every nested change set in the same input)`;
}

/** Each account once, with the field it was first found in. */
function firstOfEachAccount(accounts: AccountId[]): AccountId[] {
  const seen = new Set<string>();
  return accounts.filter((account) => !seen.has(`${account.provider}\u0000${account.id}`) && seen.add(`${account.provider}\u0000${account.id}`));
}

function toResourceChange(change: CfnResourceChange, changeSet: ChangeSet, input: number, pool: EvidencePool, judgement: Judgement): ResourceChange {
  const contexts = [change.beforeContext, change.afterContext].flatMap((text) => (text === undefined ? [] : [contextEvidence(text)]));
  const labels: Label[] = [...changeSet.tags.map((tag) => ({ key: tag.key, value: tag.value, field: 'stack tags' })), ...contexts.flatMap((c) => c.labels)];
  const nameHints: NameHint[] = [{ field: 'stack', value: changeSet.stackName }, ...contexts.flatMap((c) => c.nameHints)];
  if (change.physicalResourceId !== undefined) nameHints.push({ field: 'PhysicalResourceId', value: change.physicalResourceId });
  const arns: Record<string, string> = { ChangeSetId: changeSet.changeSetId };
  if (changeSet.stackId !== undefined) arns.StackId = changeSet.stackId;
  if (change.physicalResourceId !== undefined) arns.PhysicalResourceId = change.physicalResourceId;
  const result: ResourceChange = {
    source: 'cloudformation',
    input,
    address: `${changeSet.stackName}/${change.logicalResourceId}`,
    type: pool.text(change.resourceType),
    name: change.logicalResourceId,
    modulePath: pool.names([]),
    action: judgement.action,
    labels: [...new Set(labels.map((label) => pool.label(label)))],
    nameHints: [...new Set(nameHints.map((hint) => pool.nameHint(hint)))],
    accounts: firstOfEachAccount(collectAccounts(arns, undefined)).map((account) => pool.account(account)),
  };
  if (judgement.action === 'replace') result.replaceOrder = 'create-first';
  if (judgement.reason !== undefined) result.reason = pool.text(judgement.reason);
  if (judgement.replacePaths !== undefined) result.replacePaths = pool.names(judgement.replacePaths);
  if (judgement.deletionKeeps !== undefined) result.deletionKeeps = judgement.deletionKeeps;
  if (judgement.action === 'import') result.importing = true;
  if (contexts.some((context) => !context.complete)) {
    result.evidenceNote = 'its BeforeContext or AfterContext is not complete JSON, so the tags and names in it were not read';
  }
  return result;
}

/** The stack's parameters as the plan-wide variables they are; a NoEcho value (`****`) is sensitive and not kept. */
function stackVariables(changeSet: ChangeSet): RootVariable[] {
  return changeSet.parameters.map(({ key, value }) =>
    value === undefined || value === '****' ? { name: key, sensitive: value !== undefined } : { name: key, value, sensitive: false },
  );
}

/**
 * One analyzed input per change set; `judged` holds the ids of the change sets in the same input, whose nested stacks
 * are judged by their own change set.
 */
export function analyzeChangeSet(
  changeSet: ChangeSet,
  file: string,
  input: number,
  judged: ReadonlySet<string>,
  quietChanges: QuietChanges = 'keep',
): AnalyzedInput {
  const tally = new ChangeTally(quietChanges, new Set());
  const pool = new EvidencePool();
  const changes: ResourceChange[] = [];
  const unjudged: string[] = [];
  for (const change of changeSet.changes) {
    const judgement = judgeChange(change);
    const address = `${changeSet.stackName}/${change.logicalResourceId}`;
    if (tally.count(judgement.action, address)) changes.push(toResourceChange(change, changeSet, input, pool, judgement));
    const nestedChanges = change.resourceType === NESTED_STACK && (change.action === 'Modify' || change.action === 'Dynamic');
    if (nestedChanges && (change.changeSetId === undefined || !judged.has(change.changeSetId))) unjudged.push(unjudgedNestedStack(address));
  }
  const analyzed: AnalyzedInput = {
    file,
    format: CHANGE_SET_FORMAT,
    platform: 'cloudformation',
    changes,
    actionCounts: tally.actionCounts,
    drift: [],
    variables: stackVariables(changeSet),
    outputActions: [],
    dependents: new Map(),
  };
  if (unjudged.length > 0) analyzed.unjudged = unjudged;
  return analyzed;
}
