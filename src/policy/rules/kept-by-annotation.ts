// Rule kept-by-annotation: an object the change would delete stays, because an annotation tells the deleting tool
// (helm, Argo CD, Flux) to leave it in place; reported so that nobody is surprised it outlives the release.
import { NO_OPTIONS, defineRule } from '../rule.js';

export default defineRule({
  id: 'kept-by-annotation',
  description: 'An object the change would delete is kept: an annotation tells helm, Argo CD or Flux to leave it in place.',
  severity: 'info',
  messages: {
    kept: '{{address}} is not deleted: {{keptBy}}. It stays in {{environment}} and is no longer managed by the release.',
  },
  ...NO_OPTIONS,
  subject: 'change',
  check: ({ change, environment }) =>
    change.keptBy === undefined
      ? undefined
      : {
          messageId: 'kept',
          data: { address: change.address, keptBy: change.keptBy, environment: environment.name === 'unknown' ? 'an unknown environment' : environment.name },
        },
});
