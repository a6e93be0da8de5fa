// Splitting a guarded terraform command line into plan options, apply options and a saved plan.
import { parseTerraformInvocation } from '../../src/guard/terraform-invocation.js';

it('plans with the planning options and applies the saved plan with the options apply still takes', () => {
  expect(
    parseTerraformInvocation([
      'terraform',
      '-chdir=infra',
      'apply',
      '-auto-approve',
      '-var',
      'a=1',
      '-var-file=prod.tfvars',
      '-target=x.y',
      '-lock-timeout=30s',
      '-no-color',
    ]),
  ).toEqual({
    binary: 'terraform',
    globalArgs: ['-chdir=infra'],
    destroy: false,
    autoApprove: true,
    planArgs: ['-var', 'a=1', '-var-file=prod.tfvars', '-target=x.y', '-lock-timeout=30s', '-no-color'],
    applyArgs: ['-lock-timeout=30s', '-no-color'],
  });
});

it('plans a destroy for destroy and for apply -destroy', () => {
  expect(parseTerraformInvocation(['terraform', 'destroy', '-auto-approve']).destroy).toBe(true);
  expect(parseTerraformInvocation(['tofu', 'apply', '-destroy']).destroy).toBe(true);
  expect(parseTerraformInvocation(['terraform', 'apply', '-destroy=false']).destroy).toBe(false);
});

it('notes -auto-approve, which decides whether a person at a terminal is asked before the apply', () => {
  expect(parseTerraformInvocation(['terraform', 'apply']).autoApprove).toBe(false);
  expect(parseTerraformInvocation(['terraform', 'apply', '--auto-approve=true']).autoApprove).toBe(true);
  expect(parseTerraformInvocation(['terraform', 'apply', '-auto-approve=false']).autoApprove).toBe(false);
});

it('takes a saved plan file, and refuses planning options beside it', () => {
  expect(parseTerraformInvocation(['terraform', 'apply', 'tfplan']).savedPlan).toBe('tfplan');
  expect(() => parseTerraformInvocation(['terraform', 'apply', '-var', 'a=1', 'tfplan'])).toThrow(/saved plan is applied as it is/);
});

it.each([
  [['terragrunt', 'apply'], /"terragrunt" is neither/],
  [['terraform', 'plan'], /"plan" needs no guard/],
  [['terraform', 'destroy', 'extra'], /Unexpected argument "extra"/],
])('refuses %j', (words, message) => {
  expect(() => parseTerraformInvocation(words)).toThrow(message);
});
