// Runs one hook call: reads the agent's payload, lets unrelated commands through at once, and loads the shell
// parser and the decision only for commands that mention infrastructure tools.
import type { AgentAdapter, HookAnswer } from './agents/agent.js';
import { explain, type Decision } from './decision.js';
import { mentionsDestructiveVerb, mentionsTool, needsInspection } from './prefilter.js';

const SILENT_PASS: HookAnswer = { exitCode: 0 };

/** A payload that is not JSON cannot be read for its command: fail closed on what its text mentions. */
function judgeUnreadable(text: string): Decision {
  if (!(mentionsTool(text) && mentionsDestructiveVerb(text))) return { verdict: 'pass' };
  return {
    verdict: 'deny',
    refusals: [
      {
        command: '(unreadable hook payload)',
        why: 'the hook payload is not JSON, and its text mentions an infrastructure tool together with a destructive verb.',
        instead: 'Check the hook configuration: the agent must send its JSON hook payload on standard input.',
      },
    ],
  };
}

export async function runHook(adapter: AgentAdapter, stdinText: string): Promise<HookAnswer> {
  const pass = adapter.pass?.() ?? SILENT_PASS;
  let payload: unknown;
  try {
    payload = JSON.parse(stdinText.replace(/^\uFEFF/, ''));
  } catch {
    const decision = judgeUnreadable(stdinText);
    return decision.verdict === 'deny' ? adapter.deny(explain(decision)) : pass;
  }
  const { command } = adapter.read(payload);
  if (command === undefined || !needsInspection(command)) return pass;
  const { decide } = await import('./decide.js');
  const decision = await decide(command);
  return decision.verdict === 'deny' ? adapter.deny(explain(decision)) : pass;
}
