// Rule prod-update: an in-place update, in a protected environment, of a type the configuration lists in policy.blockUpdatesOf.
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'prod-update',
  description: 'Updating in place, in a protected environment, a resource type the configuration protects from updates.',
  severity: 'error',
  messages: {
    updated: '{{address}} would be updated in place, and the configuration blocks updates of {{type}} in {{environment}}: {{reason}}.',
  },
  subject: 'change',
  check: ({ change, environment, policy }) =>
    change.action === 'update' && environment.protected && policy.blockUpdatesOf.includes(change.type)
      ? { messageId: 'updated', data: { address: change.address, type: change.type, environment: environment.name, reason: environment.reason } }
      : undefined,
});
