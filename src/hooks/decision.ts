// The hook's verdict on one shell command, shared by every agent adapter.
import type { Refusal } from './invocations/invocation.js';

export type Decision = { verdict: 'pass' } | { verdict: 'deny'; refusals: Refusal[] };

export const PASS: Decision = { verdict: 'pass' };

/** The sentences the agent (a model) reads: what was refused, why, and the exact command to run instead. */
export function explain(decision: Extract<Decision, { verdict: 'deny' }>): string {
  const lines = decision.refusals.map((r) => `- \`${r.command}\`: ${r.why} ${r.instead}`);
  return [
    'blast-radius refused this command, because it could destroy production infrastructure without a check:',
    ...lines,
    'Do not work around this refusal (rewording, another shell, a script, or a different tool that does the same). ' +
      'If the change is intended and the guarded command is refused too, stop and ask the user.',
  ].join('\n');
}
