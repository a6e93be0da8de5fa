// The Terraform (and OpenTofu, terragrunt) platform: plans, whose dependents refer to a resource, judged with their .tf sources.
import type { PlatformProfile } from './platform.js';

const terraform: PlatformProfile = {
  id: 'terraform',
  noun: 'plan',
  tool: 'terraform',
  dependents: 'reference',
  evidence: 'terraform-sources',
  keepDeleted:
    'restore the removed configuration, add a `moved` block if the resource was renamed or moved into a module, or a `removed` block with `lifecycle { destroy = false }` to stop managing it without destroying it',
  otherChangesAlone: 'To apply only the other changes now, plan with `-target=<address>` for each resource you mean to change, and check that plan.',
  checkAgain: 'plan and check again',
};

export default terraform;
