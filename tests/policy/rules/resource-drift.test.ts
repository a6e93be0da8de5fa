// The resource-drift rule: information about objects changed or deleted outside Terraform.
import { RULES } from '../../../src/policy/rules/index.js';

const rule = RULES['resource-drift'];

it('is information only', () => {
  expect(rule.severity).toBe('info');
});

it('says an object was deleted outside Terraform', () => {
  expect(rule.check({ input: 0, address: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', action: 'delete' })).toBe(
    'aws_s3_bucket.logs was deleted outside Terraform since the last apply.',
  );
});

it('says an object changed outside Terraform', () => {
  expect(rule.check({ input: 0, address: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', action: 'update' })).toMatch(/changed outside Terraform/);
});
