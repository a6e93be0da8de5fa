// A table-driven tester for policy rules, after ESLint's RuleTester: each case is a change and its environment,
// listed under `flag` (the rule reports it) or `pass` (it does not).
import { DEFAULT_POLICY, type PolicyOptions } from '../../src/config/compiled-config.js';
import type { EnvironmentTag, ResourceChange } from '../../src/model.js';
import type { ChangeRule, ChangeSubject } from '../../src/policy/rule.js';
import { resourceChange } from './resource-change.js';

export interface RuleCase {
  change: Partial<ResourceChange>;
  environment: Pick<EnvironmentTag, 'name' | 'protected'>;
  policy?: Partial<PolicyOptions>;
}

export function subject({ change, environment, policy }: RuleCase): ChangeSubject {
  return {
    change: resourceChange(change),
    environment: { rule: 'test', reason: 'a test says so', ...environment },
    policy: { ...DEFAULT_POLICY, ...policy },
  };
}

export function ruleCases(rule: ChangeRule, cases: { flag: RuleCase[]; pass: RuleCase[] }): void {
  describe(rule.id, () => {
    it.each(cases.flag.map((c) => [`${c.change.action} in ${c.environment.name}`, c] as const))('flags %s', (_name, c) => {
      const message = rule.check(subject(c));
      expect(message).toEqual(expect.any(String));
      expect(message).toContain(resourceChange(c.change).address);
    });
    it.each(cases.pass.map((c) => [`${c.change.action} in ${c.environment.name}`, c] as const))('passes %s', (_name, c) => {
      expect(rule.check(subject(c))).toBeUndefined();
    });
  });
}
