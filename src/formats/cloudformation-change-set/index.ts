// Input format `cloudformation-change-set`: what `aws cloudformation describe-change-set --output json` prints (with or without --include-property-values), one change set or several.
import type { InputFormat } from '../input-format.js';

/** A JSON object whose members are a change set's: `Changes`, and its id, its name or a resource change. */
const CHANGE_SET_MEMBERS = /"(?:ChangeSetId|ChangeSetName|ResourceChange)"\s*:/;
/** Members every Terraform plan has near its start: such a head is never a change set, whatever else it holds. */
const PLAN_MEMBERS = /"(?:format_version|terraform_version|resource_changes|planned_values)"\s*:/;

/** Whether a head is a describe-change-set output; the terraform format, after this one, reads every other JSON object. */
export const startsLikeChangeSet = (text: string): boolean =>
  /^\s*\{/.test(text) && /"Changes"\s*:/.test(text) && CHANGE_SET_MEMBERS.test(text) && !PLAN_MEMBERS.test(text);

const cloudformationChangeSet: InputFormat = {
  id: 'cloudformation-change-set',
  platform: 'cloudformation',
  detect: (head) => startsLikeChangeSet(head.text),
  read: async (input, options) => {
    const { readChangeSetInput } = await import('./read-change-set-input.js');
    return readChangeSetInput(input, options);
  },
};

export default cloudformationChangeSet;
