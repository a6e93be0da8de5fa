// The policy keys set rules: block and unknown set the level of the delete/replace rules, the others set options;
// policy.rules sets any rule by id, ESLint-style, after them; no key, no setting (every rule at its defaults).
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

it('reads policy.rules levels as ESLint does, in words or numbers', () => {
  const settings = compileRuleSettings({
    rules: { 'prod-delete': 'off', 'prod-replace': 0, 'nonprod-delete': 'warn', 'nonprod-replace': 1, 'kept-by-annotation': 'error', 'resource-drift': 2 },
  });
  expect(Object.fromEntries(Object.entries(settings).map(([id, setting]) => [id, setting?.level]))).toEqual({
    'prod-delete': 'off',
    'prod-replace': 'off',
    'nonprod-delete': 'warning',
    'nonprod-replace': 'warning',
    'kept-by-annotation': 'error',
    'resource-drift': 'error',
  });
});

it('merges the options of [level, options] over the defaults, and takes [level] alone', () => {
  expect(compileRuleSettings({ rules: { 'too-many-destructive': ['warn', { max: 4 }], 'prod-update': ['error'] } })).toEqual({
    'too-many-destructive': { level: 'warning', options: { max: 4 }, from: ['policy.rules.too-many-destructive'] },
    'prod-update': { level: 'error', options: { types: [] }, from: ['policy.rules.prod-update'] },
  });
});

it('lets policy.rules win over the older keys, keeping the options they set when it sets none', () => {
  const settings = compileRuleSettings({
    block: ['delete'],
    protectedTypes: ['aws_kms_key'],
    rules: { 'prod-replace': 'error', 'protected-type-destroy': 'warn' },
  });
  expect(settings['prod-replace']).toEqual({ level: 'error', options: {}, from: ['policy.block', 'policy.rules.prod-replace'] });
  expect(settings['protected-type-destroy']).toEqual({
    level: 'warning',
    options: { types: ['aws_kms_key'] },
    from: ['policy.protectedTypes', 'policy.rules.protected-type-destroy'],
  });
});
