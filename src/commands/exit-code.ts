// Carries a command handler's exit code back to main(): yargs ignores what handlers return.
import { EXIT_PASS } from '../errors.js';

let current = EXIT_PASS;

export function setExitCode(code: number): void {
  current = code;
}

/** Returns the code set since the last call, and resets it. */
export function takeExitCode(): number {
  const code = current;
  current = EXIT_PASS;
  return code;
}
