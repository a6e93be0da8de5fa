// Rule unjudged-objects: the input names objects it could not judge (kubectl printed an error instead of their diff),
// so what the change does to them is unknown: fail closed.
import { NO_OPTIONS, defineRule } from '../rule.js';

/** The report quotes this many of the errors; the count covers them all. */
const QUOTED = 5;

export default defineRule({
  id: 'unjudged-objects',
  description: 'The input names objects whose change could not be judged: the tool printed an error instead of their diff.',
  severity: 'error',
  messages: {
    unjudged: '{{file}} could not judge {{objects}}, so what the change does to them is unknown: {{quoted}}{{more}}. Fix the errors and run the diff again.',
  },
  ...NO_OPTIONS,
  subject: 'plan',
  check: ({ file, unjudged }) => {
    if (unjudged.length === 0) return undefined;
    const quoted = unjudged.slice(0, QUOTED).join(' | ');
    const more = unjudged.length > QUOTED ? ` (and ${unjudged.length - QUOTED} more)` : '';
    const objects = unjudged.length === 1 ? '1 object' : `${unjudged.length} objects`;
    return { messageId: 'unjudged', data: { file, objects, quoted, more } };
  },
});
