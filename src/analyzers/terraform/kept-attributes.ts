// Keeps, of a resource's values before and after a change, only the attributes the recoverability and protection
// tables name for its type (src/catalog/kept-attributes.ts): booleans, numbers, listed enum values, and whether a
// string is set. A value Terraform marks sensitive or knows only after apply is kept as unknown, never as itself.
import { keptAttributeSpecs, type AttributeSpec } from '../../catalog/kept-attributes.js';
import type { KeptAttribute, KeptValue } from '../../model.js';
import type { JsonValue, RawChange } from './plan-types.js';
import { isSensitive } from './sensitivity.js';

/** One side of a change as an input gives it: the values, and the trees that mark paths sensitive or unknown. */
export interface ValueSide {
  values: JsonValue | undefined;
  sensitive?: JsonValue;
  unknown?: JsonValue;
  /** A value that stands for a secret (Pulumi's `[secret]`). */
  isSecret?: (value: JsonValue) => boolean;
  /** A value that stands for one known only after apply (Pulumi's unknown marker). */
  isUnknown?: (value: JsonValue) => boolean;
  /**
   * True when a member left out is not "not set" but not said (a Pulumi preview's new inputs leave out what the provider
   * computes, which keeps its value): such an attribute is not kept for this side.
   */
  omitsComputed?: boolean;
}

const isObject = (value: JsonValue | undefined): value is { [key: string]: JsonValue } => typeof value === 'object' && value !== null && !Array.isArray(value);

function asKind(value: JsonValue, spec: AttributeSpec): KeptValue {
  if (value === null) return spec.kind === 'presence' ? false : null;
  switch (spec.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? value : { unknown: 'unlisted' };
    case 'number':
      return typeof value === 'number' ? value : { unknown: 'unlisted' };
    case 'enum':
      return typeof value === 'string' && (spec.values ?? []).includes(value) ? value : { unknown: 'unlisted' };
    case 'presence':
      return typeof value === 'string' ? value !== '' : { unknown: 'unlisted' };
  }
}

/**
 * The value at a table path (`settings.backup_configuration.enabled`): a nested block Terraform writes as a list of one
 * is entered at its only element; an empty list or a missing member is not set (null); a list of several is not one value.
 */
export function readKeptValue(side: ValueSide, segments: readonly string[], spec: AttributeSpec): KeptValue | undefined {
  let node: JsonValue | undefined = side.values;
  const steps: (string | number)[] = [];
  const marked = (): KeptValue | undefined => {
    if (isSensitive(side.sensitive, steps) || (node !== undefined && side.isSecret?.(node) === true)) return { unknown: 'sensitive' };
    if (isSensitive(side.unknown, steps) || (node !== undefined && side.isUnknown?.(node) === true)) return { unknown: 'until-apply' };
    return undefined;
  };
  for (const segment of segments) {
    const mark = marked();
    if (mark) return mark;
    if (Array.isArray(node)) {
      if (node.length === 0) return asKind(null, spec);
      if (node.length > 1) return { unknown: 'unlisted' };
      node = node[0];
      steps.push(0);
      const inner = marked();
      if (inner) return inner;
    }
    steps.push(segment);
    if (!isObject(node) || !Object.hasOwn(node, segment)) {
      // Terraform leaves out of `after` a value it knows only after apply, and marks its path in `after_unknown`.
      node = undefined;
      return marked() ?? (side.omitsComputed === true ? undefined : asKind(null, spec));
    }
    node = node[segment];
  }
  return marked() ?? asKind(node ?? null, spec);
}

/** `settings.backup_configuration.enabled` → its members; a member in brackets may hold dots (`metadata.annotations[helm.sh/resource-policy]`). */
function pathSegments(path: string): string[] {
  return [...path.matchAll(/\[([^\]]+)\]|[^.[\]]+/g)].map((match) => match[1] ?? match[0]);
}

/** The tables' few paths, split once rather than for every change of a large plan. */
const SEGMENTS = new Map<string, readonly string[]>();

function segmentsOf(path: string): readonly string[] {
  let segments = SEGMENTS.get(path);
  if (segments === undefined) {
    segments = pathSegments(path);
    SEGMENTS.set(path, segments);
  }
  return segments;
}

/** The attributes the tables name for `type`, each side the input has (none: the type is not in the tables). */
export function collectKeptAttributes(
  type: string,
  before: ValueSide | undefined,
  after: ValueSide | undefined,
  spell: (segment: string) => string = (segment) => segment,
): Record<string, KeptAttribute> | undefined {
  const specs = keptAttributeSpecs(type);
  if (specs === undefined || (before === undefined && after === undefined)) return undefined;
  const kept: Record<string, KeptAttribute> = {};
  for (const [path, spec] of specs) {
    const segments = segmentsOf(path).map(spell);
    const attribute: KeptAttribute = {};
    const valueBefore = before && readKeptValue(before, segments, spec);
    const valueAfter = after && readKeptValue(after, segments, spec);
    if (valueBefore !== undefined) attribute.before = valueBefore;
    if (valueAfter !== undefined) attribute.after = valueAfter;
    kept[path] = attribute;
  }
  return kept;
}

/** The sides of a Terraform change: `before` unless it creates, `after` unless it deletes. */
export function terraformSides(change: RawChange): { before?: ValueSide; after?: ValueSide } {
  const sides: { before?: ValueSide; after?: ValueSide } = {};
  if (change.before !== undefined && change.before !== null) sides.before = { values: change.before, sensitive: change.before_sensitive };
  if (change.after !== undefined && change.after !== null)
    sides.after = { values: change.after, sensitive: change.after_sensitive, unknown: change.after_unknown };
  return sides;
}
