// Turns a validated Terraform plan into the normalized model: resource changes, drift, root variables, outputs.
import type { Action, AnalyzedInput, Drift, Label, NameHint, ResourceChange, RootVariable } from '../../model.js';
import { collectAccounts, firstOfEachAccount } from './accounts.js';
import { collectIdentity } from './identity.js';
import { collectKeptAttributes, terraformSides } from './kept-attributes.js';
import { buildDependentsGraph } from './dependency-graph.js';
import { isKnownMode, mapActions, refineAction } from './actions.js';
import { ChangeTally, type QuietChanges } from './change-tally.js';
import { describeActionReason, formatReplacePaths } from './action-reasons.js';
import { EvidencePool } from './evidence-pool.js';
import { collectLabels } from './labels.js';
import { parseModulePath } from './module-path.js';
import { collectNameHints } from './name-hints.js';
import { stateWasEmpty } from './prior-state.js';
import type { RawPlan, RawResourceChange } from './plan-types.js';
import { revealsSensitive, sensitiveStrings } from './sensitive-strings.js';

/** Each pooled item once, in the order first seen: equal items are the same object once pooled. */
function sharedOnce<T extends object>(items: T[], share: (item: T) => T): T[] {
  return [...new Set(items.map(share))];
}

/** What the change does, with the facts beside the action list (data source, move, import) taken into account. */
export function resourceAction(raw: RawResourceChange): Action {
  const importing = raw.change.importing !== undefined && raw.change.importing !== null;
  return refineAction(mapActions(raw.change.actions).action, { mode: raw.mode, previousAddress: raw.previous_address ?? undefined, importing });
}

/** `pool` shares equal evidence between the changes of one plan (give each plan its own). */
export function toResourceChange(raw: RawResourceChange, input: number, pool: EvidencePool): ResourceChange {
  const { change } = raw;
  const mapped = mapActions(change.actions);
  const importing = change.importing !== undefined && change.importing !== null;
  const action = resourceAction(raw);
  const secrets = sensitiveStrings(change.after, change.after_sensitive, sensitiveStrings(change.before, change.before_sensitive));
  // A path through a map marked sensitive names its keys: one that holds a sensitive value is not shown.
  const replacePaths = formatReplacePaths(change.replace_paths)?.filter((path) => !revealsSensitive(path, secrets));
  const labels: Label[] = [...collectLabels(change.before, change.before_sensitive), ...collectLabels(change.after, change.after_sensitive)].filter(
    (label) => !revealsSensitive(label.value, secrets) && !revealsSensitive(label.key, secrets),
  );
  const nameHints: NameHint[] = [...collectNameHints(change.before, change.before_sensitive), ...collectNameHints(change.after, change.after_sensitive)].filter(
    (hint) => !revealsSensitive(hint.value, secrets),
  );
  const accounts = [...collectAccounts(change.before, change.before_sensitive), ...collectAccounts(change.after, change.after_sensitive)].filter(
    (account) => !revealsSensitive(account.id, secrets),
  );
  const identity = collectIdentity(change.before, change.before_sensitive).filter((value) => !revealsSensitive(value, secrets));
  const reason = !isKnownMode(raw.mode)
    ? `Terraform reported the resource mode ${JSON.stringify(raw.mode)}, which blast-radius does not know; treated as destructive`
    : mapped.unrecognized
      ? `Terraform reported the action list ${mapped.unrecognized}, which blast-radius does not know; treated as destructive`
      : describeActionReason(raw.action_reason ?? undefined, replacePaths);
  const result: ResourceChange = {
    source: 'terraform',
    input,
    address: raw.address,
    type: pool.text(raw.type),
    name: raw.name,
    modulePath: pool.names(parseModulePath(raw.module_address ?? undefined).map((segment) => segment.name)),
    action,
    labels: sharedOnce(labels, (label) => pool.label(label)),
    nameHints: sharedOnce(nameHints, (hint) => pool.nameHint(hint)),
    accounts: firstOfEachAccount(accounts).map((account) => pool.account(account)),
  };
  if (raw.index !== undefined && raw.index !== null) result.index = raw.index;
  if (raw.previous_address !== undefined && raw.previous_address !== null) result.previousAddress = raw.previous_address;
  if (action === 'replace' && mapped.replaceOrder) result.replaceOrder = mapped.replaceOrder;
  if (reason !== undefined) result.reason = pool.text(reason);
  if (replacePaths) result.replacePaths = pool.names(replacePaths);
  if (raw.deposed !== undefined && raw.deposed !== null) result.deposed = raw.deposed;
  if (importing) result.importing = true;
  if (identity.length > 0) result.identity = identity;
  const sides = terraformSides(change);
  const keptAttributes = collectKeptAttributes(raw.type, sides.before, sides.after);
  if (keptAttributes !== undefined) result.keptAttributes = keptAttributes;
  const namespace = nameHints.find((hint) => hint.field.endsWith('metadata[0].namespace') || hint.field.endsWith('metadata.namespace'));
  if (namespace) result.namespace = namespace.value;
  return result;
}

