// Public library API: check() and the types of the Report it returns.
export { check, type CheckOptions } from './check.js';
export { exitCode } from './report.js';
export { EXIT_BLOCKED, EXIT_ERROR, EXIT_PASS, InputError, UsageError, UserError } from './errors.js';
export type * from './model.js';
