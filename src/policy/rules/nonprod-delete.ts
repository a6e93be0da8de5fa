// Rule nonprod-delete: a resource in a known, unprotected environment would be deleted.
import { destructionRule } from '../destruction-rule.js';

export default destructionRule({
  id: 'nonprod-delete',
  description: 'Deleting a resource in an environment that is known and not protected.',
  severity: 'warning',
  action: 'delete',
  scope: 'unprotected',
});