/** The address Terraform would print, for the drift entries of Terraform 1.0.0 that lack one. */
function rebuildAddress(raw: RawResourceChange): string {
  const module = raw.module_address ? `${raw.module_address}.` : '';
  const data = raw.mode === 'data' ? 'data.' : '';
  const index = raw.index === undefined || raw.index === null ? '' : `[${JSON.stringify(raw.index)}]`;
  return `${module}${data}${raw.type}.${raw.name}${index}`;
}

export function toDrift(raw: RawResourceChange, input: number): Drift {
  const address = typeof raw.address === 'string' ? raw.address : rebuildAddress(raw);
  return { input, address, type: raw.type, action: mapActions(raw.change.actions).action };
}

function rootVariables(plan: RawPlan): RootVariable[] {
  const declared = plan.configuration?.root_module?.variables ?? {};
  return Object.entries(plan.variables ?? {}).map(([name, variable]) => {
    const sensitive = Object.hasOwn(declared, name) && declared[name]?.sensitive === true;
    const value = variable?.value;
    const result: RootVariable = { name, sensitive };
    if (typeof value === 'string' || typeof value === 'number') result.value = String(value);
    return result;
  });
}

/** What a plan says besides its resource changes: versions, root variables, output actions. */
export function analyzePlanHeader(plan: RawPlan, file: string): Omit<AnalyzedInput, 'changes' | 'drift' | 'actionCounts'> {
  const result: Omit<AnalyzedInput, 'changes' | 'drift' | 'actionCounts'> = {
    file,
    format: 'terraform-plan',
    platform: 'terraform',
    formatVersion: plan.format_version,
    variables: rootVariables(plan),
    outputActions: Object.values(plan.output_changes ?? {}).map((change) => mapActions(change.actions).action),
    dependents: buildDependentsGraph(plan.configuration),
  };
  if (typeof plan.terraform_version === 'string') result.toolVersion = plan.terraform_version;
  return result;
}

/** The input, marked when the state it was planned against held no managed resource (prior-state.ts). */
export function withPriorState(input: AnalyzedInput, priorState: unknown): AnalyzedInput {
  return stateWasEmpty(priorState, input.actionCounts) ? { ...input, emptyPriorState: true } : input;
}

export function analyzeTerraformPlan(plan: RawPlan, file: string, input: number, quietChanges: QuietChanges = 'keep'): AnalyzedInput {
  const drift = (plan.resource_drift ?? []).map((raw) => toDrift(raw, input));
  const tally = new ChangeTally(quietChanges, new Set(drift.map((entry) => entry.address)));
  const changes: ResourceChange[] = [];
  const pool = new EvidencePool();
  for (const raw of plan.resource_changes ?? []) {
    if (tally.count(resourceAction(raw), raw.address)) changes.push(toResourceChange(raw, input, pool));
  }
  return withPriorState({ ...analyzePlanHeader(plan, file), changes, drift, actionCounts: tally.actionCounts }, plan.prior_state);
}
