// Classifies invocations of blast-radius itself: `approve` is for a person only, however it is started (the
// blast-radius command, or node, npx, pnpm, yarn, bun … running its script).
import type { InvocationClassifier, Refusal } from './invocation.js';
import { commandName } from './unwrap.js';

/** Programs that run a JavaScript package or script named among their words. */
const SCRIPT_RUNNERS = new Set(['node', 'nodejs', 'npx', 'pnpx', 'pnpm', 'yarn', 'npm', 'bun', 'bunx', 'deno', 'tsx', 'ts-node']);

/** `blast-radius`, `blast-radius.js`, `…/node_modules/blast-radius/dist/bin/main.cjs`. */
function namesBlastRadius(word: string): boolean {
  return /^blast-radius(\.[cm]?js)?$/.test(commandName(word)) || word.includes('/blast-radius/');
}

function refuseApprove(command: string): Refusal {
  return {
    command,
    why: 'approving a blocked change is a decision only a person may make, so no agent may run `blast-radius approve`.',
    instead: 'Stop, show the user the blocked report, and ask them to run the approve command it names in their own terminal.',
  };
}

export const classifyBlastRadius: InvocationClassifier = (words, command) => (words[1] === 'approve' ? refuseApprove(command) : undefined);

/** `node node_modules/.bin/blast-radius approve …`, `pnpm dlx blast-radius approve …`, `yarn blast-radius approve`. */
export function approvesThroughRunner(words: string[], command: string): Refusal | undefined {
  if (!SCRIPT_RUNNERS.has(commandName(words[0] ?? ''))) return undefined;
  const at = words.findIndex((word, i) => i > 0 && namesBlastRadius(word));
  return at !== -1 && words.slice(at + 1).includes('approve') ? refuseApprove(command) : undefined;
}
