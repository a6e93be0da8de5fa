// Finds the pull request a workflow run is about, from the event payload the runner saved at GITHUB_EVENT_PATH.
import { readFileSync } from 'node:fs';

export interface PullRequest {
  number: number;
  /** The branch the pull request merges into (`main`). */
  baseRef?: string;
}

/** The pull request of a `pull_request` or `pull_request_target` run; undefined for a push, a schedule, a dispatch. */
export function pullRequestOf(eventPath: string | undefined): PullRequest | undefined {
  if (!eventPath) return undefined;
  const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { number?: unknown; base?: { ref?: unknown } } };
  const number = event?.pull_request?.number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) return undefined;
  const baseRef = event.pull_request?.base?.ref;
  return { number, ...(typeof baseRef === 'string' && baseRef !== '' ? { baseRef } : {}) };
}
