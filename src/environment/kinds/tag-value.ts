// Rule kind: a tag or label whose key means "environment" decides the environment by its value.
import type { Label, ResourceChange } from '../../model.js';
import type { Candidate } from '../candidate.js';
import { environmentNamed, matchEnvironment, type EnvironmentDefinition } from '../environments.js';
import { normalizeKey, tokenize } from '../tokens.js';

export interface TagValueParams {
  /** Normalized keys whose value names the environment even when it is not a known word (`env = "sandbox"`). */
  keys: string[];
  /** Normalized keys that decide only when the value is a known environment word (`tier = "prod"`, not `tier = "web"`). */
  weakKeys: string[];
}

export function tagValueCandidates(
  change: ResourceChange,
  params: TagValueParams,
  environments: readonly EnvironmentDefinition[],
  ruleId: string,
): Candidate[] {
  return resourceLabelsCandidates(change.labels, params, environments, ruleId);
}

/** The same judgement over any list of labels (a resource's, or the provider default tags of a whole plan). */
export function resourceLabelsCandidates(labels: Label[], params: TagValueParams, environments: readonly EnvironmentDefinition[], ruleId: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const label of labels) {
    const key = normalizeKey(label.key);
    const strong = params.keys.includes(key);
    if (!strong && !params.weakKeys.includes(key)) continue;
    const value = label.value.trim();
    if (value === '') continue;
    const named = environmentNamed(value, environments);
    const match = named ? { environment: named, token: value } : matchEnvironment(tokenize(value), environments, 'valueTokens');
    if (!match && !strong) continue;
    const environment = match?.environment ?? { name: value.toLowerCase(), protected: false };
    const shown = `${label.key} = ${JSON.stringify(label.value)}`;
    candidates.push({
      environment,
      rule: ruleId,
      evidence: `${label.field}.${label.key}`,
      reason: `its ${label.field} say ${shown}`,
    });
  }
  return candidates;
}
