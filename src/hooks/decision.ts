// The hook's verdict on one shell command, shared by every agent adapter: pass, deny, or "cannot tell" (the
// command runs something only known at run time, or reaches an environment nothing names, which a person should look
// at: asked where the agent can ask).
import { redactCredentials } from '../redact-credentials.js';
import type { Refusal } from './invocations/invocation.js';

export type Decision = { verdict: 'pass' } | { verdict: 'deny' | 'cannot-tell'; refusals: Refusal[] };

export type Refused = Extract<Decision, { verdict: 'deny' | 'cannot-tell' }>;

export const PASS: Decision = { verdict: 'pass' };

/** Deny when any refusal is certain; "cannot tell" when every one is about what only run time shows. */
export function decisionOf(refusals: Refusal[]): Decision {
  if (refusals.length === 0) return PASS;
  return { verdict: refusals.every((r) => r.cannotTell) ? 'cannot-tell' : 'deny', refusals };
}

/** The sentences the agent (a model) reads: what was refused, why, and the exact command to run instead. */
export function explain(decision: Refused): string {
  const lines = decision.refusals.map((r) => redactCredentials(`- \`${r.command}\`: ${r.why} ${r.instead}`));
  if (decision.verdict === 'cannot-tell') {
    return [
      'blast-radius cannot tell whether this command destroys production infrastructure (part of what it runs, or where it runs, is not known before it runs):',
      ...lines,
      'Do not work around this (rewording, another shell, a script, or a different tool that does the same). ' +
        'Write the command plainly so that it can be checked, or, if it must run as it is, ask the user.',
    ].join('\n');
  }
  return [
    'blast-radius refused this command, because it could destroy production infrastructure without a check:',
    ...lines,
    'Do not work around this refusal (rewording, another shell, a script, or a different tool that does the same). ' +
      'If the change is intended and the guarded command is refused too, stop and ask the user.',
  ].join('\n');
}
