// Whether a run task request is signed with the configured HMAC key: HCP Terraform sends X-TFC-Task-Signature, the
// hex HMAC-SHA512 of the raw request body (run tasks integration API, "Request Headers").
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-tfc-task-signature';

/** Compared in constant time, so that the answer's timing tells nothing about the expected signature. */
export function isSignedBy(body: Buffer, signature: string | undefined, key: string): boolean {
  if (signature === undefined || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  const expected = createHmac('sha512', key).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
