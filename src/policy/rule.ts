// What a policy rule is: metadata (with its message templates) plus a pure check over one change, one drift entry or
// one plan that returns a message id and the data its template needs.
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

/** The values a message template's `{{name}}` placeholders take. */
export type MessageData = Readonly<Record<string, string | number>>;

/** What a check reports: which of the rule's messages, and the data that fills its placeholders. */
export interface RuleReport<M extends string = string> {
  messageId: M;
  data: MessageData;
}

interface RuleMetadata<M extends string> {
  /** Kebab-case, stable forever: users allow-list it. */
  id: string;
  /** One line, ending with a period. */
  description: string;
  /** The default severity; the configuration's policy may change it (see severityFor). */
  severity: Severity;
  /** Every message the check can report, by id: templates with `{{name}}` placeholders (src/policy/format-message.ts). */
  messages: Readonly<Record<M, string>>;
}

export interface ChangeRule<M extends string = string> extends RuleMetadata<M> {
  subject: 'change';
  /** What to report when the rule applies to this change, otherwise undefined. */
  check(subject: ChangeSubject): RuleReport<M> | undefined;
  /** The severity under the configured policy, when it is not always `severity`. */
  severityFor?(policy: PolicyOptions, subject: ChangeSubject): Severity;
}

export interface PlanRule<M extends string = string> extends RuleMetadata<M> {
  subject: 'plan';
  check(subject: PlanSubject): RuleReport<M> | undefined;
}

export interface DriftRule<M extends string = string> extends RuleMetadata<M> {
  subject: 'drift';
  check(drift: Drift): RuleReport<M> | undefined;
}

export type Rule = ChangeRule | DriftRule | PlanRule;

/**
 * Message ids are inferred from `messages` alone (NoInfer keeps the check from adding any), so the compiler refuses a
 * check that reports an id the rule has no template for.
 */
export function defineRule<M extends string>(rule: ChangeRule<NoInfer<M>> & { messages: Record<M, string> }): ChangeRule<M>;
export function defineRule<M extends string>(rule: PlanRule<NoInfer<M>> & { messages: Record<M, string> }): PlanRule<M>;
export function defineRule<M extends string>(rule: DriftRule<NoInfer<M>> & { messages: Record<M, string> }): DriftRule<M>;
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** The documentation page of a rule: derived from its id here and nowhere else. */
export function ruleUrl(id: string): string {
  return `${DOCS_BASE_URL}/${id}.md`;
}
