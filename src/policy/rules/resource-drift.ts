// Rule resource-drift: a resource changed outside Terraform since the last apply (reported as information).
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'resource-drift',
  description: 'A resource changed outside Terraform since it was last applied; the plan is based on what exists now.',
  severity: 'info',
  subject: 'drift',
  check: (drift) =>
    drift.action === 'delete'
      ? `${drift.address} was deleted outside Terraform since the last apply.`
      : `${drift.address} changed outside Terraform since the last apply (${drift.action}).`,
});
