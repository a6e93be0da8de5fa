// Rule protected-type-destroy: a delete or replace, in any environment, of a type its `types` option lists.
import { describeDestruction, destructionMessages } from '../describe-destruction.js';
import { DESTRUCTIVE_ACTIONS } from '../../model.js';
import { defineRule } from '../rule.js';

interface Options {
  types: readonly string[];
}

const defaultOptions: Options = { types: [] };

export default defineRule({
  id: 'protected-type-destroy',
  description: 'Deleting or replacing, in any environment, a resource type the configuration protects everywhere.',
  severity: 'error',
  messages: destructionMessages('The configuration protects every {{type}}.'),
  defaultOptions,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      types: {
        type: 'array',
        items: { type: 'string' },
        description: 'Resource types whose delete or replace blocks in any environment (the older key: policy.protectedTypes).',
      },
    },
  },
  subject: 'change',
  check: (subject, { types }) => {
    const { change } = subject;
    if (!DESTRUCTIVE_ACTIONS.has(change.action) || !types.includes(change.type)) return undefined;
    const { messageId, data } = describeDestruction(subject);
    return { messageId, data: { ...data, type: change.type } };
  },
});
