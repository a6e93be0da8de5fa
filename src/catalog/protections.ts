// Which updates weaken what protects a resource's data, from the protection table (protections.json, each row with its
// source): deletion protection switched off, a final snapshot skipped, force_destroy switched on, a retention lowered.
import type { ResourceChange } from '../model.js';
import { effectiveValue, keptAttributeSpecs, type AttributeSpec, type KnownValue } from './kept-attributes.js';
import protections from './protections.json' with { type: 'json' };
import { catalogKey } from './type-aliases/index.js';

/** From a protective value to a weaker one (null: not set, as when an annotation is removed), or any lower number. */
export type Weakened = { from: (KnownValue | null)[]; to: (KnownValue | null)[] } | { lowered: true };

export interface ProtectionRow extends AttributeSpec {
  /** The attribute's path in the table's spelling (`settings.deletion_protection_enabled`). */
  attribute: string;
  weakened: Weakened;
  /** What it protects, in words that follow "weakens": `deletion protection`. */
  protection: string;
}

export const PROTECTIONS = protections as unknown as Readonly<Record<string, readonly ProtectionRow[]>>;

/** One protection an update weakens: `to` is undefined when the new value is known only after apply (or is sensitive). */
export interface Weakening {
  type: string;
  attribute: string;
  protection: string;
  from: KnownValue | null;
  to?: KnownValue | null;
}

function weakens(weakened: Weakened, from: KnownValue | null, to: KnownValue | null | undefined): boolean {
  if ('lowered' in weakened) return typeof from === 'number' && (to === undefined || (typeof to === 'number' && to < from));
  return weakened.from.includes(from) && (to === undefined || weakened.to.includes(to));
}

/** The protections an in-place update weakens, in the table's order; none for other actions or types not in the table. */
export function weakenedProtections(change: ResourceChange): Weakening[] {
  if (change.action !== 'update') return [];
  const key = catalogKey(change.type);
  const rows = Object.hasOwn(PROTECTIONS, key) ? PROTECTIONS[key] : [];
  const specs = keptAttributeSpecs(change.type);
  return rows.flatMap((row): Weakening[] => {
    const kept = change.keptAttributes?.[row.attribute];
    const spec = specs?.get(row.attribute);
    if (kept === undefined || spec === undefined || kept.after === undefined) return [];
    const from = effectiveValue(kept.before, spec);
    if (from === undefined) return [];
    // Undefined: the new value is known only after apply (it may weaken); a sensitive or unlisted one is not judged.
    const to = effectiveValue(kept.after, spec);
    const untilApply = typeof kept.after === 'object' && kept.after !== null && kept.after.unknown === 'until-apply';
    if (to === undefined && !untilApply) return [];
    if (!weakens(row.weakened, from, to) || from === to) return [];
    return [{ type: key, attribute: row.attribute, protection: row.protection, from, ...(to === undefined ? {} : { to }) }];
  });
}
