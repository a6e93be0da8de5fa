// Rule prod-replace: a resource in a protected environment would be destroyed and re-created.
import { destructionRule } from '../destruction-rule.js';

export default destructionRule({
  id: 'prod-replace',
  description: 'Replacing (destroying and re-creating) a resource in a protected environment.',
  severity: 'error',
  action: 'replace',
  scope: 'protected',
});
