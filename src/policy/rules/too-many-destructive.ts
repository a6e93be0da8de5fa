// Rule too-many-destructive: one plan deletes or replaces more resources than its `max` option allows (no limit unless set).
import { DESTRUCTIVE_ACTIONS } from '../../model.js';
import { defineRule } from '../rule.js';

interface Options {
  max?: number;
}

const defaultOptions: Options = {};

export default defineRule({
  id: 'too-many-destructive',
  description: 'One plan deletes or replaces more resources, in any environment, than the configuration allows.',
  severity: 'error',
  messages: {
    tooMany: '{{file}} deletes or replaces {{count}} resources; the configuration allows at most {{max}} in one plan.',
  },
  defaultOptions,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      max: {
        type: 'integer',
        minimum: 0,
        description: 'Most deletes and replaces one plan may hold, in any environment; no limit unless set (the older key: policy.maxDestructiveChanges).',
      },
    },
  },
  subject: 'plan',
  check: ({ changes, file }, { max }) => {
    if (max === undefined) return undefined;
    const count = changes.filter(({ change }) => DESTRUCTIVE_ACTIONS.has(change.action)).length;
    return count > max ? { messageId: 'tooMany', data: { file, count, max } } : undefined;
  },
});
