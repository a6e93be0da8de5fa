// The six delete/replace rules, each over every action and every class of environment.
import { RULES } from '../../../src/policy/rules/index.js';
import type { ChangeRule } from '../../../src/policy/rule.js';
import type { Action, ResourceChange } from '../../../src/model.js';
import { resourceChange } from '../../helpers/resource-change.js';
import { ruleCases, type FlagCase, type RuleCase } from '../../helpers/rule-cases.js';

const baseChange = (overrides: Partial<ResourceChange>): ResourceChange => resourceChange({ type: 'aws_db_instance', name: 'main', ...overrides });

const ENVIRONMENTS = {
  protected: { name: 'production', protected: true },
  unprotected: { name: 'staging', protected: false },
  unknown: { name: 'unknown', protected: false },
};
const ACTIONS: Action[] = ['create', 'update', 'delete', 'replace', 'forget', 'move', 'import', 'read', 'no-op'];

const cases = (rule: ChangeRule, action: Action, scope: keyof typeof ENVIRONMENTS) => {
  const pass: RuleCase[] = [];
  for (const a of ACTIONS) {
    for (const [s, environment] of Object.entries(ENVIRONMENTS)) {
      if (a !== action || s !== scope) pass.push({ change: { action: a, type: 'aws_db_instance', name: 'main' }, environment });
    }
  }
  const environment = ENVIRONMENTS[scope];
  const flag: FlagCase = {
    change: { action, type: 'aws_db_instance', name: 'main' },
    environment,
    messageId: action === 'delete' ? 'destroyed' : 'replaced',
    data: {
      subject: 'aws_db_instance.main',
      because: '',
      environment: scope === 'unknown' ? 'an unknown environment' : environment.name,
      reason: 'a test says so',
    },
  };
  ruleCases(rule, { flag: [flag], pass });
};

cases(RULES['prod-delete'], 'delete', 'protected');
cases(RULES['prod-replace'], 'replace', 'protected');
cases(RULES['nonprod-delete'], 'delete', 'unprotected');
cases(RULES['nonprod-replace'], 'replace', 'unprotected');
cases(RULES['unknown-env-delete'], 'delete', 'unknown');
cases(RULES['unknown-env-replace'], 'replace', 'unknown');

describe('messages', () => {
  const environment = { name: 'production', protected: true, rule: 'default-tag', reason: 'its tags say Environment = "production"' };

  it('say what is destroyed, why, and why it is production', () => {
    const report = RULES['prod-replace'].check(
      {
        change: baseChange({ action: 'replace', replaceOrder: 'delete-first', reason: 'it is tainted (replace_because_tainted)' }),
        environment,
      },
      {},
    );
    expect(report).toEqual({
      messageId: 'replaced',
      data: {
        subject: 'aws_db_instance.main',
        because: ' because it is tainted (replace_because_tainted)',
        environment: 'production',
        reason: 'its tags say Environment = "production"',
        consequence: expect.stringMatching(/^ Data loss: /),
      },
    });
  });

  it('say when the new object is created first', () => {
    const report = RULES['prod-replace'].check({ change: baseChange({ action: 'replace', replaceOrder: 'create-first' }), environment }, {});
    expect(report?.messageId).toBe('replacedCreateFirst');
  });

  it('name a deposed object', () => {
    const report = RULES['prod-delete'].check({ change: baseChange({ deposed: '00a1b2c3' }), environment }, {});
    expect(report).toMatchObject({ messageId: 'destroyed', data: { subject: 'the deposed object 00a1b2c3 of aws_db_instance.main' } });
  });
});

describe('consequences from the catalog', () => {
  const environment = { name: 'production', protected: true, rule: 'default-tag', reason: 'its tags say so' };

  const consequence = (type: string) =>
    RULES['prod-delete'].check({ change: baseChange({ type, address: `${type}.main` }), environment }, {})?.data.consequence;

  it('says "Data loss" plainly for types that hold data', () => {
    expect(consequence('aws_db_instance')).toMatch(/^ Data loss: .+\.$/);
  });

  it('says "Outage" for types whose loss takes a service down without losing data', () => {
    expect(consequence('aws_route53_zone')).toMatch(/^ Outage: .+\.$/);
  });

  it('says neither for types the catalog does not know', () => {
    expect(consequence('terraform_data')).toBe('');
  });
});
