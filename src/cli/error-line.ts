// The line a message is printed as on standard error: `blast-radius: ` before it, unless it names blast-radius itself.

/** `<prefix>: <message>`, or the message alone when it already starts with blast-radius (no doubled prefix). */
export function errorLine(message: string, prefix = 'blast-radius'): string {
  return /^blast-radius\b/.test(message) ? message : `${prefix}: ${message}`;
}
