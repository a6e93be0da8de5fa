// Typed errors a user can cause: each carries one sentence that names the file and the problem, and maps to exit 2.

/** Exit codes, the contract with every caller: shells, CI and agent hooks. */
export const EXIT_PASS = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_ERROR = 2;

/** Base of every error the user can fix; the CLI prints `message` alone (no stack) and exits 2. */
export class UserError extends Error {
  override readonly name: string = 'UserError';
}

/** Bad command-line usage: unknown option, missing argument, unknown format. */
export class UsageError extends UserError {
  override readonly name = 'UsageError';
}

/** An input that cannot be read fully: missing, empty, binary, truncated, not a plan. */
export class InputError extends UserError {
  override readonly name = 'InputError';
}

/** A configuration or settings file that cannot be read or would be damaged by writing it. */
export class ConfigError extends UserError {
  override readonly name = 'ConfigError';
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
