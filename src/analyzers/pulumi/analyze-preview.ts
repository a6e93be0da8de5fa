// Turns the checked steps of a Pulumi preview into the normalized model: one ResourceChange per resource (the steps of
// one replacement become one replace), its stack as a name hint, tags, labels and accounts without secrets.
import type { Action, AnalyzedInput, ResourceChange } from '../../model.js';
import { firstOfEachAccount } from '../terraform/accounts.js';
import { ChangeTally, type QuietChanges } from '../terraform/change-tally.js';
import { revealsSensitive } from '../terraform/sensitive-strings.js';
import { collectKeptAttributes } from '../terraform/kept-attributes.js';
import { pulumiSpelling, stateEvidence, stateSide } from './evidence.js';
import type { PreviewStep } from './read-preview.js';
import { STEP_OPS, rank } from './step-ops.js';

/** Property keys of `diffReasons` / `replaceReasons`: names only, never values. */
function propertyKeys(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string' && key !== '') : [];
}

const flag = (state: Record<string, unknown> | undefined, member: string): boolean => state?.[member] === true;

/** Each item once (the first of equal keys), in order. */
function once<T>(items: T[], key: (item: T) => string): T[] {
  const first = new Map<string, T>();
  for (const item of items) if (!first.has(key(item))) first.set(key(item), item);
  return [...first.values()];
}

/** The action the steps of one resource take together, and which half of a replacement comes first. */
function combinedAction(steps: PreviewStep[]): { action: Action; replaceOrder?: 'create-first' | 'delete-first' } {
  const action = steps.map((step) => STEP_OPS[step.op].action).reduce((a, b) => (rank(b) < rank(a) ? b : a));
  if (action !== 'replace') return { action };
  const creates = steps.findIndex((step) => STEP_OPS[step.op].half === 'create');
  const deletes = steps.findIndex((step) => STEP_OPS[step.op].half === 'delete');
  if (creates === -1 || deletes === -1) return { action };
  return { action, replaceOrder: creates < deletes ? 'create-first' : 'delete-first' };
}

function reasonFor(
  action: Action,
  steps: PreviewStep[],
  oldState: Record<string, unknown> | undefined,
  replacePaths: string[],
  urn: string,
): string | undefined {
  const parts: string[] = [];
  const opReason = steps.map((step) => STEP_OPS[step.op]).find((op) => op.action === action && op.reason !== undefined)?.reason;
  if (opReason !== undefined) parts.push(opReason);
  if (action === 'forget' && steps.some((step) => step.op === 'delete')) {
    parts.push('retainOnDelete is set: Pulumi removes it from the stack and leaves the cloud resource in place');
  }
  if (action === 'replace' && replacePaths.length > 0) parts.push(`changing ${replacePaths.join(', ')} forces replacement`);
  if (action === 'replace' && flag(oldState, 'retainOnDelete'))
    parts.push('retainOnDelete is set, so the replaced resource is left in place, no longer managed');
  if (action === 'update') {
    const changed = propertyKeys(steps.find((step) => step.op === 'update')?.diffReasons);
    if (changed.length > 0) parts.push(`changes ${changed.join(', ')}`);
  }
  if (action === 'delete' && flag(oldState, 'protect')) {
    parts.push(`protect is set: pulumi refuses to delete it and fails the update until it is unprotected (\`pulumi state unprotect ${urn}\`)`);
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function toResourceChange(urn: string, steps: PreviewStep[], input: number): ResourceChange {
  const parsed = steps[0].parsedUrn;
  const oldState = steps.find((step) => step.oldState)?.oldState;
  const newState = steps.find((step) => step.newState)?.newState;
  const combined = combinedAction(steps);
  // A resource with retainOnDelete is removed from the stack, not deleted (step.go DeleteStep.Apply).
  const action: Action = combined.action === 'delete' && flag(oldState, 'retainOnDelete') ? 'forget' : combined.action;
  const old = stateEvidence(oldState);
  const fresh = stateEvidence(newState, old.secrets);
  const secrets = old.secrets;
  const replacePaths = once(
    steps.flatMap((step) => propertyKeys(step.replaceReasons)),
    (key) => key,
  ).filter((key) => !revealsSensitive(key, secrets));
  const type = [newState?.type, oldState?.type].find((value): value is string => typeof value === 'string' && value !== '') ?? parsed.type;
  const change: ResourceChange = {
    source: 'pulumi',
    input,
    address: urn,
    type,
    name: parsed.name,
    modulePath: [],
    action,
    labels: once(
      [...old.labels, ...fresh.labels].filter((label) => !revealsSensitive(label.key, secrets) && !revealsSensitive(label.value, secrets)),
      (label) => `${label.field}\u0000${label.key}\u0000${label.value}`,
    ),
    nameHints: once(
      [{ field: 'stack', value: parsed.stack }, ...old.nameHints, ...fresh.nameHints].filter((hint) => !revealsSensitive(hint.value, secrets)),
      (hint) => `${hint.field}\u0000${hint.value}`,
    ),
    accounts: firstOfEachAccount([...old.accounts, ...fresh.accounts].filter((account) => !revealsSensitive(account.id, secrets))),
  };
  if (combined.replaceOrder !== undefined) change.replaceOrder = combined.replaceOrder;
  const reason = reasonFor(action, steps, oldState, replacePaths, urn);
  if (reason !== undefined) change.reason = reason;
  if (replacePaths.length > 0 && action === 'replace') change.replacePaths = replacePaths;
  if (steps.some((step) => STEP_OPS[step.op].importing)) change.importing = true;
  const identity = old.identity.filter((value) => !revealsSensitive(value, secrets));
  if (identity.length > 0) change.identity = identity;
  const keptAttributes = collectKeptAttributes(type, stateSide(oldState), stateSide(newState), pulumiSpelling);
  if (keptAttributes !== undefined) change.keptAttributes = keptAttributes;
  if (action === 'replace' && flag(oldState, 'retainOnDelete')) {
    change.deletionKeeps = { outcome: 'retained', why: 'retainOnDelete is set, so Pulumi leaves the replaced resource in place' };
  }
  const namespace = change.nameHints.find((hint) => hint.field === 'metadata.namespace');
  if (namespace) change.namespace = namespace.value;
  return change;
}

/** URN → the URNs of the resources whose state lists it among their dependencies. */
function dependentsOf(steps: PreviewStep[]): Map<string, Set<string>> {
  const dependents = new Map<string, Set<string>>();
  for (const step of steps) {
    for (const state of [step.oldState, step.newState]) {
      for (const dependency of propertyKeys(state?.dependencies)) {
        if (dependency === step.urn) continue;
        const set = dependents.get(dependency) ?? new Set<string>();
        set.add(step.urn);
        dependents.set(dependency, set);
      }
    }
  }
  return dependents;
}

export function analyzePulumiPreview(steps: PreviewStep[], file: string, input: number, quietChanges: QuietChanges): AnalyzedInput {
  const byUrn = new Map<string, PreviewStep[]>();
  for (const step of steps) byUrn.set(step.urn, [...(byUrn.get(step.urn) ?? []), step]);
  const tally = new ChangeTally(quietChanges, new Set());
  const changes: ResourceChange[] = [];
  for (const [urn, ofUrn] of byUrn) {
    const change = toResourceChange(urn, ofUrn, input);
    if (tally.count(change.action, urn)) changes.push(change);
  }
  return {
    file,
    format: 'pulumi-preview',
    platform: 'pulumi',
    changes,
    actionCounts: tally.actionCounts,
    drift: [],
    variables: [],
    outputActions: [],
    dependents: dependentsOf(steps),
  };
}
