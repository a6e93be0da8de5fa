// Builds the rules that flag a delete or replace in one class of environment: protected, unprotected or unknown.
import type { EnvironmentTag, Severity } from '../model.js';
import { UNKNOWN_ENVIRONMENT } from '../environment/environments.js';
import { describeDestruction } from './describe-destruction.js';
import { defineRule, type ChangeRule } from './rule.js';

export type EnvironmentScope = 'protected' | 'unprotected' | 'unknown';

export function environmentScope(environment: EnvironmentTag): EnvironmentScope {
  if (environment.protected) return 'protected';
  return environment.name === UNKNOWN_ENVIRONMENT ? 'unknown' : 'unprotected';
}

export function destructionRule(spec: {
  id: string;
  description: string;
  severity: Severity;
  action: 'delete' | 'replace';
  scope: EnvironmentScope;
}): ChangeRule {
  return defineRule({
    id: spec.id,
    description: spec.description,
    severity: spec.severity,
    subject: 'change',
    check: (subject) =>
      subject.change.action === spec.action && environmentScope(subject.environment) === spec.scope
        ? describeDestruction(subject)
        : undefined,
    severityFor: (policy) => {
      if (spec.scope === 'protected') return policy.block.has(spec.action) ? 'error' : 'warning';
      if (spec.scope === 'unknown') return policy.unknown === 'block' ? 'error' : 'warning';
      return spec.severity;
    },
  });
}
