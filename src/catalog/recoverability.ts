// Whether the data of a deleted, replaced or forgotten resource comes back, decided from its kept values before the
// change and the provider's documented defaults, by the cases of its type in recoverability.json (data, with sources).
import type { KeptAttribute, Recoverability, RecoverabilityOutcome, ResourceChange } from '../model.js';
import { effectiveValue, keptAttributeSpecs, unknownBecause, type AttributeSpec, type KnownValue } from './kept-attributes.js';
import recoverability from './recoverability.json' with { type: 'json' };
import { catalogKey } from './type-aliases/index.js';

/** A condition on one attribute: equal to a value, or a number at least (or at most) some bound. */
export type Condition = KnownValue | { atLeast: number } | { atMost: number };

export interface RecoverabilityCase {
  /** Every attribute named must meet its condition; no `when`: the case always applies. */
  when?: Record<string, Condition>;
  outcome: RecoverabilityOutcome;
  /** Plain words; `{{path}}` is the attribute's value. */
  why: string;
}

export interface RecoverabilityEntry {
  /** The provider's page for the type. */
  source: string;
  attributes: Record<string, AttributeSpec>;
  /** Tried in order: the first that applies decides. */
  cases: RecoverabilityCase[];
}

export const RECOVERABILITY = recoverability as unknown as Readonly<Record<string, RecoverabilityEntry>>;

function meets(value: KnownValue | null, condition: Condition): boolean {
  if (typeof condition !== 'object') return value === condition;
  if (typeof value !== 'number') return false;
  return 'atLeast' in condition ? value >= condition.atLeast : value <= condition.atMost;
}

/** The value of an attribute before the change, or its default; undefined when the input does not say. */
function valueBefore(change: ResourceChange, path: string): { value?: KnownValue | null; kept?: KeptAttribute } {
  const kept = change.keptAttributes?.[path];
  const spec = keptAttributeSpecs(change.type)?.get(path);
  if (spec === undefined) return {};
  const value = effectiveValue(kept?.before, spec);
  return value === undefined ? { kept } : { value, kept };
}

/** Why a deciding value is unknown; a change set carries no property values, and says so in CloudFormation's words. */
function unknownWhy(change: ResourceChange, path: string, kept: KeptAttribute | undefined): string {
  if (change.source === 'cloudformation' && kept === undefined) {
    return 'a change set carries no property values to decide it from, and no DeletionPolicy or UpdateReplacePolicy Snapshot or Retain keeps it';
  }
  return `${path} is not known before the change: ${unknownBecause(kept?.before)}`;
}

function fill(why: string, change: ResourceChange): string {
  return why.replace(/\{\{([^}]+)\}\}/g, (_, path: string) => String(valueBefore(change, path).value ?? 'not set'));
}

/** Whether the data of the resource comes back after the change; undefined for actions that destroy nothing. */
export function recoverabilityOf(change: ResourceChange): Recoverability | undefined {
  if (change.action === 'forget') {
    return { outcome: 'retained', why: change.keptBy ?? change.reason ?? 'it leaves management and stays where it is' };
  }
  if (change.action !== 'delete' && change.action !== 'replace') return undefined;
  if (change.deletionKeeps !== undefined) return { outcome: change.deletionKeeps.outcome, why: change.deletionKeeps.why };
  const key = catalogKey(change.type);
  if (!Object.hasOwn(RECOVERABILITY, key)) return { outcome: 'unknown', why: `blast-radius has no recoverability data for ${change.type}` };
  for (const entry of RECOVERABILITY[key].cases) {
    let applies = true;
    for (const [path, condition] of Object.entries(entry.when ?? {})) {
      const { value, kept } = valueBefore(change, path);
      if (value === undefined) return { outcome: 'unknown', why: unknownWhy(change, path, kept) };
      if (!meets(value, condition)) {
        applies = false;
        break;
      }
    }
    if (applies) return { outcome: entry.outcome, why: fill(entry.why, change) };
  }
  return { outcome: 'unknown', why: `no case of ${key} in the recoverability table applies` };
}
