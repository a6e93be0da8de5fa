// fail-on as a table: which verdicts fail the step; an error always does.
import type { FailOn } from '../../src/github/action-inputs.js';
import { stepExitCode, type Outcome } from '../../src/github/step-exit-code.js';

const pass = (warnings: number): Outcome => ({ verdict: 'pass', errors: 0, warnings });
const block: Outcome = { verdict: 'block', errors: 1, warnings: 0 };
const error: Outcome = { verdict: 'error', message: 'plan.json: no such file.' };

it.each<[FailOn, Outcome, number]>([
  ['block', pass(0), 0],
  ['block', pass(3), 0],
  ['block', block, 1],
  ['block', error, 2],
  ['warning', pass(0), 0],
  ['warning', pass(3), 1],
  ['warning', block, 1],
  ['warning', error, 2],
  ['never', pass(3), 0],
  ['never', block, 0],
  ['never', error, 2],
])('fail-on %s, %j: exit %i', (failOn, outcome, code) => {
  expect(stepExitCode(outcome, failOn)).toBe(code);
});
