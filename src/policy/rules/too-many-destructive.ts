// Rule too-many-destructive: one plan deletes or replaces more resources than policy.maxDestructiveChanges allows.
import { DESTRUCTIVE_ACTIONS } from '../../model.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'too-many-destructive',
  description: 'One plan deletes or replaces more resources, in any environment, than the configuration allows.',
  severity: 'error',
  messages: {
    tooMany: '{{file}} deletes or replaces {{count}} resources; the configuration allows at most {{max}} in one plan.',
  },
  subject: 'plan',
  check: ({ changes, policy, file }) => {
    const limit = policy.maxDestructiveChanges;
    if (limit === undefined) return undefined;
    const count = changes.filter(({ change }) => DESTRUCTIVE_ACTIONS.has(change.action)).length;
    return count > limit ? { messageId: 'tooMany', data: { file, count, max: limit } } : undefined;
  },
});
