// Rule kind: a tag or label whose key means "environment" decides the environment by its whole value; an explicit
// environment key outranks a secondary one (`tier`, `stage`) on the same object.
import type { Label, ResourceChange } from '../../model.js';
import type { Candidate } from '../candidate.js';
import { UNKNOWN_ENVIRONMENT, readValue, type EnvironmentDefinition } from '../environments.js';
import { normalizeKey } from '../tokens.js';

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

const shown = (label: Label): string => `${label.key} = ${JSON.stringify(label.value)}`;

/** What one label says, if its key means environment: the environment, and the sentence fragment saying why. */
function labelCandidate(label: Label, strong: boolean, environments: readonly EnvironmentDefinition[], ruleId: string): Candidate | undefined {
  const value = label.value.trim();
  if (value === '') return undefined;
  const reading = readValue(value, environments);
  const evidence = `${label.field}.${label.key}`;
  if (reading !== undefined && 'names' in reading) {
    return { environment: reading.names.environment, rule: ruleId, evidence, reason: `its ${label.field} say ${shown(label)}` };
  }
  if (!strong) return undefined;
  if (reading === undefined) {
    return { environment: { name: value.toLowerCase(), protected: false }, rule: ruleId, evidence, reason: `its ${label.field} say ${shown(label)}` };
  }
  const { environment, token } = reading.ambiguous;
  return {
    environment: { name: UNKNOWN_ENVIRONMENT, protected: false },
    rule: ruleId,
    evidence,
    reason:
      `its ${label.field} say ${shown(label)}, which holds the word "${token}" but is not ${environment.name} as a whole value, ` +
      `so it does not say which environment it is (a configuration rule with tag: { key, value } can)`,
  };
}

/**
 * The same judgement over any list of labels (a resource's, or the provider default tags of a whole plan). When an
 * environment key says anything, secondary keys are not read, and the reason names the key that was outranked.
 */
export function resourceLabelsCandidates(labels: Label[], params: TagValueParams, environments: readonly EnvironmentDefinition[], ruleId: string): Candidate[] {
  const strong: Candidate[] = [];
  const weak: Candidate[] = [];
  const outranked: Label[] = [];
  for (const label of labels) {
    const key = normalizeKey(label.key);
    const isStrong = params.keys.includes(key);
    if (!isStrong && !params.weakKeys.includes(key)) continue;
    const candidate = labelCandidate(label, isStrong, environments, ruleId);
    if (candidate === undefined) continue;
    (isStrong ? strong : weak).push(candidate);
    if (!isStrong) outranked.push(label);
  }
  if (strong.length === 0 || outranked.length === 0) return strong.length > 0 ? strong : weak;
  const secondary = [...new Set(outranked.map(shown))].join(', ');
  return strong.map((candidate) => ({ ...candidate, reason: `${candidate.reason} (an environment key, which outranks ${secondary})` }));
}
