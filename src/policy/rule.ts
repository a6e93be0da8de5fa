// What a policy rule is: metadata plus a pure check over one change (or one drift entry) that returns a message.
import type { PolicyOptions } from '../config/compiled-config.js';
import type { Drift, EnvironmentTag, ResourceChange, Severity } from '../model.js';

export const DOCS_BASE_URL = 'https://github.com/blast-radius/blast-radius/blob/main/docs/rules';

export interface ChangeSubject {
  change: ResourceChange;
  environment: EnvironmentTag;
  policy: PolicyOptions;
  /** Root-module resources whose block had prevent_destroy = true at the base revision (--tf-base), if read. */
  preventDestroyAtBase?: ReadonlySet<string>;
}

/** A whole plan, for rules about the change as a whole (how much it destroys). */
export interface PlanSubject {
  file: string;
  changes: ChangeSubject[];
  policy: PolicyOptions;
  /** Objects the input mentions but could not be judged from it (kubectl printed an error instead of a diff). */
  unjudged: readonly string[];
}

interface RuleMetadata {
  /** Kebab-case, stable forever: users allow-list it. */
  id: string;
  /** One line, ending with a period. */
  description: string;
  /** The default severity; the configuration's policy may change it (see severityFor). */
  severity: Severity;
}

export interface ChangeRule extends RuleMetadata {
  subject: 'change';
  /** The finding's message when the rule applies to this change, otherwise undefined. */
  check(subject: ChangeSubject): string | undefined;
  /** The severity under the configured policy, when it is not always `severity`. */
  severityFor?(policy: PolicyOptions, subject: ChangeSubject): Severity;
}

export interface PlanRule extends RuleMetadata {
  subject: 'plan';
  check(subject: PlanSubject): string | undefined;
}

export interface DriftRule extends RuleMetadata {
  subject: 'drift';
  check(drift: Drift): string | undefined;
}

export type Rule = ChangeRule | DriftRule | PlanRule;

export function defineRule<R extends Rule>(rule: R): R {
  return rule;
}

/** The documentation page of a rule: derived from its id here and nowhere else. */
export function ruleUrl(id: string): string {
  return `${DOCS_BASE_URL}/${id}.md`;
}
