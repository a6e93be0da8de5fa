// The shape hcl2json gives Terraform source: objects whose blocks are lists (or, sometimes, single objects).

export type HclJson = Record<string, unknown>;

/** A block's value as a list of objects, whether hcl2json wrote one object, a list, or nothing. */
export function asList(value: unknown): HclJson[] {
  if (Array.isArray(value)) return value as HclJson[];
  return value && typeof value === 'object' ? [value as HclJson] : [];
}
