// How the configuration sets a rule: its level (off, or the severity of its findings), its options, and which keys of
// the configuration file said so; a rule the configuration does not set runs at its own severity with its defaults.
import type { Severity } from '../model.js';
import type { Rule } from './rule.js';
import type { RULES, RuleId } from './rules/index.js';

export type RuleLevel = Severity | 'off';

export interface RuleSetting<O extends object = object> {
  level: RuleLevel;
  /** The rule's default options with the configured ones merged over them. */
  options: Readonly<O>;
  /** The configuration keys that set it, e.g. `policy.block` or `policy.rules.prod-replace`. */
  from: readonly string[];
}

export type RuleSettings = { readonly [K in RuleId]?: RuleSetting<(typeof RULES)[K]['defaultOptions']> };

/** What a rule runs with: its setting in the configuration, else its own severity and default options. */
export function effectiveSetting(rule: Rule, settings: RuleSettings): RuleSetting {
  return (settings as Readonly<Record<string, RuleSetting>>)[rule.id] ?? { level: rule.severity, options: rule.defaultOptions, from: [] };
}

/** The rules whose setting differs from their defaults (level or options), in the table's order, for explain. */
export function changedSettings(rules: readonly Rule[], settings: RuleSettings): { rule: Rule; setting: RuleSetting; optionsChanged: boolean }[] {
  return rules.flatMap((rule) => {
    const setting = effectiveSetting(rule, settings);
    const optionsChanged = JSON.stringify(setting.options) !== JSON.stringify(rule.defaultOptions);
    return setting.level !== rule.severity || optionsChanged ? [{ rule, setting, optionsChanged }] : [];
  });
}
