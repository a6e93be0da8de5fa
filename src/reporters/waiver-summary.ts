// Says in a few words which findings exceptions waived, by whom and until when, for a verdict line that passes.
import type { Finding, Report } from '../model.js';

/** Findings named before the rest are counted: a verdict line stays one line. */
const MAX_NAMED = 3;

/** `address (rule) waived by who until when: why; …`, or undefined when nothing was waived by an exception. */
export function waiverSummary(report: Report): string | undefined {
  const waived = report.findings.filter(
    (f): f is Finding & { waived: NonNullable<Finding['waived']> } => f.waived !== undefined && f.waived.fingerprint === undefined,
  );
  if (waived.length === 0) return undefined;
  const named = waived
    .slice(0, MAX_NAMED)
    .map(({ address, ruleId, waived: { by, expires, reason } }) => `${address} (${ruleId}) waived by ${by} until ${expires}: ${reason}`);
  const more = waived.length > MAX_NAMED ? `; and ${waived.length - MAX_NAMED} more` : '';
  return `${named.join('; ')}${more}`;
}
