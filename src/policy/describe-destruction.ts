// Writes the message of a destructive-change finding: what is destroyed, why, and which environment it is in, and why.
import { impactOf } from '../catalog/data-bearing.js';
import type { ChangeSubject } from './rule.js';

function whatHappens({ change }: ChangeSubject): string {
  const subject = change.deposed ? `the deposed object ${change.deposed} of ${change.address}` : change.address;
  if (change.action === 'replace') {
    return change.replaceOrder === 'create-first'
      ? `${subject} would be replaced: a new object is created, then the current one destroyed`
      : `${subject} would be destroyed and then re-created`;
  }
  return `${subject} would be destroyed`;
}

/** "Data loss: …" or "Outage: …" for the types the catalog knows (src/catalog/data-bearing-types.json). */
function consequence(type: string): string {
  const impact = impactOf(type);
  if (!impact) return '';
  return ` ${impact.impact === 'data-loss' ? 'Data loss' : 'Outage'}: ${impact.why}`;
}

export function describeDestruction(subject: ChangeSubject): string {
  const { change, environment } = subject;
  const because = change.reason ? ` because ${change.reason}` : '';
  const environmentName = environment.name === 'unknown' ? 'in an unknown environment' : `in ${environment.name}`;
  return `${whatHappens(subject)}${because}. It is ${environmentName}: ${environment.reason}.${consequence(change.type)}`;
}
