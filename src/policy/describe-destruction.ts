// The messages of a destructive-change finding (what is destroyed, why, which environment it is in, and why) and the
// data that fills them for one change.
import { impactOf } from '../catalog/data-bearing.js';
import type { ChangeSubject, MessageData, RuleReport } from './rule.js';

const WHERE = '{{because}}. It is in {{environment}}: {{reason}}.{{consequence}}';

/** The template of a delete. */
export const DELETE_MESSAGES = {
  destroyed: `{{subject}} would be destroyed${WHERE}`,
} as const;

/** The templates of a replace: destroyed first (Terraform's default), or created first (create_before_destroy). */
export const REPLACE_MESSAGES = {
  replaced: `{{subject}} would be destroyed and then re-created${WHERE}`,
  replacedCreateFirst: `{{subject}} would be replaced: a new object is created, then the current one destroyed${WHERE}`,
} as const;

export const DESTRUCTION_MESSAGES = { ...DELETE_MESSAGES, ...REPLACE_MESSAGES };

export type DestructionMessageId = keyof typeof DESTRUCTION_MESSAGES;

/** The destruction templates with one more sentence (itself a template) after each, for rules that say more. */
export function destructionMessages(sentence: string): Record<DestructionMessageId, string> {
  const { destroyed, replaced, replacedCreateFirst } = DESTRUCTION_MESSAGES;
  return { destroyed: `${destroyed} ${sentence}`, replaced: `${replaced} ${sentence}`, replacedCreateFirst: `${replacedCreateFirst} ${sentence}` };
}

/** " Data loss: …" or " Outage: …" for the types the catalog knows (src/catalog/data-bearing-types.json). */
function consequence(type: string): string {
  const impact = impactOf(type);
  if (!impact) return '';
  return ` ${impact.impact === 'data-loss' ? 'Data loss' : 'Outage'}: ${impact.why}`;
}

function destructionData({ change, environment }: ChangeSubject): MessageData {
  return {
    subject: change.deposed ? `the deposed object ${change.deposed} of ${change.address}` : change.address,
    because: change.reason ? ` because ${change.reason}` : '',
    environment: environment.name === 'unknown' ? 'an unknown environment' : environment.name,
    reason: environment.reason,
    consequence: consequence(change.type),
  };
}

/** The report of a change that deletes. */
export function describeDeletion(subject: ChangeSubject): RuleReport<keyof typeof DELETE_MESSAGES> {
  return { messageId: 'destroyed', data: destructionData(subject) };
}

/** The report of a change that replaces. */
export function describeReplacement(subject: ChangeSubject): RuleReport<keyof typeof REPLACE_MESSAGES> {
  return { messageId: subject.change.replaceOrder === 'create-first' ? 'replacedCreateFirst' : 'replaced', data: destructionData(subject) };
}

/** The report of any destructive change: a replace is described as one, anything else as a delete. */
export function describeDestruction(subject: ChangeSubject): RuleReport<DestructionMessageId> {
  return subject.change.action === 'replace' ? describeReplacement(subject) : describeDeletion(subject);
}
