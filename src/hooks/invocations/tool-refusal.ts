// Turns the shared reading of a tool's invocation (src/tools/) into the hook's refusal: the guarded command to run
// instead where guard can check it (terraform, kubectl, helm, pulumi, aws cloudformation, cdk), else the dry run to
// show a person.
import type { Destructive, ToolReader } from '../../tools/destructive.js';
import { GUARD_PROGRAM_OF } from '../../tools/tool-readers.js';
import { shellQuote } from '../../shell-quote.js';
import { guarded, type InvocationClassifier, type Refusal } from './invocation.js';

/** The refusal of one destructive invocation: `words` as the tool reads them, `command` as the agent wrote it. */
export function refusalFor(destructive: Destructive, words: readonly string[], command: string): Refusal {
  const { why, guardChecks, preview, instead, cannotTell } = destructive;
  if (instead !== undefined) return { command, why, instead, ...(cannotTell ? { cannotTell } : {}) };
  if (guardChecks !== undefined) {
    const program = words[0];
    const guardWords = [Object.hasOwn(GUARD_PROGRAM_OF, program) ? GUARD_PROGRAM_OF[program] : program, ...words.slice(1)];
    return { command, why, instead: `Run \`${guarded(guardWords)}\`: ${guardChecks}.`, ...(cannotTell ? { cannotTell } : {}) };
  }
  const shown = preview === undefined ? '' : ` (\`${preview.map(shellQuote).join(' ')}\`)`;
  return { command, why, instead: `Show the user what it would do${shown} and ask them to run it.` };
}

export function refusingWith(read: ToolReader): InvocationClassifier {
  return (words, command, context) => {
    const destructive = read(words, context);
    return destructive === undefined ? undefined : refusalFor(destructive, words, command);
  };
}
