// Rule protected-type-destroy: a delete or replace, in any environment, of a type listed in policy.protectedTypes.
import { describeDestruction, destructionMessages } from '../describe-destruction.js';
import { DESTRUCTIVE_ACTIONS } from '../../model.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'protected-type-destroy',
  description: 'Deleting or replacing, in any environment, a resource type the configuration protects everywhere.',
  severity: 'error',
  messages: destructionMessages('The configuration protects every {{type}}.'),
  subject: 'change',
  check: (subject) => {
    const { change, policy } = subject;
    if (!DESTRUCTIVE_ACTIONS.has(change.action) || !policy.protectedTypes.includes(change.type)) return undefined;
    const { messageId, data } = describeDestruction(subject);
    return { messageId, data: { ...data, type: change.type } };
  },
});
