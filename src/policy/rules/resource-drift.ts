// Rule resource-drift: a resource changed outside Terraform since the last apply (reported as information).
import { NO_OPTIONS, defineRule } from '../rule.js';

export default defineRule({
  id: 'resource-drift',
  description: 'A resource changed outside Terraform since it was last applied; the plan is based on what exists now.',
  severity: 'info',
  messages: {
    deleted: '{{address}} was deleted outside Terraform since the last apply.',
    changed: '{{address}} changed outside Terraform since the last apply ({{action}}).',
  },
  ...NO_OPTIONS,
  subject: 'drift',
  check: ({ address, action }) => ({ messageId: action === 'delete' ? 'deleted' : 'changed', data: { address, action } }),
});
