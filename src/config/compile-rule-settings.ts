// Turns the configuration's policy into rule settings: each of the older policy keys sets the level or an option of
// the rules it has always governed, then policy.rules sets levels and options by rule id, as ESLint's `rules` does.
import type { RuleLevel, RuleSetting, RuleSettings } from '../policy/rule-settings.js';
import { RULES, type RuleId } from '../policy/rules/index.js';
import type { Config, ConfiguredLevel, ConfiguredRule } from './config-types.js';

type Policy = NonNullable<Config['policy']>;

/** What one key sets of one rule. */
type Change = { [K in RuleId]: [K, Partial<Pick<RuleSetting<(typeof RULES)[K]['defaultOptions']>, 'level' | 'options'>>] }[RuleId];

/** The policy keys that set rules, and what each sets; applied in this order, before policy.rules. */
const POLICY_KEYS: { [K in keyof Policy]?: (value: NonNullable<Policy[K]>) => Change[] } = {
  block: (actions) => [
    ['prod-delete', { level: actions.includes('delete') ? 'error' : 'warning' }],
    ['prod-replace', { level: actions.includes('replace') ? 'error' : 'warning' }],
  ],
  unknown: (unknown) => [
    ['unknown-env-delete', { level: unknown === 'block' ? 'error' : 'warning' }],
    ['unknown-env-replace', { level: unknown === 'block' ? 'error' : 'warning' }],
  ],
  maxDestructiveChanges: (max) => [['too-many-destructive', { options: { max } }]],
  protectedTypes: (types) => [['protected-type-destroy', { options: { types } }]],
  blockUpdatesOf: (types) => [['prod-update', { options: { types } }]],
};

const LEVELS: Record<ConfiguredLevel, RuleLevel> = { off: 'off', 0: 'off', warn: 'warning', 1: 'warning', error: 'error', 2: 'error' };

/** An entry of policy.rules (the schema has checked its rule id and options) as what it sets. */
function configuredRule(id: string, entry: ConfiguredRule): Change {
  const [level, options] = Array.isArray(entry) ? entry : [entry];
  return [id, { level: LEVELS[level], ...(options === undefined ? {} : { options }) }] as Change;
}

export function compileRuleSettings(policy: Policy): RuleSettings {
  const settings: Partial<Record<RuleId, RuleSetting>> = {};
  const apply = ([id, { level, options }]: Change, from: string): void => {
    const rule = RULES[id];
    const current = settings[id] ?? { level: rule.severity, options: rule.defaultOptions, from: [] };
    settings[id] = { level: level ?? current.level, options: { ...current.options, ...options }, from: [...current.from, from] };
  };
  for (const [key, changes] of Object.entries(POLICY_KEYS) as [keyof Policy, (value: unknown) => Change[]][]) {
    if (policy[key] !== undefined) for (const change of changes(policy[key])) apply(change, `policy.${key}`);
  }
  for (const [id, entry] of Object.entries(policy.rules ?? {})) apply(configuredRule(id, entry), `policy.rules.${id}`);
  return settings as RuleSettings;
}
