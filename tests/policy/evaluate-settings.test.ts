// evaluatePolicy under rule settings: a rule turned off reports nothing, a level becomes the findings' severity, and
// the options configured are the ones the check gets.
import type { ClassifiedChange } from '../../src/model.js';
import { evaluatePolicy } from '../../src/policy/evaluate.js';
import { RULES } from '../../src/policy/rules/index.js';
import { resourceChange } from '../helpers/resource-change.js';

const production = { name: 'production', protected: true, rule: 'test', reason: 'a test says so' };
const classified: ClassifiedChange[] = [
  { change: resourceChange({ type: 'aws_db_instance', action: 'replace' }), environment: production },
  { change: resourceChange({ type: 'aws_kms_key', action: 'delete', address: 'aws_kms_key.main' }), environment: production },
];
const inputs = [{ file: 'plan.json' }];
const rules = [RULES['prod-replace'], RULES['prod-delete'], RULES['too-many-destructive']];
const findings = (settings: Parameters<typeof evaluatePolicy>[4]) =>
  evaluatePolicy(classified, [], inputs, rules, settings).map((f) => `${f.severity} ${f.ruleId} ${f.messageId} ${f.address}`);

it('runs every rule at its own severity and defaults without settings', () => {
  expect(findings({})).toEqual(['error prod-replace replaced aws_db_instance.main', 'error prod-delete destroyed aws_kms_key.main']);
});

it('skips a rule that is off and gives a level to the findings of another', () => {
  expect(
    findings({
      'prod-replace': { level: 'off', options: {}, from: ['policy.rules.prod-replace'] },
      'prod-delete': { level: 'warning', options: {}, from: ['policy.rules.prod-delete'] },
    }),
  ).toEqual(['warning prod-delete destroyed aws_kms_key.main']);
});

it('gives the check the configured options', () => {
  const settings = { 'too-many-destructive': { level: 'error', options: { max: 1 }, from: ['policy.rules.too-many-destructive'] } } as const;
  const [limit] = evaluatePolicy(classified, [], inputs, rules, settings).filter((f) => f.ruleId === 'too-many-destructive');
  expect(limit).toMatchObject({
    messageId: 'tooMany',
    severity: 'error',
    message: 'plan.json deletes or replaces 2 resources; the configuration allows at most 1 in one plan.',
  });
});

it('lowers a rule with a severity outside protected environments there, unless the configuration sets its level', () => {
  const development = { name: 'development', protected: false, rule: 'test', reason: 'a test says so' };
  const weakened = (address: string) =>
    resourceChange({ type: 'aws_db_instance', action: 'update', address, keptAttributes: { deletion_protection: { before: true, after: false } } });
  const updates: ClassifiedChange[] = [
    { change: weakened('aws_db_instance.prod'), environment: production },
    { change: weakened('aws_db_instance.dev'), environment: development },
  ];
  const severities = (settings: Parameters<typeof evaluatePolicy>[4]) =>
    evaluatePolicy(updates, [], inputs, [RULES['protection-weakened']], settings).map((f) => `${f.severity} ${f.address}`);
  expect(severities({})).toEqual(['error aws_db_instance.prod', 'warning aws_db_instance.dev']);
  const warn = { 'protection-weakened': { level: 'warning', options: { ignore: [] }, from: ['policy.rules.protection-weakened'] } } as const;
  expect(severities(warn)).toEqual(['warning aws_db_instance.dev', 'warning aws_db_instance.prod']);
});

it('puts a loss for good first within its severity, whatever its address', () => {
  const kept = (skip: boolean) => ({ skip_final_snapshot: { before: skip }, delete_automated_backups: { before: true } });
  const deletes: ClassifiedChange[] = [
    {
      change: resourceChange({ type: 'aws_db_instance', action: 'delete', address: 'aws_db_instance.a', keptAttributes: kept(false) }),
      environment: production,
    },
    {
      change: resourceChange({ type: 'aws_db_instance', action: 'delete', address: 'aws_db_instance.b', keptAttributes: kept(true) }),
      environment: production,
    },
  ];
  expect(evaluatePolicy(deletes, [], inputs, [RULES['prod-delete']]).map((f) => [f.address, f.recoverability?.outcome])).toEqual([
    ['aws_db_instance.b', 'lost'],
    ['aws_db_instance.a', 'recoverable'],
  ]);
});
