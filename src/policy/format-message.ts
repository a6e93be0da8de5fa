// Fills a rule's message template: every `{{name}}` placeholder takes data[name]; a placeholder without data is a bug
// in the rule, and throws rather than print a half-written message.
import type { MessageData } from './rule.js';

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The names of a template's placeholders, in order of appearance. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

export function formatMessage(template: string, data: MessageData): string {
  const missing = placeholders(template).filter((name) => !Object.hasOwn(data, name));
  if (missing.length > 0)
    throw new Error(`The message template "${template}" needs ${missing.map((name) => `{{${name}}}`).join(', ')}, which its data does not give.`);
  return template.replace(PLACEHOLDER, (_whole, name: string) => String(data[name]));
}
