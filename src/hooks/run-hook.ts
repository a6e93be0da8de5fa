// Runs one hook call: reads the agent's payload, lets unrelated commands through at once, and loads the shell
// parser and the decision only for commands that mention infrastructure tools.
import { homedir } from 'node:os';
import type { AgentAdapter, HookAnswer } from './agents/agent.js';
import { explain, type Decision } from './decision.js';
import { refuseWrite } from './invocations/file-writes.js';
import { mentionsDestructiveVerb, mentionsTool, needsInspection } from './prefilter.js';
import { mentionsStore, protectedFile, type HookContext } from './protected-files.js';

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

/** A file-editing tool may not write the approvals store or a configuration file. */
function judgeEdits(files: string[], context: HookContext, tool: string): Decision {
  const refusals = files.flatMap((file) => {
    const what = protectedFile(file, false, context);
    return what ? [refuseWrite(`${tool} ${file}`, what, file)] : [];
  });
  return refusals.length === 0 ? { verdict: 'pass' } : { verdict: 'deny', refusals };
}

export async function runHook(adapter: AgentAdapter, stdinText: string, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): Promise<HookAnswer> {
  const pass = adapter.pass?.() ?? SILENT_PASS;
  let payload: unknown;
  try {
    payload = JSON.parse(stdinText.replace(/^\uFEFF/, ''));
  } catch {
    const decision = judgeUnreadable(stdinText);
    return decision.verdict === 'deny' ? adapter.deny(explain(decision)) : pass;
  }
  const { command, files, cwd } = adapter.read(payload);
  const context: HookContext = { env, home, cwd: cwd ?? process.cwd() };
  if (files !== undefined) {
    const decision = judgeEdits(files, context, 'editing');
    return decision.verdict === 'deny' ? adapter.deny(explain(decision)) : pass;
  }
  if (command === undefined || !(needsInspection(command) || mentionsStore(command, context))) return pass;
  const { decide } = await import('./decide.js');
  const decision = await decide(command, context);
  return decision.verdict === 'deny' ? adapter.deny(explain(decision)) : pass;
}
