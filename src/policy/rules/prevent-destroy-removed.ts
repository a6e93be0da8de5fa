// Rule prevent-destroy-removed: a delete or replace, in any environment, of a resource whose block had
// prevent_destroy = true at the base revision (--tf-base): removing the block removed the protection with it.
import { describeDestruction, destructionMessages } from '../describe-destruction.js';
import { DESTRUCTIVE_ACTIONS } from '../../model.js';
import { NO_OPTIONS, defineRule } from '../rule.js';

/** `aws_db_instance.main["a"]` → `aws_db_instance.main` for root-module resources; undefined inside modules. */
function blockAddress(address: string, modulePath: string[]): string | undefined {
  return modulePath.length === 0 ? address.replace(/\[.*\]$/, '') : undefined;
}

export default defineRule({
  id: 'prevent-destroy-removed',
  description: 'Deleting or replacing a resource whose block had prevent_destroy = true at the base revision.',
  severity: 'error',
  messages: destructionMessages('At the base revision its block had prevent_destroy = true; removing the block (or the flag) removed that protection.'),
  ...NO_OPTIONS,
  subject: 'change',
  check: (subject) => {
    const { change, preventDestroyAtBase } = subject;
    if (!DESTRUCTIVE_ACTIONS.has(change.action)) return undefined;
    const block = blockAddress(change.address, change.modulePath);
    if (block === undefined || !preventDestroyAtBase?.has(block)) return undefined;
    return describeDestruction(subject);
  },
});
