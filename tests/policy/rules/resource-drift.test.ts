// The resource-drift rule: information about objects changed or deleted outside Terraform.
import { RULES } from '../../../src/policy/rules/index.js';

const rule = RULES['resource-drift'];

it('is information only', () => {
  expect(rule.severity).toBe('info');
});

it('says an object was deleted outside Terraform', () => {
  expect(rule.check({ input: 0, address: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', action: 'delete' }, {})).toEqual({
    messageId: 'deleted',
    data: { address: 'aws_s3_bucket.logs', action: 'delete' },
  });
});

it('says an object changed outside Terraform, and how', () => {
  expect(rule.check({ input: 0, address: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', action: 'update' }, {})).toEqual({
    messageId: 'changed',
    data: { address: 'aws_s3_bucket.logs', action: 'update' },
  });
});
