// The human side of `approve`: refuses without an interactive terminal, asks for a reason when none was given, and
// has the person type the environment name being destroyed (like GitHub's repository-delete confirmation).
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { UsageError } from '../errors.js';

export interface Terminal {
  input: Readable & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
  /** Standard error, checked too: all three must be a terminal. */
  errors: Writable & { isTTY?: boolean };
}

export function requireInteractiveTerminal(terminal: Terminal): void {
  if (terminal.input.isTTY !== true || terminal.output.isTTY !== true || terminal.errors.isTTY !== true) {
    throw new UsageError(
      'blast-radius approve needs a person at an interactive terminal (standard input, output and error), so it refuses to run from a script, a pipe or an agent.',
    );
  }
}

/** What the person must type: the protected environments the change destroys in, space-separated. */
export function confirmationWord(environments: readonly string[], fingerprint: string): string {
  return environments.length > 0 ? [...environments].sort().join(' ') : fingerprint.slice(0, 8);
}

/** One reader of the terminal's lines for all questions (a reader per question would lose lines typed ahead). */
function questioner(terminal: Terminal): { ask(question: string): Promise<string>; close(): void } {
  const lines = createInterface({ input: terminal.input, terminal: false });
  const iterator = lines[Symbol.asyncIterator]();
  return {
    async ask(question) {
      terminal.output.write(question);
      const next = await iterator.next();
      return next.done ? '' : next.value;
    },
    close: () => lines.close(),
  };
}

/** Asks for the reason (when not given) and the confirmation; returns the reason, or throws when either is refused. */
export async function confirmApproval(terminal: Terminal, expected: string, givenReason: string | undefined): Promise<string> {
  const questions = questioner(terminal);
  try {
    const reason = (givenReason ?? (await questions.ask('Why is this destruction intended? (recorded with the approval) '))).trim();
    if (reason === '') throw new UsageError('An approval needs a reason (--reason "…"); nothing was approved.');
    const typed = (await questions.ask(`To approve, type ${expected.includes(' ') ? 'the environment names' : 'the name'} \`${expected}\`: `)).trim();
    if (typed !== expected) throw new UsageError(`You typed "${typed}", not "${expected}"; nothing was approved.`);
    return reason;
  } finally {
    questions.close();
  }
}
