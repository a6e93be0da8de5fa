// The policy keys set rules: block and unknown set the level of the delete/replace rules, the others set options;
// no key, no setting (every rule at its defaults).
import { compileRuleSettings } from '../../src/config/compile-rule-settings.js';

it('sets nothing when the policy sets nothing', () => {
  expect(compileRuleSettings({})).toEqual({});
  expect(compileRuleSettings({ maxExceptionDays: 30 })).toEqual({});
});

it('lets production replaces warn when policy.block leaves replace out', () => {
  expect(compileRuleSettings({ block: ['delete'] })).toEqual({
    'prod-delete': { level: 'error', options: {}, from: ['policy.block'] },
    'prod-replace': { level: 'warning', options: {}, from: ['policy.block'] },
  });
});

it('blocks unknown environments when policy.unknown is block, and warns when it is warn', () => {
  expect(compileRuleSettings({ unknown: 'block' })).toMatchObject({
    'unknown-env-delete': { level: 'error', from: ['policy.unknown'] },
    'unknown-env-replace': { level: 'error', from: ['policy.unknown'] },
  });
  expect(compileRuleSettings({ unknown: 'warn' })['unknown-env-delete']?.level).toBe('warning');
});

it('gives the other keys to the options of the rules they have always governed', () => {
  expect(compileRuleSettings({ maxDestructiveChanges: 0, protectedTypes: ['aws_kms_key'], blockUpdatesOf: ['aws_iam_policy'] })).toEqual({
    'too-many-destructive': { level: 'error', options: { max: 0 }, from: ['policy.maxDestructiveChanges'] },
    'protected-type-destroy': { level: 'error', options: { types: ['aws_kms_key'] }, from: ['policy.protectedTypes'] },
    'prod-update': { level: 'error', options: { types: ['aws_iam_policy'] }, from: ['policy.blockUpdatesOf'] },
  });
});
