// Rule protected-type-destroy: a delete or replace, in any environment, of a type listed in policy.protectedTypes.
import { describeDestruction } from '../describe-destruction.js';
import { DESTRUCTIVE_ACTIONS } from '../../model.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'protected-type-destroy',
  description: 'Deleting or replacing, in any environment, a resource type the configuration protects everywhere.',
  severity: 'error',
  subject: 'change',
  check: (subject) => {
    const { change, policy } = subject;
    if (!DESTRUCTIVE_ACTIONS.has(change.action) || !policy.protectedTypes.includes(change.type)) return undefined;
    return `${describeDestruction(subject)} The configuration protects every ${change.type}.`;
  },
});
