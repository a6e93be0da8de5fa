// Builds the rules that flag a delete or replace in one class of environment: protected, unprotected or unknown.
import type { EnvironmentTag, Severity } from '../model.js';
import { UNKNOWN_ENVIRONMENT } from '../environment/environments.js';
import { DELETE_MESSAGES, REPLACE_MESSAGES, describeDeletion, describeReplacement } from './describe-destruction.js';
import { NO_OPTIONS, defineRule, type ChangeRule, type ChangeSubject, type RuleReport } from './rule.js';

export type EnvironmentScope = 'protected' | 'unprotected' | 'unknown';

export function environmentScope(environment: EnvironmentTag): EnvironmentScope {
  if (environment.protected) return 'protected';
  return environment.name === UNKNOWN_ENVIRONMENT ? 'unknown' : 'unprotected';
}

type DestructiveAction = 'delete' | 'replace';
type MessageIdOf<A extends DestructiveAction> = A extends 'delete' ? keyof typeof DELETE_MESSAGES : keyof typeof REPLACE_MESSAGES;

/** Per action: the messages its rules have, and the report of a change they flag. */
const BY_ACTION: { [A in DestructiveAction]: { messages: Record<MessageIdOf<A>, string>; describe: (subject: ChangeSubject) => RuleReport<MessageIdOf<A>> } } =
  {
    delete: { messages: DELETE_MESSAGES, describe: describeDeletion },
    replace: { messages: REPLACE_MESSAGES, describe: describeReplacement },
  };

export function destructionRule<A extends DestructiveAction>(spec: {
  id: string;
  description: string;
  severity: Severity;
  action: A;
  scope: EnvironmentScope;
}): ChangeRule<MessageIdOf<A>, typeof NO_OPTIONS.defaultOptions> {
  const { messages, describe } = BY_ACTION[spec.action];
  return defineRule({
    id: spec.id,
    description: spec.description,
    severity: spec.severity,
    messages,
    ...NO_OPTIONS,
    subject: 'change',
    check: (subject) => (subject.change.action === spec.action && environmentScope(subject.environment) === spec.scope ? describe(subject) : undefined),
  });
}
