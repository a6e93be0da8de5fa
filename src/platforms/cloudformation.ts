// The AWS CloudFormation platform (and the AWS CDK, which deploys through it): change sets, whose dependents refer to a resource, judged from the change set alone.
import type { PlatformProfile } from './platform.js';

const cloudformation: PlatformProfile = {
  id: 'cloudformation',
  tool: 'cloudformation',
  noun: 'change set',
  dependents: 'reference',
  evidence: 'input-only',
  keepDeleted:
    'restore the resource in the template, or give it `DeletionPolicy: Retain` and `UpdateReplacePolicy: Retain` (CDK: `applyRemovalPolicy(RemovalPolicy.RETAIN)`) so that removing or replacing it leaves it in place (stack termination protection guards only against deleting the whole stack)',
  otherChangesAlone:
    'To apply only the other changes now, create a separate change set (or stack update) whose template changes only them (there is no -target), and check that change set.',
  checkAgain: 'create the change set again and check it',
};

export default cloudformation;
