// Says in plain words whether the data of a destroyed resource comes back, for the reporters that write sentences.
import type { Finding, RecoverabilityOutcome } from '../model.js';

const LEADS: Record<RecoverabilityOutcome, string> = {
  lost: 'Data lost for good',
  recoverable: 'Data recoverable',
  retained: 'Data retained',
  unknown: 'Whether the data comes back is unknown',
};

/**
 * `Data lost for good` and its why; undefined when the finding has no recoverability, or when nothing is known of it for
 * a type the catalog does not list as holding data.
 */
export function recoverabilityWords(finding: Finding): { lead: string; why: string } | undefined {
  const { recoverability } = finding;
  if (recoverability === undefined) return undefined;
  if (recoverability.outcome === 'unknown' && finding.impact === undefined) return undefined;
  return { lead: LEADS[recoverability.outcome], why: recoverability.why };
}

/** `Data lost for good: skip_final_snapshot = true and automated backups are deleted with the instance.` */
export function recoverabilitySentence(finding: Finding): string | undefined {
  const words = recoverabilityWords(finding);
  return words === undefined ? undefined : `${words.lead}: ${words.why}.`;
}
