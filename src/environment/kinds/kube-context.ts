// Rule kind: a Kubernetes context or cluster named like an environment (`prod-eu`, `gke_acme_europe-west1_production`)
// sets the environment of every object of the input that does not name its own.
import type { Candidate } from '../candidate.js';
import { matchEnvironment, type EnvironmentDefinition } from '../environments.js';
import { tokenize } from '../tokens.js';

export function kubeContextCandidates(contexts: readonly string[], environments: readonly EnvironmentDefinition[], ruleId: string): Candidate[] {
  return contexts.flatMap((context): Candidate[] => {
    const match = matchEnvironment(tokenize(context), environments, 'nameTokens');
    if (!match) return [];
    return [
      {
        environment: match.environment,
        rule: ruleId,
        evidence: `Kubernetes context ${JSON.stringify(context)}`,
        reason: `the change goes to the Kubernetes context ${JSON.stringify(context)}, whose name contains the word "${match.token}", and the object does not name its environment itself`,
      },
    ];
  });
}
