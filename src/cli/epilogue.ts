// The line every help screen ends with: the exit codes, which are the contract with shells, CI and agent hooks.
export const EPILOGUE = 'Exit codes: 0 pass, 1 blocked, 2 usage or input error.';
