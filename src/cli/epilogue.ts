// The lines help screens end with: the exit codes, which are the contract with shells, CI and agent hooks.

/** The exit codes of `check` (and of a command whose spec states none). */
export const CHECK_EXIT_CODES = 'Exit codes: 0 pass, 1 blocked, 2 usage or input error.';

/** The end of the help of blast-radius itself: each command's help states its own exit codes. */
export const EPILOGUE = `${CHECK_EXIT_CODES.replace('Exit codes:', 'Exit codes of check:').replace(/\.$/, '')}; each command's --help states its own.`;
