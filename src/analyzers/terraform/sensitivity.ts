// Answers whether a path in a Terraform value is marked sensitive by the parallel `*_sensitive` tree.
import type { JsonValue } from './plan-types.js';

/**
 * Terraform marks sensitive values with `true` at the same path in `before_sensitive`/`after_sensitive`;
 * `true` on an ancestor covers everything below it. A tree that is not an object or list marks nothing below.
 */
export function isSensitive(tree: JsonValue | undefined, path: (string | number)[]): boolean {
  let node: JsonValue | undefined = tree;
  for (const step of path) {
    if (node === true) return true;
    if (node === null || typeof node !== 'object') return false;
    node = Array.isArray(node) ? node[step as number] : Object.hasOwn(node, step) ? node[step as string] : undefined;
  }
  return node === true;
}

/**
 * The part of a `*_sensitive` tree at `step` below `node` (the part at a value's parent): what isSensitive would walk
 * through, one step at a time, for a walk that goes down a value and its sensitive tree together.
 */
export function sensitiveChild(node: JsonValue | undefined, step: string | number): JsonValue | undefined {
  if (node === true) return true;
  if (node === null || typeof node !== 'object') return undefined;
  return Array.isArray(node) ? node[step as number] : Object.hasOwn(node, step) ? node[step as string] : undefined;
}
