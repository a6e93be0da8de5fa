// Remembers which agent sessions have had the production-credentials notice: one empty marker file per session in
// the temporary directory, named by the agent and the session id (a hash of them when the id holds other characters
// than letters, digits, `_` and `-`) and created with O_EXCL, so that exactly one call of a session (the first) finds it
// missing, even when calls race.
import { closeSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;

/**
 * 64-bit FNV-1a over the UTF-16 code units. Not node:crypto, whose import alone costs several milliseconds on every
 * call of the hook; the hash only has to turn an id into a stable, path-safe name, not resist an attacker (the agent
 * does not choose its session ids, and a guessed marker could only silence an advisory notice).
 */
function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(i))) * FNV_PRIME);
  return hash.toString(16).padStart(16, '0');
}

/**
 * Session ids that name their marker as they are, so that the installed command's shell pre-filter can look for it
 * without starting node (src/hooks/install/prefilter-command.ts); any other id is hashed, which keeps agent-chosen text
 * that could name a path out of file names.
 */
export const PLAIN_SESSION_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** The marker's path: `blast-radius-session-<agent>-<id>`, or `blast-radius-session-<hash>` for other ids. */
export function sessionMarker(agent: string, session: string, directory: string = tmpdir()): string {
  const name = PLAIN_SESSION_ID.test(session) ? `${agent}-${session}` : fnv1a64(`${agent}\0${session}`);
  return join(directory, `blast-radius-session-${name}`);
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
