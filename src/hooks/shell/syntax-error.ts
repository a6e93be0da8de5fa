// Raised when a command is not valid shell syntax: the hook then judges it by what its text mentions.
export class ShellSyntaxError extends Error {
  override readonly name = 'ShellSyntaxError';
}
