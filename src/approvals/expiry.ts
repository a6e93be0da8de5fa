// Reads `approve --expires`: a duration (`90m`, `24h`, `7d`) or an ISO date or time, at most MAX_APPROVAL_HOURS ahead.
import { UsageError } from '../errors.js';

export const DEFAULT_EXPIRY = '24h';
/** An approval is for one change being made now, not a standing permission: a week at most. */
export const MAX_APPROVAL_HOURS = 7 * 24;

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The moment the approval stops being honoured; a date alone means the end of that day (UTC). */
export function parseExpiry(text: string, now: Date): Date {
  const duration = /^(\d+)([mhd])$/.exec(text);
  let expires: Date;
  if (duration) {
    expires = new Date(now.getTime() + Number(duration[1]) * UNIT_MS[duration[2]]);
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    expires = new Date(`${text}T23:59:59Z`);
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    expires = new Date(text);
  } else {
    throw new UsageError(`Invalid value "${text}" for --expires: give a duration (90m, 24h, 7d) or an ISO date (2026-12-31).`);
  }
  if (Number.isNaN(expires.getTime())) throw new UsageError(`Invalid value "${text}" for --expires: it is not a real date or time.`);
  if (expires.getTime() <= now.getTime()) throw new UsageError(`--expires ${text} is not in the future.`);
  if (expires.getTime() - now.getTime() > MAX_APPROVAL_HOURS * UNIT_MS.h) {
    throw new UsageError(`--expires ${text} is more than ${MAX_APPROVAL_HOURS / 24} days ahead: an approval is for a change made now.`);
  }
  return expires;
}
