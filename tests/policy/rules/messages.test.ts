// Every rule's messages against what its check reports: each report names a template of the rule and gives every
// placeholder of it, and every template is reached by some change, drift entry or plan (none is dead).
import type { Action, Drift } from '../../../src/model.js';
import { NO_OPTIONS, defineRule, type ChangeSubject, type PlanSubject, type Rule, type RuleReport } from '../../../src/policy/rule.js';
import { RULES, type RuleId } from '../../../src/policy/rules/index.js';
import { expectReportFits } from '../../helpers/rule-cases.js';
import { resourceChange } from '../../helpers/resource-change.js';

/** Options under which the rules that take some flag the changes below. */
const OPTIONS: Partial<Record<RuleId, object>> = {
  'protected-type-destroy': { types: ['aws_db_instance'] },
  'prod-update': { types: ['aws_db_instance'] },
  'too-many-destructive': { max: 0 },
};
const ENVIRONMENTS = [
  { name: 'production', protected: true, rule: 'test', reason: 'a test says so' },
  { name: 'staging', protected: false, rule: 'test', reason: 'a test says so' },
  { name: 'unknown', protected: false, rule: 'no-evidence', reason: 'nothing says' },
];
const CHANGES = (['delete', 'replace', 'update'] as Action[]).flatMap((action) => [
  resourceChange({ type: 'aws_db_instance', action }),
  resourceChange({ type: 'aws_db_instance', action, replaceOrder: 'create-first', reason: 'it is tainted' }),
  resourceChange({ type: 'aws_db_instance', action, deposed: '00a1b2c3', keptBy: 'helm.sh/resource-policy is keep' }),
  resourceChange({ type: 'aws_db_instance', action, keptAttributes: { deletion_protection: { before: true, after: false } } }),
  resourceChange({ type: 'aws_db_instance', action, keptAttributes: { deletion_protection: { before: true, after: { unknown: 'until-apply' } } } }),
]);
const SUBJECTS: ChangeSubject[] = CHANGES.flatMap((change) =>
  ENVIRONMENTS.map((environment) => ({ change, environment, preventDestroyAtBase: new Set(['aws_db_instance.main']) })),
);
const DRIFT: Drift[] = [
  { input: 0, address: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', action: 'delete' },
  { input: 0, address: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', action: 'update' },
];
const UNJUDGED = [['error: one'], Array.from({ length: 7 }, (_, i) => `error: ${i}`)];
const CREATES: ChangeSubject[] = ['a', 'b', 'c', 'd'].map((name) => ({ change: resourceChange({ name, action: 'create' }), environment: ENVIRONMENTS[0] }));
const BACKEND = { kind: 's3', where: 'main.tf:2', override: false };
const PLANS: PlanSubject[] = [
  ...UNJUDGED.map((unjudged) => ({ file: 'plan.json', changes: SUBJECTS, unjudged, emptyPriorState: false })),
  ...[CREATES.slice(0, 1), CREATES].map((changes) => ({ file: 'plan.json', changes, unjudged: [], emptyPriorState: true })),
  ...[{}, { stateFile: '/repo/terraform.tfstate' }, { backend: BACKEND, stateFile: '/repo/terraform.tfstate' }].map((stateStorage) => ({
    file: 'plan.json',
    changes: SUBJECTS,
    unjudged: [],
    emptyPriorState: false,
    stateStorage,
  })),
];

function reports(rule: Rule): RuleReport[] {
  const options = { ...rule.defaultOptions, ...OPTIONS[rule.id as RuleId] };
  const all: (RuleReport | undefined)[] =
    rule.subject === 'change'
      ? SUBJECTS.map((subject) => rule.check(subject, options))
      : rule.subject === 'drift'
        ? DRIFT.map((drift) => rule.check(drift, options))
        : PLANS.map((plan) => rule.check(plan, options));
  return all.filter((report) => report !== undefined);
}

describe.each(Object.values(RULES).map((rule) => [rule.id, rule] as const))('rule %s', (_id, rule) => {
  it('reports only messages it has, with every placeholder given', () => {
    const reported = reports(rule);
    expect(reported.length).toBeGreaterThan(0);
    for (const report of reported) expectReportFits(rule, report);
  });

  it('reaches every message it declares', () => {
    expect([...new Set(reports(rule).map((report) => report.messageId))].sort()).toEqual(Object.keys(rule.messages).sort());
  });
});

it('does not compile a rule whose check reports a message it does not declare', () => {
  const rule = defineRule({
    id: 'example',
    description: 'An example.',
    severity: 'info',
    messages: { known: '{{address}} is known.' },
    ...NO_OPTIONS,
    subject: 'drift',
    // @ts-expect-error -- "unknown" is not a key of messages
    check: ({ address }) => ({ messageId: 'unknown', data: { address } }),
  });
  expect(Object.keys(rule.messages)).toEqual(['known']);
});
