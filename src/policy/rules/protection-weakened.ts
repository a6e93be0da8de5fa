// Rule protection-weakened: an in-place update switches off what protects a resource's data (deletion protection, the
// final snapshot, the refusal to delete a non-empty bucket, backup or recovery windows, a Retain reclaim policy), by
// the protection table (src/catalog/protections.json); an error in a protected environment, a warning elsewhere.
import { weakenedProtections, type Weakening } from '../../catalog/protections.js';
import { defineRule } from '../rule.js';

interface Options {
  ignore: readonly string[];
}

const defaultOptions: Options = { ignore: [] };

const shown = (value: Weakening['from']): string => (value === null ? 'not set' : typeof value === 'string' ? JSON.stringify(value) : String(value));

/** `deletion protection (deletion_protection true → false)`; a value known only after apply is said so. */
function describe(weakening: Weakening): string {
  const to = weakening.to === undefined ? 'a value known only after apply' : shown(weakening.to);
  return `${weakening.protection} (${weakening.attribute} ${shown(weakening.from)} → ${to})`;
}

export default defineRule({
  id: 'protection-weakened',
  description: "An in-place update switches off what protects a resource's data: deletion protection, a final snapshot, backups, a recovery window.",
  severity: 'error',
  severityOutsideProtected: 'warning',
  messages: {
    weakened: '{{address}} would weaken what protects its data: {{weakenings}}. It is in {{environment}}: {{reason}}.',
    mayWeaken: '{{address}} may weaken what protects its data, by values known only after apply: {{weakenings}}. It is in {{environment}}: {{reason}}.',
  },
  defaultOptions,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ignore: {
        type: 'array',
        items: { type: 'string' },
        description: "Protections not to report, as type.attribute in the table's spelling (aws_db_instance.backup_retention_period).",
      },
    },
  },
  subject: 'change',
  check: ({ change, environment }, { ignore }) => {
    const weakenings = weakenedProtections(change).filter((w) => !ignore.includes(`${w.type}.${w.attribute}`));
    if (weakenings.length === 0) return undefined;
    return {
      messageId: weakenings.some((w) => w.to !== undefined) ? 'weakened' : 'mayWeaken',
      data: {
        address: change.address,
        weakenings: weakenings.map(describe).join('; '),
        environment: environment.name === 'unknown' ? 'an unknown environment' : environment.name,
        reason: environment.reason,
      },
    };
  },
});
