// Rule nonprod-replace: a resource in a known, unprotected environment would be destroyed and re-created.
import { destructionRule } from '../destruction-rule.js';

export default destructionRule({
  id: 'nonprod-replace',
  description: 'Replacing a resource in an environment that is known and not protected.',
  severity: 'warning',
  action: 'replace',
  scope: 'unprotected',
});
