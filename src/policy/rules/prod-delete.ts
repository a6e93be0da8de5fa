// Rule prod-delete: a resource in a protected environment (production unless configured otherwise) would be deleted.
import { destructionRule } from '../destruction-rule.js';

export default destructionRule({
  id: 'prod-delete',
  description: 'Deleting a resource in a protected environment (production unless configured otherwise).',
  severity: 'error',
  action: 'delete',
  scope: 'protected',
});
