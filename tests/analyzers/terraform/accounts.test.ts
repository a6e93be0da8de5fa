// Cloud accounts found in a resource's values: AWS account ids in ARNs, Azure subscriptions in resource ids, Google
// Cloud projects, each with the field it came from, never from a sensitive value.
import { collectAccounts } from '../../../src/analyzers/terraform/accounts.js';

it('finds the accounts each value names, with the field', () => {
  const values = {
    arn: 'arn:aws:rds:eu-west-1:123456789012:db:orders',
    policy: [{ resource: 'arn:aws-us-gov:s3:::bucket and arn:aws:iam::210987654321:role/x' }],
    id: '/SUBSCRIPTIONS/x/subscriptions/0A1B2C3D-0000-4000-8000-00000000ABCD/resourceGroups/rg',
    self_link: 'https://www.googleapis.com/compute/v1/projects/payments-prod-1/zones/europe-west1-b/instances/web',
    project: 'shop-prod',
    name: 'orders',
  };
  expect(collectAccounts(values, undefined)).toEqual([
    { provider: 'aws', id: '123456789012', field: 'arn' },
    { provider: 'aws', id: '210987654321', field: 'policy.0.resource' },
    { provider: 'azure', id: '0a1b2c3d-0000-4000-8000-00000000abcd', field: 'id' },
    { provider: 'gcp', id: 'payments-prod-1', field: 'self_link' },
    { provider: 'gcp', id: 'shop-prod', field: 'project' },
  ]);
});

it('reads nothing from a sensitive value', () => {
  const values = { secret_arn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:x', other: 'arn:aws:s3:::b' };
  expect(collectAccounts(values, { secret_arn: true })).toEqual([]);
});
