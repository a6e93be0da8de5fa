// The changes of one plan share equal evidence (tags, name attributes, accounts, module paths), frozen, and keep
// each item once in the order first seen, as before sharing.
import { analyzeTerraformPlan } from '../../../src/analyzers/terraform/analyze-plan.js';
import type { RawPlan } from '../../../src/analyzers/terraform/plan-types.js';

const instance = (name: string, action: string): unknown => ({
  address: `module.app["prod"].aws_db_instance.${name}`,
  module_address: 'module.app["prod"]',
  mode: 'managed',
  type: 'aws_db_instance',
  name,
  change: {
    actions: [action],
    before: {
      identifier: 'orders-prod',
      arn: 'arn:aws:rds:eu-west-1:482913556120:db:orders-prod',
      tags: { Environment: 'production', Team: 'payments' },
      tags_all: { Environment: 'production', Team: 'payments' },
    },
    after: action === 'delete' ? null : { identifier: 'orders-prod', tags: { Environment: 'production', Team: 'payments' } },
    before_sensitive: {},
    after_sensitive: action === 'delete' ? false : {},
  },
});

const plan = (): RawPlan => ({ format_version: '1.2', resource_changes: [instance('a', 'delete'), instance('b', 'update')] }) as unknown as RawPlan;

describe('evidence shared between the changes of a plan', () => {
  const [a, b] = analyzeTerraformPlan(plan(), 'plan.json', 0).changes;

  it('gives equal labels, name hints, accounts and module paths as one frozen object', () => {
    expect(a?.labels[0]).toBe(b?.labels[0]);
    expect(a?.nameHints[0]).toBe(b?.nameHints[0]);
    expect(a?.accounts[0]).toBe(b?.accounts[0]);
    expect(a?.modulePath).toBe(b?.modulePath);
    expect(Object.isFrozen(a?.labels[0])).toBe(true);
    expect(Object.isFrozen(a?.modulePath)).toBe(true);
  });

  it('keeps each label once, in the order first seen, with its field', () => {
    expect(a?.labels).toEqual([
      { key: 'Environment', value: 'production', field: 'tags' },
      { key: 'Team', value: 'payments', field: 'tags' },
      { key: 'Environment', value: 'production', field: 'tags_all' },
      { key: 'Team', value: 'payments', field: 'tags_all' },
    ]);
    expect(b?.nameHints).toEqual([{ field: 'identifier', value: 'orders-prod' }]);
  });

  it('shares nothing between two plans', () => {
    const [other] = analyzeTerraformPlan(plan(), 'plan.json', 0).changes;
    expect(other?.labels[0]).toEqual(a?.labels[0]);
    expect(other?.labels[0]).not.toBe(a?.labels[0]);
  });
});
