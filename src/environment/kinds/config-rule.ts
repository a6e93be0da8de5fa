// Rule kind for the configuration file: a team's own rule, whose conditions (tag, address, module, key, type,
// attribute, namespace, account, root variable, context) must all hold; it reports the evidence of each.
import type { ResourceChange, RootVariable } from '../../model.js';
import type { Matcher } from '../../config/patterns.js';
import type { Candidate } from '../candidate.js';
import type { EnvironmentDefinition } from '../environments.js';

export interface RuleContext {
  variables: RootVariable[];
  /** Kubernetes context or cluster names that apply to the input, when known. */
  contexts: string[];
}

/** One condition: the evidence that satisfied it, or undefined. */
export type Condition = (change: ResourceChange, context: RuleContext) => string | undefined;

export interface CompiledRule {
  id: string;
  environment: EnvironmentDefinition;
  conditions: Condition[];
}

export const conditions = {
  tag:
    (key: Matcher, value: Matcher | undefined): Condition =>
    (change) => {
      const label = change.labels.find((l) => key(l.key) && (value === undefined || value(l.value)));
      return label && `${label.field}.${label.key} = ${JSON.stringify(label.value)}`;
    },
  address:
    (pattern: Matcher): Condition =>
    (change) =>
      pattern(change.address) ? `address ${change.address}` : undefined,
  module:
    (pattern: Matcher): Condition =>
    (change) => {
      const module = change.modulePath.find((m) => pattern(m));
      return module && `module ${JSON.stringify(module)}`;
    },
  name:
    (pattern: Matcher): Condition =>
    (change) =>
      pattern(change.name) ? `resource name ${JSON.stringify(change.name)}` : undefined,
  key:
    (pattern: Matcher): Condition =>
    (change) => {
      const keys = [...(change.address.match(/\[("(?:[^"\\]|\\.)*"|\d+)\]/g) ?? [])].map((k) => {
        const inner = k.slice(1, -1);
        return inner.startsWith('"') ? (JSON.parse(inner) as string) : inner;
      });
      const key = keys.find((k) => pattern(k));
      return key === undefined ? undefined : `key ${JSON.stringify(key)}`;
    },
  type:
    (pattern: Matcher): Condition =>
    (change) =>
      pattern(change.type) ? `type ${change.type}` : undefined,
  attribute:
    (name: string, value: Matcher): Condition =>
    (change) => {
      const hint = change.nameHints.find((h) => (h.field === name || h.field.endsWith(`.${name}`)) && value(h.value));
      return hint && `attribute ${hint.field} = ${JSON.stringify(hint.value)}`;
    },
  namespace:
    (pattern: Matcher): Condition =>
    (change) =>
      change.namespace !== undefined && pattern(change.namespace) ? `namespace ${JSON.stringify(change.namespace)}` : undefined,
  account:
    (patterns: Matcher[]): Condition =>
    (change) => {
      const account = change.accounts.find((a) => patterns.some((p) => p(a.id)));
      return account && `${account.provider} account ${account.id} (in ${account.field})`;
    },
  variable:
    (name: string, value: Matcher): Condition =>
    (_change, context) => {
      const variable = context.variables.find((v) => v.name === name && v.value !== undefined && value(v.value));
      if (!variable) return undefined;
      return variable.sensitive ? `root variable ${name} (sensitive, value not shown)` : `root variable ${name} = ${JSON.stringify(variable.value)}`;
    },
  context:
    (pattern: Matcher): Condition =>
    (_change, context) => {
      const name = context.contexts.find((c) => pattern(c));
      return name && `Kubernetes context ${JSON.stringify(name)}`;
    },
};

/** The candidate this rule gives for the change, when every condition holds. */
export function configRuleCandidate(rule: CompiledRule, change: ResourceChange, context: RuleContext): Candidate | undefined {
  const evidence: string[] = [];
  for (const condition of rule.conditions) {
    const found = condition(change, context);
    if (found === undefined) return undefined;
    evidence.push(found);
  }
  return {
    environment: rule.environment,
    rule: rule.id,
    evidence: evidence.join('; '),
    reason: `the configuration's rule ${rule.id} matches its ${evidence.join(' and ')}`,
  };
}
