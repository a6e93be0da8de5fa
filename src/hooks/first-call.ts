// Remembers which agent sessions have had the production-credentials notice: one empty marker file per session in
// the temporary directory, named by a hash of the agent and the session id and created with O_EXCL, so that exactly
// one call of a session (the first) finds it missing, even when calls race.
import { createHash } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The marker's path: the hash keeps session ids (agent-chosen text) out of file names. */
export function sessionMarker(agent: string, session: string, directory: string = tmpdir()): string {
  const digest = createHash('sha256').update(`${agent}\0${session}`).digest('hex').slice(0, 32);
  return join(directory, `blast-radius-session-${digest}`);
}

/**
 * True for the first call of the session, which creates the marker. False afterwards, and also when no marker can be
 * created (an unwritable temporary directory): then the notice is skipped, rather than said and paid for on every call.
 */
export function isFirstCall(agent: string, session: string, directory: string = tmpdir()): boolean {
  try {
    closeSync(openSync(sessionMarker(agent, session, directory), 'wx', 0o600));
    return true;
  } catch {
    return false;
  }
}
