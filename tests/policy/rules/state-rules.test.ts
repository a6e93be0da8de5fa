// The rules about lost or local Terraform state: what each reports (message id and data) and where it stays silent.
import type { Action, EnvironmentTag } from '../../../src/model.js';
import type { ChangeSubject, PlanSubject } from '../../../src/policy/rule.js';
import prodCreateFromEmptyState from '../../../src/policy/rules/prod-create-from-empty-state.js';
import prodStateLocal from '../../../src/policy/rules/prod-state-local.js';
import type { StateStorage } from '../../../src/terraform-source/state-storage.js';
import { resourceChange } from '../../helpers/resource-change.js';

type BackendKind = NonNullable<StateStorage['backend']>;

const PRODUCTION: EnvironmentTag = { name: 'production', protected: true, rule: 'test', reason: 'a test says so' };
const PCI: EnvironmentTag = { name: 'pci', protected: true, rule: 'test', reason: 'a test says so' };
const STAGING: EnvironmentTag = { name: 'staging', protected: false, rule: 'test', reason: 'a test says so' };

const subject = (name: string, action: Action, environment: EnvironmentTag): ChangeSubject => ({
  change: resourceChange({ type: 'aws_db_instance', name, action }),
  environment,
});

function plan(changes: ChangeSubject[], facts: Partial<PlanSubject> = {}): PlanSubject {
  return { file: 'plan.json', changes, unjudged: [], emptyPriorState: false, ...facts };
}

describe('prod-create-from-empty-state', () => {
  const check = (subject: PlanSubject) => prodCreateFromEmptyState.check(subject, {});

  it('warns once for a plan creating protected resources from an empty state, naming three and counting the rest', () => {
    const creates = ['a', 'b', 'c', 'd', 'e'].map((name) => subject(name, 'create', PRODUCTION));
    expect(check(plan([...creates, subject('cache', 'create', STAGING)], { emptyPriorState: true }))).toEqual({
      messageId: 'emptyState',
      data: {
        file: 'plan.json',
        resources: '5 resources',
        environment: 'production',
        named: 'aws_db_instance.a, aws_db_instance.b, aws_db_instance.c',
        more: ' and 2 more',
      },
    });
  });

  it('names every protected environment it creates in, and one resource as such', () => {
    const report = check(plan([subject('a', 'create', PRODUCTION), subject('b', 'create', PCI)], { emptyPriorState: true }));
    expect(report?.data).toMatchObject({ resources: '2 resources', environment: 'production and pci', more: '' });
    expect(check(plan([subject('a', 'create', PRODUCTION)], { emptyPriorState: true }))?.data).toMatchObject({ resources: '1 resource' });
  });

  it('says how to confirm a first apply, and that it is one only for a new stack', () => {
    const template = prodCreateFromEmptyState.messages.emptyState;
    expect(template).toContain('If this is a new stack, its first apply is expected.');
    expect(template).toContain('`terraform state list`');
    expect(template).toContain('`terraform workspace show`');
    expect(prodCreateFromEmptyState.severity).toBe('warning');
  });

  it.each([
    ['the state held resources', plan([subject('a', 'create', PRODUCTION)])],
    ['only unprotected resources are created', plan([subject('a', 'create', STAGING)], { emptyPriorState: true })],
    ['nothing protected is created (an import)', plan([subject('a', 'import', PRODUCTION)], { emptyPriorState: true })],
    ['the plan creates nothing', plan([], { emptyPriorState: true })],
  ])('says nothing when %s', (_name, subject) => {
    expect(check(subject)).toBeUndefined();
  });
});

describe('prod-state-local', () => {
  const check = (subject: PlanSubject) => prodStateLocal.check(subject, {});
  const production = [subject('orders', 'update', PRODUCTION), subject('cache', 'delete', STAGING)];
  const s3 = { kind: 's3', where: '/repo/main.tf:2', override: false };

  it.each<[string, StateStorage, string]>([
    ['no backend', {}, ''],
    ['backend "local" (/repo/backend.tf:3)', { backend: { kind: 'local', where: '/repo/backend.tf:3', override: false } }, ''],
    ['no backend', { stateFile: '/repo/terraform.tfstate' }, ' (/repo/terraform.tfstate)'],
  ])('warns when the sources declare %s', (declared, stateStorage, stateFile) => {
    expect(check(plan(production, { stateStorage }))).toEqual({
      messageId: 'noRemoteBackend',
      data: { file: 'plan.json', resources: '1 resource', environment: 'production', declared, stateFile },
    });
  });

  it.each<[string, BackendKind]>([
    ['backend "s3" (/repo/main.tf:2)', s3],
    ['a cloud block (/repo/main.tf:2)', { kind: 'cloud', where: '/repo/main.tf:2', override: false }],
  ])('warns of a state file beside sources that declare %s', (declared, backend) => {
    expect(check(plan(production, { stateStorage: { backend, stateFile: '/repo/terraform.tfstate' } }))).toEqual({
      messageId: 'stateFileBeside',
      data: { file: 'plan.json', resources: '1 resource', environment: 'production', declared, stateFile: '/repo/terraform.tfstate' },
    });
  });

  it.each<[string, PlanSubject]>([
    ['the sources were not read (it cannot know)', plan(production)],
    ['the backend is remote and no state file is beside', plan(production, { stateStorage: { backend: s3 } })],
    ['terragrunt may generate the backend', plan(production, { stateStorage: { generatedBy: '/repo/terragrunt.hcl' } })],
    ['nothing protected changes', plan([subject('cache', 'delete', STAGING)], { stateStorage: {} })],
  ])('says nothing when %s', (_name, subject) => {
    expect(check(subject)).toBeUndefined();
  });
});
