// What a policy rule is: metadata (its message templates, its typed options and their defaults) plus a pure check over
// one change, one drift entry or one plan, under those options, that returns a message id and the data its template needs.
import type { Drift, EnvironmentTag, ResourceChange, Severity } from '../model.js';
import type { StateStorage } from '../terraform-source/state-storage.js';

export const DOCS_BASE_URL = 'https://github.com/blast-radius/blast-radius/blob/main/docs/rules';

export interface ChangeSubject {
  change: ResourceChange;
  environment: EnvironmentTag;
  /** Root-module resources whose block had prevent_destroy = true at the base revision (--tf-base), if read. */
  preventDestroyAtBase?: ReadonlySet<string>;
}

/** A whole plan, for rules about the change as a whole (how much it destroys). */
export interface PlanSubject {
  file: string;
  changes: ChangeSubject[];
  /** Objects the input mentions but could not be judged from it (kubectl printed an error instead of a diff). */
  unjudged: readonly string[];
  /** A Terraform plan made against a state that held no managed resource (src/analyzers/terraform/prior-state.ts). */
  emptyPriorState: boolean;
  /** Where the plan's state is kept, as its .tf sources say; undefined when they were not read. */
  stateStorage?: StateStorage;
}

/** The values a message template's `{{name}}` placeholders take. */
export type MessageData = Readonly<Record<string, string | number>>;

/** What a check reports: which of the rule's messages, and the data that fills its placeholders. */
export interface RuleReport<M extends string = string> {
  messageId: M;
  data: MessageData;
}

/** The JSON Schema (draft-07) of one option, as the configuration schema states it. */
export interface OptionSchema {
  type: 'integer' | 'array';
  description: string;
  minimum?: number;
  items?: { type: 'string' };
}

/**
 * The JSON Schema of a rule's options object, one property per option (the compiler holds it to the options type);
 * schema/blast-radius.schema.json repeats it under policy.rules, and a test keeps the two equal.
 */
export interface OptionsSchema<O extends object> {
  type: 'object';
  additionalProperties: false;
  properties: Readonly<Record<keyof NoInfer<O>, OptionSchema>>;
}

/** The options and their schema of a rule that takes none. */
export const NO_OPTIONS = {
  defaultOptions: {},
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
} as const satisfies { defaultOptions: object; optionsSchema: OptionsSchema<object> };

interface RuleMetadata<M extends string, O extends object> {
  /** Kebab-case, stable forever: users allow-list it. */
  id: string;
  /** One line, ending with a period. */
  description: string;
  /** The severity of its findings unless the configuration sets the rule's level (src/policy/rule-settings.ts). */
  severity: Severity;
  /** Every message the check can report, by id: templates with `{{name}}` placeholders (src/policy/format-message.ts). */
  messages: Readonly<Record<M, string>>;
  /** The options the check gets when the configuration sets none; configured ones are merged over them. */
  defaultOptions: Readonly<O>;
  optionsSchema: OptionsSchema<O>;
}

export interface ChangeRule<M extends string = string, O extends object = object> extends RuleMetadata<M, O> {
  subject: 'change';
  /**
   * The severity of its findings on changes outside a protected environment, while the configuration leaves the rule
   * at its own severity (a level the configuration sets applies everywhere).
   */
  severityOutsideProtected?: Severity;
  /** What to report when the rule applies to this change, otherwise undefined. */
  check(subject: ChangeSubject, options: Readonly<O>): RuleReport<M> | undefined;
}

export interface PlanRule<M extends string = string, O extends object = object> extends RuleMetadata<M, O> {
  subject: 'plan';
  check(subject: PlanSubject, options: Readonly<O>): RuleReport<M> | undefined;
}

export interface DriftRule<M extends string = string, O extends object = object> extends RuleMetadata<M, O> {
  subject: 'drift';
  check(drift: Drift, options: Readonly<O>): RuleReport<M> | undefined;
}

export type Rule = ChangeRule | DriftRule | PlanRule;

/**
 * Message ids are inferred from `messages` alone (NoInfer keeps the check from adding any), so the compiler refuses a
 * check that reports an id the rule has no template for.
 */
export function defineRule<M extends string, O extends object>(rule: ChangeRule<NoInfer<M>, O> & { messages: Record<M, string> }): ChangeRule<M, O>;
export function defineRule<M extends string, O extends object>(rule: PlanRule<NoInfer<M>, O> & { messages: Record<M, string> }): PlanRule<M, O>;
export function defineRule<M extends string, O extends object>(rule: DriftRule<NoInfer<M>, O> & { messages: Record<M, string> }): DriftRule<M, O>;
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** The documentation page of a rule: derived from its id here and nowhere else. */
export function ruleUrl(id: string): string {
  return `${DOCS_BASE_URL}/${id}.md`;
}
