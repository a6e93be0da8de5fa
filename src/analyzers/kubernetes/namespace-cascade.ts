// The reason an object is deleted because its namespace is: written by the cascade finder, read by the text reporter
// to list such objects under their namespace.

/** `Namespace/payments-prod`: the address of a namespace (core kind, no namespace of its own). */
export const NAMESPACE_ADDRESS = /^Namespace\/([^/]+)$/;

/** The reason of an object deleted with its namespace `namespace`. */
export function namespaceDeletedReason(namespace: string): string {
  return `namespace ${namespace} is deleted`;
}
