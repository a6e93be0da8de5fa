// Decides the environment of every resource change, strongest evidence first: its tags, its names, the plan's variables.
import type { EnvironmentTag, ResourceChange, RootVariable } from '../model.js';
import { strongest, type Candidate } from './candidate.js';
import { DEFAULT_NAME_RULE, DEFAULT_ROOT_VARIABLE_RULE, DEFAULT_TAG_RULE, NO_EVIDENCE_RULE } from './default-rules.js';
import { DEFAULT_ENVIRONMENTS, UNKNOWN_ENVIRONMENT, type EnvironmentDefinition } from './environments.js';
import { nameTokenCandidates } from './kinds/name-token.js';
import { rootVariableCandidates } from './kinds/root-variable.js';
import { tagValueCandidates } from './kinds/tag-value.js';

function toTag(candidate: Candidate): EnvironmentTag {
  return {
    name: candidate.environment.name,
    protected: candidate.environment.protected,
    rule: candidate.rule,
    evidence: candidate.evidence,
    reason: candidate.reason,
  };
}

const UNKNOWN_TAG: EnvironmentTag = {
  name: UNKNOWN_ENVIRONMENT,
  protected: false,
  rule: NO_EVIDENCE_RULE,
  reason: 'no environment tag, name or root variable says which environment it belongs to',
};

/**
 * Returns a classifier for the changes of one input. The root-variable tier is computed once per input: it is
 * the fallback for every resource of that plan.
 */
export function environmentClassifier(
  variables: RootVariable[],
  environments: readonly EnvironmentDefinition[] = DEFAULT_ENVIRONMENTS,
): (change: ResourceChange) => EnvironmentTag {
  const planWide = strongest(
    rootVariableCandidates(variables, DEFAULT_ROOT_VARIABLE_RULE.params, environments, DEFAULT_ROOT_VARIABLE_RULE.id),
  );
  return (change) => {
    const tiers: (() => Candidate[])[] = [
      () => tagValueCandidates(change, DEFAULT_TAG_RULE.params, environments, DEFAULT_TAG_RULE.id),
      () => nameTokenCandidates(change, environments, DEFAULT_NAME_RULE.id),
    ];
    for (const tier of tiers) {
      const decided = strongest(tier());
      if (decided) return toTag(decided);
    }
    return planWide ? toTag(planWide) : UNKNOWN_TAG;
  };
}
