// Rule prod-create-from-empty-state: a Terraform plan creates resources in a protected environment from a state that
// holds no managed resource: a first apply, or a new or wrong backend, a lost local state, a wrong workspace.
import { NO_OPTIONS, defineRule } from '../rule.js';

/** The message names this many of the resources; the count covers them all. */
const NAMED = 3;

export default defineRule({
  id: 'prod-create-from-empty-state',
  description: 'A plan creates protected resources from an empty state: a new stack, or a lost, new or wrong state that would duplicate them.',
  severity: 'warning',
  messages: {
    emptyState:
      '{{file}} creates {{resources}} in {{environment}} ({{named}}{{more}}) from a state that holds no resource. ' +
      'If this is a new stack, its first apply is expected. If they already exist (a new or wrong backend, a lost local state, the wrong workspace), ' +
      'applying would create duplicates beside them, and a later destroy would remove the wrong objects. ' +
      'Before applying, run `terraform state list` (empty is right only for a new stack) and `terraform workspace show`, and check the backend this plan was made with.',
  },
  ...NO_OPTIONS,
  subject: 'plan',
  check: ({ file, changes, emptyPriorState }) => {
    if (!emptyPriorState) return undefined;
    const created = changes.filter(({ change, environment }) => environment.protected && change.action === 'create');
    if (created.length === 0) return undefined;
    const resources = created.length === 1 ? '1 resource' : `${created.length} resources`;
    const environment = [...new Set(created.map((subject) => subject.environment.name))].join(' and ');
    const named = created
      .slice(0, NAMED)
      .map(({ change }) => change.address)
      .join(', ');
    const more = created.length > NAMED ? ` and ${created.length - NAMED} more` : '';
    return { messageId: 'emptyState', data: { file, resources, environment, named, more } };
  },
});
