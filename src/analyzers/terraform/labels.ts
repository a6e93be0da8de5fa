// Collects tags and labels (and AWS `tag` blocks) from a resource's attribute values, skipping sensitive ones.
import type { Label } from '../../model.js';
import type { JsonValue } from './plan-types.js';
import { sensitiveChild } from './sensitivity.js';

/** Attribute names that hold key/value labels across the AWS, Google, Azure and Kubernetes providers. */
const LABEL_MAP_FIELDS = new Set(['tags', 'tags_all', 'labels', 'user_labels', 'effective_labels', 'terraform_labels']);
/** Deep enough for `settings[0].user_labels`, `metadata[0].labels` and `manifest.metadata.labels`. */
const MAX_DEPTH = 4;

type Path = (string | number)[];

function formatPath(path: Path): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
}

function isPlainObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Each walk goes down a value and the part of its `*_sensitive` tree at the same place (`sensitive`) together.

function collectMap(map: { [key: string]: JsonValue }, path: Path, sensitive: JsonValue | undefined, out: Label[]): void {
  for (const [key, value] of Object.entries(map)) {
    if (typeof value !== 'string' || sensitiveChild(sensitive, key) === true) continue;
    out.push({ key, value, field: formatPath(path) });
  }
}

/** AWS autoscaling groups and a few others write tags as a list of `{ key, value }` blocks. */
function collectTagBlocks(blocks: JsonValue[], path: Path, sensitive: JsonValue | undefined, out: Label[]): void {
  blocks.forEach((block, i) => {
    if (!isPlainObject(block) || typeof block.key !== 'string' || typeof block.value !== 'string') return;
    const blockSensitive = sensitiveChild(sensitive, i);
    if (sensitiveChild(blockSensitive, 'key') === true || sensitiveChild(blockSensitive, 'value') === true) return;
    out.push({ key: block.key, value: block.value, field: formatPath([...path, i]) });
  });
}

/** Labels hold only in objects and lists: a walk does not go down to the other values. */
const holdsMore = (value: JsonValue | undefined): boolean => typeof value === 'object' && value !== null;

function walk(value: JsonValue | undefined, path: Path, sensitive: JsonValue | undefined, out: Label[]): void {
  if (path.length > MAX_DEPTH || sensitive === true) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (holdsMore(item)) walk(item, [...path, i], sensitiveChild(sensitive, i), out);
    });
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (!holdsMore(child)) continue;
    const childSensitive = sensitiveChild(sensitive, key);
    if (LABEL_MAP_FIELDS.has(key) && isPlainObject(child)) {
      if (childSensitive !== true) collectMap(child, [...path, key], childSensitive, out);
    } else if (key === 'tag' && Array.isArray(child)) {
      collectTagBlocks(child, [...path, key], childSensitive, out);
    } else {
      walk(child, [...path, key], childSensitive, out);
    }
  }
}

/** Labels found in one attribute tree (`before` or `after`), each with the field it came from. */
export function collectLabels(values: JsonValue | undefined, sensitive: JsonValue | undefined): Label[] {
  const out: Label[] = [];
  walk(values, [], sensitive, out);
  return out;
}
