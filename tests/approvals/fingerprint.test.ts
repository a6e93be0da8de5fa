// The fingerprint of a blocked plan: the same destructive changes give the same one, whatever the file is called or
// whatever else the plan does; any change to what is destroyed, or how, gives another.
import { check } from '../../src/check.js';
import { FINGERPRINT_PATTERN } from '../../src/approvals/fingerprint-format.js';
import { scratchDirectory } from '../helpers/scratch.js';
import { editedPlan, PROD_REPLACE } from './approval-helpers.js';
import { ROOT } from '../helpers/run-cli.js';
import { join } from 'node:path';

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

type Plan = Parameters<Parameters<typeof editedPlan>[3] & object>[0];
const db = (plan: Plan): Record<string, unknown> & { change: Record<string, unknown> } =>
  plan.resource_changes.find((r) => r.address === 'terraform_data.prod_db') as Record<string, unknown> & { change: Record<string, unknown> };

async function fingerprint(file: string): Promise<string | undefined> {
  return (await check({ files: [file] })).fingerprint;
}

it('is 32 hexadecimal characters, with the command that approves it', async () => {
  const report = await check({ files: [PROD_REPLACE] });
  expect(report.fingerprint).toMatch(FINGERPRINT_PATTERN);
  expect(report.approveCommand).toBe(`blast-radius approve ${report.fingerprint} ${PROD_REPLACE}`);
});

it('is the same for the same plan under another name, in another directory, read again', async () => {
  const original = await fingerprint(PROD_REPLACE);
  expect(await fingerprint(editedPlan(PROD_REPLACE, scratch.path, 'renamed.json'))).toBe(original);
  expect(await fingerprint(PROD_REPLACE)).toBe(original);
});

it('ignores changes that destroy nothing protected (a create added, timestamps)', async () => {
  const original = await fingerprint(PROD_REPLACE);
  const edited = editedPlan(PROD_REPLACE, scratch.path, 'quiet.json', (plan) => {
    plan.timestamp = '2030-01-01T00:00:00Z';
    plan.resource_changes.push({ ...plan.resource_changes[2], address: 'terraform_data.staging_extra', name: 'staging_extra' });
  });
  expect(await fingerprint(edited)).toBe(original);
});

describe('changes with any change to what is destroyed', () => {
  const edits: [string, (plan: Plan) => void][] = [
    ['another address', (plan) => Object.assign(db(plan), { address: 'terraform_data.prod_db2', name: 'prod_db2' })],
    ['another type', (plan) => Object.assign(db(plan), { type: 'terraform_data_x' })],
    ['delete instead of replace', (plan) => Object.assign(db(plan).change, { actions: ['delete'] })],
    ['other replace paths', (plan) => Object.assign(db(plan).change, { replace_paths: [['input']] })],
    ['another id (the same address, another object)', (plan) => Object.assign(db(plan).change.before as object, { id: 'another-object-id' })],

    [
      'a second production delete',
      (plan) => {
        const api = plan.resource_changes.find((r) => r.address === 'terraform_data.prod_api') as { change: Record<string, unknown> };
        api.change.actions = ['delete'];
        api.change.after = null;
      },
    ],
  ];
  it.each(edits)('%s', async (name, edit) => {
    const edited = editedPlan(PROD_REPLACE, scratch.path, `${name.replace(/\W+/g, '-')}.json`, edit);
    const report = await check({ files: [edited] });
    expect(report.verdict).toBe('block');
    expect(report.fingerprint).toMatch(FINGERPRINT_PATTERN);
    expect(report.fingerprint).not.toBe(await fingerprint(PROD_REPLACE));
  });
});

it('differs for the same database in another region of the same account', async () => {
  const inRegion = (region: string): string =>
    editedPlan(PROD_REPLACE, scratch.path, `arn-${region}.json`, (plan) =>
      Object.assign(db(plan).change.before as object, { arn: `arn:aws:rds:${region}:123456789012:db:orders` }),
    );
  const [west, central] = [await fingerprint(inRegion('eu-west-1')), await fingerprint(inRegion('eu-central-1'))];
  expect(west).toMatch(FINGERPRINT_PATTERN);
  expect(central).toMatch(FINGERPRINT_PATTERN);
  expect(central).not.toBe(west);
});

it('differs for the same database deleted with and without a final snapshot', async () => {
  const plan = join(ROOT, 'fixtures/terraform-recoverability/rds-delete-skip-final-snapshot/plan.json');
  const withSnapshot = editedPlan(plan, scratch.path, 'final-snapshot.json', (edited) => {
    const { before } = edited.resource_changes[0].change as { before: Record<string, unknown> };
    before.skip_final_snapshot = false;
    before.final_snapshot_identifier = 'orders-final';
  });
  const [lost, recoverable] = [await fingerprint(plan), await fingerprint(withSnapshot)];
  expect(lost).toMatch(FINGERPRINT_PATTERN);
  expect(recoverable).toMatch(FINGERPRINT_PATTERN);
  expect(recoverable).not.toBe(lost);
});

it('differs when the update that switches deletion protection off also lowers the backup retention', async () => {
  const plan = join(ROOT, 'fixtures/terraform-recoverability/rds-update-deletion-protection-off/plan.json');
  const other = editedPlan(plan, scratch.path, 'retention-lowered.json', (edited) => {
    const change = edited.resource_changes[0].change as { before: Record<string, unknown> };
    change.before.backup_retention_period = 30;
  });
  const [first, second] = [await fingerprint(plan), await fingerprint(other)];
  expect(first).toMatch(FINGERPRINT_PATTERN);
  expect(second).not.toBe(first);
});

it('is absent when nothing blocks', async () => {
  const report = await check({ files: [join(ROOT, 'fixtures/terraform/staging-delete/plan.json')] });
  expect(report.verdict).toBe('pass');
  expect(report.fingerprint).toBeUndefined();
  expect(report.approveCommand).toBeUndefined();
});

it('differs for the same Kubernetes deletion in another kube context', async () => {
  const deletion = join(ROOT, 'fixtures/kubernetes/kubectl-delete/namespace-new-form/delete.txt');
  const [east, west, eastAgain] = await Promise.all(
    ['payments-prod-east', 'payments-prod-west', 'payments-prod-east'].map((context) => check({ files: [deletion], context, cluster: false })),
  );
  expect(east.fingerprint).toBeDefined();
  expect(east.fingerprint).toBe(eastAgain.fingerprint);
  expect(east.fingerprint).not.toBe(west.fingerprint);
});
