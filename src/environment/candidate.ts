// The shape every environment rule kind returns: one piece of evidence for one environment.
import type { EnvironmentDefinition } from './environments.js';

export interface Candidate {
  environment: Pick<EnvironmentDefinition, 'name' | 'protected'>;
  /** Id of the classifier rule that found it. */
  rule: string;
  /** `tags.Environment = "production"`: the field and value, never a sensitive one. */
  evidence: string;
  /** Sentence fragment after "it is <env> because": `its tag Environment = "production" (in tags) says so`. */
  reason: string;
}

/** Picks the candidate to believe among equals: a protected environment first, then the earliest found. */
export function strongest(candidates: Candidate[]): Candidate | undefined {
  return candidates.find((c) => c.environment.protected) ?? candidates[0];
}
