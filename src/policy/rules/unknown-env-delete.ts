// Rule unknown-env-delete: a resource whose environment nothing reveals would be deleted.
import { destructionRule } from '../destruction-rule.js';

export default destructionRule({
  id: 'unknown-env-delete',
  description: 'Deleting a resource whose environment nothing in the input reveals.',
  severity: 'warning',
  action: 'delete',
  scope: 'unknown',
});
