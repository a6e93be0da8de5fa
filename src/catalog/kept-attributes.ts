// The attribute values blast-radius keeps of a resource: for each type, the union of the attributes the recoverability
// table (recoverability.json) and the protection table (protections.json) name, with their kind and documented default.
import type { KeptValue } from '../model.js';
import protections from './protections.json' with { type: 'json' };
import recoverability from './recoverability.json' with { type: 'json' };
import { catalogKey } from './type-aliases/index.js';

/** A value the tables compare with: what a kept attribute holds once it is known. */
export type KnownValue = boolean | number | string;

/**
 * How an attribute is kept: a boolean, a number, one of `values` (any other string is not kept), or `presence`: only
 * whether a string is set (`final_snapshot_identifier`), never the string.
 */
export interface AttributeSpec {
  kind: 'boolean' | 'number' | 'enum' | 'presence';
  values?: string[];
  /** What the provider does when the attribute is not set (null: nothing documented). */
  default: KnownValue | null;
  /** The provider's documentation or schema that says so. */
  source: string;
}

interface TableEntry {
  attributes: Record<string, AttributeSpec>;
}

interface ProtectionRow extends AttributeSpec {
  attribute: string;
}

const RECOVERABILITY = recoverability as unknown as Readonly<Record<string, TableEntry>>;
const PROTECTIONS = protections as unknown as Readonly<Record<string, readonly ProtectionRow[]>>;

function unionOfTables(): Map<string, Map<string, AttributeSpec>> {
  const union = new Map<string, Map<string, AttributeSpec>>();
  const add = (type: string, path: string, spec: AttributeSpec): void => {
    const specs = union.get(type) ?? new Map<string, AttributeSpec>();
    if (!specs.has(path)) specs.set(path, { kind: spec.kind, ...(spec.values ? { values: spec.values } : {}), default: spec.default, source: spec.source });
    union.set(type, specs);
  };
  for (const [type, entry] of Object.entries(RECOVERABILITY)) for (const [path, spec] of Object.entries(entry.attributes)) add(type, path, spec);
  for (const [type, rows] of Object.entries(PROTECTIONS)) for (const row of rows) add(type, row.attribute, row);
  return union;
}

const KEPT = unionOfTables();

/** The attributes kept of a resource type (a Terraform type, a Kubernetes kind, or another tool's name for one): path → spec. */
export function keptAttributeSpecs(type: string): ReadonlyMap<string, AttributeSpec> | undefined {
  return KEPT.get(catalogKey(type));
}

/** The value an attribute stands at, its documented default when the input says it is not set; undefined when unknown. */
export function effectiveValue(value: KeptValue | undefined, spec: AttributeSpec): KnownValue | null | undefined {
  if (value === undefined || (value !== null && typeof value === 'object')) return undefined;
  return value ?? spec.default;
}

/** Why a kept value is not known, in words that follow "the input does not say": `whether it is set`. */
export function unknownBecause(value: KeptValue | undefined): string {
  if (value !== null && typeof value === 'object') {
    if (value.unknown === 'sensitive') return 'it is marked sensitive';
    if (value.unknown === 'until-apply') return 'it is known only after apply';
    return 'its value is not one blast-radius knows';
  }
  return 'the input does not carry it';
}
