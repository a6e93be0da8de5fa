// Rule kind: a root variable named like "environment" sets the environment of every resource that says nothing itself.
import type { RootVariable } from '../../model.js';
import type { Candidate } from '../candidate.js';
import { environmentNamed, matchEnvironment, type EnvironmentDefinition } from '../environments.js';
import { normalizeKey, tokenize } from '../tokens.js';

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
    const named = environmentNamed(value, environments);
    const match = named ? { environment: named, token: value } : matchEnvironment(tokenize(value), environments, 'valueTokens');
    // A sensitive value is used but never shown, and only when it is a known word (its raw text would leak).
    if (!match && variable.sensitive) continue;
    const environment = match?.environment ?? { name: value.toLowerCase(), protected: false };
    const shown = variable.sensitive ? `${variable.name} (sensitive, value not shown)` : `${variable.name} = ${JSON.stringify(variable.value)}`;
    candidates.push({
      environment,
      rule: ruleId,
      evidence: `var.${variable.name}`,
      reason: `the plan's root variable ${shown} applies to every resource that does not name its environment itself`,
    });
  }
  return candidates;
}
