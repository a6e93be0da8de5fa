// Runs one hook call: reads the agent's payload, lets unrelated commands through at once, and loads the shell
// parser and the decision only for commands that mention infrastructure tools. Once per session (its start event, or
// its first call for agents without one) it also says whether this shell can reach production; the credential readers
// are loaded for that call alone; for an agent that sources an environment file (Claude Code), the session start also
// puts the guard shims first on PATH there.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { passSilently, type Agent, type HookAnswer, type SessionNotice } from '../agents/agent.js';
import { explain, type Decision, type Refused } from './decision.js';
import { isFirstCall } from './first-call.js';
import { refuseWrite } from './invocations/file-writes.js';
import { mentionsDestructiveVerb, mentionsTool, needsInspection } from './prefilter.js';
import { mentionsStore, protectedFile, type HookContext } from './protected-files.js';

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

async function credentialsNotice(env: NodeJS.ProcessEnv, home: string): Promise<SessionNotice | undefined> {
  const notice = await import('./session-notice.js');
  return notice.credentialsNotice(env, home);
}

/** The notice for the first call of a session of an agent without a session-start event; undefined on later calls. */
async function firstCallNotice(agent: string, session: string, env: NodeJS.ProcessEnv, home: string): Promise<SessionNotice | undefined> {
  return isFirstCall(agent, session) ? credentialsNotice(env, home) : undefined;
}

/**
 * Refreshes the shims and adds their PATH line to the agent's environment file, once (a session start fires again on
 * resume, clear and compact). A failure is said on stderr and leaves the session to the hook alone.
 */
async function putShimsFirst(file: string, env: NodeJS.ProcessEnv, home: string): Promise<void> {
  try {
    const { refreshShims } = await import('../shims/refresh-shims.js');
    const line = refreshShims(env, home);
    if (!(existsSync(file) && readFileSync(file, 'utf8').split('\n').includes(line))) appendFileSync(file, `${line}\n`);
  } catch (error) {
    process.stderr.write(`blast-radius: the shims were not put on this session's PATH: ${(error as Error).message}\n`);
  }
}

export async function runHook(agent: Agent, stdinText: string, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): Promise<HookAnswer> {
  let payload: unknown;
  try {
    payload = JSON.parse(stdinText.replace(/^\uFEFF/, ''));
  } catch {
    const decision = judgeUnreadable(stdinText);
    return decision.verdict === 'pass' ? agent.pass() : agent.deny(explain(decision));
  }
  const { command, files, cwd, sessionStart, session } = agent.read(payload);
  const channel = agent.notice;
  if (sessionStart) {
    const environmentFile = agent.environmentFile?.(env);
    if (environmentFile !== undefined) await putShimsFirst(environmentFile, env, home);
    // Nothing reaches production: no output at all, so that the model's context holds only what it must act on.
    const notice = channel.on === 'session-start' ? await credentialsNotice(env, home) : undefined;
    return notice && channel.on === 'session-start' ? channel.answer(notice) : passSilently();
  }
  const notice = channel.on === 'first-call' && session !== undefined ? await firstCallNotice(channel.agent, session, env, home) : undefined;
  const pass = notice && channel.on === 'first-call' ? channel.pass(notice) : agent.pass();
  // A refused first call keeps the notice: it is said once, in whichever answer the session's first call gets.
  // "Cannot tell" asks the person where the agent's protocol can ask, and is a refusal elsewhere.
  const deny = (decision: Refused) => {
    const reason = notice ? `${explain(decision)}\n\n${notice.forModel}` : explain(decision);
    return decision.verdict === 'cannot-tell' && agent.ask ? agent.ask(reason) : agent.deny(reason);
  };
  const context: HookContext = { env, home, cwd: cwd ?? process.cwd() };
  if (files !== undefined) {
    const decision = judgeEdits(files, context, 'editing');
    return decision.verdict === 'pass' ? pass : deny(decision);
  }
  if (command === undefined || !(needsInspection(command) || mentionsStore(command, context))) return pass;
  const { decide } = await import('./decide.js');
  const decision = await decide(command, context);
  return decision.verdict === 'pass' ? pass : deny(decision);
}
