// The most JSON documents one input may hold: more is no stream of plans a tool writes, and is refused in one sentence.

/** terragrunt run-all writes one plan per module; no repository comes near this many. */
export const MAX_DOCUMENTS = 10_000;

export function tooManyDocumentsMessage(name: string): string {
  return `${name} holds more than ${MAX_DOCUMENTS} JSON documents, far more than any stream of plans (terragrunt run-all writes one per module): it is not an input this tool reads.`;
}
