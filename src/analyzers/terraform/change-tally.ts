// Counts a plan's resource changes by action and says which ones the analysis keeps: with `quietChanges: 'count'`
// a no-op or read that no drift entry names is counted only, so that a plan of any size is read in bounded memory.
import { QUIET_ACTIONS, type Action } from '../../model.js';

/** `keep`: every change is analyzed and kept (explain needs them all); `count`: quiet ones are only counted. */
export type QuietChanges = 'keep' | 'count';

export class ChangeTally {
  /** How many changes of each action, in the order the actions first appear. */
  readonly actionCounts: Partial<Record<Action, number>> = {};

  constructor(
    private readonly quietChanges: QuietChanges,
    private readonly drifted: ReadonlySet<string>,
  ) {}

  /** Counts one change; true when the analysis keeps it. */
  count(action: Action, address: string): boolean {
    this.actionCounts[action] = (this.actionCounts[action] ?? 0) + 1;
    return this.quietChanges === 'keep' || !QUIET_ACTIONS.has(action) || this.drifted.has(address);
  }
}
