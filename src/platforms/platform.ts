// What a platform is: the words reports use for its changes and advice, and which evidence its inputs are judged by.
import type { Platform } from '../model.js';

export interface PlatformProfile {
  id: Platform;
  /** What an input of this platform is called in reports: `plan` ("the plan would destroy …", "Do not apply this plan"). */
  noun: string;
  /** The program whose version an input records, as reports name it: `terraform 1.11.0`. */
  tool: string;
  /**
   * What destroying a resource does to its dependents: `cascade` deletes them with it (a namespace's objects), so an
   * unclassified dependent takes its environment; `reference` leaves them referring to it (Terraform).
   */
  dependents: 'cascade' | 'reference';
  /**
   * The evidence read beside the input: the `.tf` sources next to a plan, the Kubernetes context it goes to, or none
   * (`input-only`: the input carries all its evidence, as a Pulumi preview names its stack and a CloudFormation change set its stack and tags).
   */
  evidence: 'terraform-sources' | 'kube-context' | 'input-only';
  /** How to keep a resource the change would delete, after "Safe next step:". */
  keepDeleted: string;
  /** How to go ahead with the rest of the change alone. */
  otherChangesAlone: string;
  /** What to do after fixing the change: `plan and check again`. */
  checkAgain: string;
}
