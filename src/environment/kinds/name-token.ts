// Rule kind: an environment word as a whole token in the resource's name, Kubernetes namespace, module names, keys or
// name attributes.
import type { ResourceChange } from '../../model.js';
import type { Candidate } from '../candidate.js';
import { matchEnvironment, type EnvironmentDefinition } from '../environments.js';
import { tokenize } from '../tokens.js';

interface NamedPart {
  what: string;
  value: string;
}

function namedParts(change: ResourceChange): NamedPart[] {
  const parts: NamedPart[] = [{ what: 'resource name', value: change.name }];
  if (change.namespace !== undefined) parts.push({ what: 'namespace', value: change.namespace });
  if (typeof change.index === 'string') parts.push({ what: 'instance key', value: change.index });
  for (const module of change.modulePath) parts.push({ what: 'module name', value: module });
  const keys = change.address.match(/\["(?:[^"\\]|\\.)*"\]/g) ?? [];
  for (const key of keys) {
    const value = JSON.parse(key.slice(1, -1)) as string;
    if (value !== change.index) parts.push({ what: 'module key', value });
  }
  for (const hint of change.nameHints) parts.push({ what: `attribute ${hint.field}`, value: hint.value });
  if (change.previousAddress !== undefined) parts.push({ what: 'previous address', value: change.previousAddress });
  return parts;
}

export function nameTokenCandidates(change: ResourceChange, environments: readonly EnvironmentDefinition[], ruleId: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const part of namedParts(change)) {
    const match = matchEnvironment(tokenize(part.value), environments, 'nameTokens');
    if (!match) continue;
    candidates.push({
      environment: match.environment,
      rule: ruleId,
      evidence: `${part.what} ${JSON.stringify(part.value)}`,
      reason: `its ${part.what} ${JSON.stringify(part.value)} contains the word "${match.token}"`,
    });
  }
  return candidates;
}
