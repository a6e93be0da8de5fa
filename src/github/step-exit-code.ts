// Decides the action step's exit code from the verdict and the fail-on input: an error always fails the step.
import { EXIT_BLOCKED, EXIT_ERROR, EXIT_PASS } from '../errors.js';
import type { FailOn } from './action-inputs.js';

/** What one run of `blast-radius check` found, as the action reports it. */
export type Outcome = { verdict: 'pass' | 'block'; errors: number; warnings: number } | { verdict: 'error'; message: string };

export function stepExitCode(outcome: Outcome, failOn: FailOn): number {
  if (outcome.verdict === 'error') return EXIT_ERROR;
  if (outcome.verdict === 'block') return failOn === 'never' ? EXIT_PASS : EXIT_BLOCKED;
  return failOn === 'warning' && outcome.warnings > 0 ? EXIT_BLOCKED : EXIT_PASS;
}
