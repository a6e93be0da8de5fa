// Rule kind: a root variable named like "environment" sets the environment of every resource that says nothing itself.
import type { RootVariable } from '../../model.js';
import type { Candidate } from '../candidate.js';
import { UNKNOWN_ENVIRONMENT, readValue, type EnvironmentDefinition } from '../environments.js';
import { normalizeKey } from '../tokens.js';

export interface RootVariableParams {
  /** Normalized variable names that name the environment (`environment`, `env`, `stage` …). */
  names: string[];
}

export function rootVariableCandidates(
  variables: RootVariable[],
  params: RootVariableParams,
  environments: readonly EnvironmentDefinition[],
  ruleId: string,
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const variable of variables) {
    if (variable.value === undefined || !params.names.includes(normalizeKey(variable.name))) continue;
    const value = variable.value.trim();
    if (value === '') continue;
    // The value names an environment only as a whole (`prod`, not `prod-copy`): see readValue.
    const reading = readValue(value, environments);
    const named = reading !== undefined && 'names' in reading ? reading.names.environment : undefined;
    // A sensitive value is used but never shown, and only when it is a known word (its raw text would leak).
    if (!named && variable.sensitive) continue;
    const shown = variable.sensitive ? `${variable.name} (sensitive, value not shown)` : `${variable.name} = ${JSON.stringify(variable.value)}`;
    const ambiguous = reading !== undefined && 'ambiguous' in reading ? reading.ambiguous : undefined;
    const environment = named ?? (ambiguous ? { name: UNKNOWN_ENVIRONMENT, protected: false } : { name: value.toLowerCase(), protected: false });
    const reason = ambiguous
      ? `the plan's root variable ${shown} holds the word "${ambiguous.token}" but is not ${ambiguous.environment.name} as a whole value, so it does not say which environment the resources that do not name their own are in`
      : `the plan's root variable ${shown} applies to every resource that does not name its environment itself`;
    candidates.push({ environment, rule: ruleId, evidence: `var.${variable.name}`, reason });
  }
  return candidates;
}
