// Rule prod-update: an in-place update, in a protected environment, of a type its `types` option lists.
import { defineRule } from '../rule.js';

interface Options {
  types: readonly string[];
}

const defaultOptions: Options = { types: [] };

export default defineRule({
  id: 'prod-update',
  description: 'Updating in place, in a protected environment, a resource type the configuration protects from updates.',
  severity: 'error',
  messages: {
    updated: '{{address}} would be updated in place, and the configuration blocks updates of {{type}} in {{environment}}: {{reason}}.',
  },
  defaultOptions,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      types: {
        type: 'array',
        items: { type: 'string' },
        description: 'Resource types whose in-place update blocks in protected environments (the older key: policy.blockUpdatesOf).',
      },
    },
  },
  subject: 'change',
  check: ({ change, environment }, { types }) =>
    change.action === 'update' && environment.protected && types.includes(change.type)
      ? { messageId: 'updated', data: { address: change.address, type: change.type, environment: environment.name, reason: environment.reason } }
      : undefined,
});
