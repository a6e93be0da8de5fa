// A table-driven tester for policy rules, after ESLint's RuleTester: each case is a change, its environment and the
// rule's options (its defaults unless given), listed under `flag` (the rule reports it, with the message id and data
// given) or `pass` (it does not).
import type { EnvironmentTag, ResourceChange } from '../../src/model.js';
import { placeholders } from '../../src/policy/format-message.js';
import type { ChangeRule, ChangeSubject, MessageData, RuleReport } from '../../src/policy/rule.js';
import { resourceChange } from './resource-change.js';

export interface RuleCase {
  change: Partial<ResourceChange>;
  environment: Pick<EnvironmentTag, 'name' | 'protected'>;
  options?: object;
}

export interface FlagCase extends RuleCase {
  messageId: string;
  /** The data the report must carry (it may carry more). */
  data?: MessageData;
}

export function subject({ change, environment }: RuleCase): ChangeSubject {
  return { change: resourceChange(change), environment: { rule: 'test', reason: 'a test says so', ...environment } };
}

/** Asserts that the rule has a template for the report and that the report gives every placeholder of it. */
export function expectReportFits(rule: Pick<ChangeRule, 'id' | 'messages'>, report: RuleReport): void {
  const template = rule.messages[report.messageId];
  expect(template).toEqual(expect.any(String));
  expect(placeholders(template).filter((name) => !Object.hasOwn(report.data, name))).toEqual([]);
}

export function ruleCases(rule: ChangeRule, cases: { flag: FlagCase[]; pass: RuleCase[] }): void {
  describe(rule.id, () => {
    it.each(cases.flag.map((c) => [`${c.change.action} in ${c.environment.name}`, c] as const))('flags %s', (_name, c) => {
      const report = rule.check(subject(c), { ...rule.defaultOptions, ...c.options });
      expect(report).toMatchObject({ messageId: c.messageId, data: c.data ?? {} });
      expectReportFits(rule, report as RuleReport);
    });
    it.each(cases.pass.map((c) => [`${c.change.action} in ${c.environment.name}`, c] as const))('passes %s', (_name, c) => {
      expect(rule.check(subject(c), { ...rule.defaultOptions, ...c.options })).toBeUndefined();
    });
  });
}
