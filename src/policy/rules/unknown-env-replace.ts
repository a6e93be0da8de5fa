// Rule unknown-env-replace: a resource whose environment nothing reveals would be destroyed and re-created.
import { destructionRule } from '../destruction-rule.js';

export default destructionRule({
  id: 'unknown-env-replace',
  description: 'Replacing a resource whose environment nothing in the input reveals.',
  severity: 'warning',
  action: 'replace',
  scope: 'unknown',
});
