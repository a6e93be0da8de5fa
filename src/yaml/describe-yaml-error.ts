// Describes a js-yaml error by its reason and position only: js-yaml's own message quotes the lines around the error,
// and those lines may hold tokens or Secret data.

/** ` at line L, column C (reason)`; `lineOffset` is added when the text parsed was a slice starting further down a file. */
export function yamlErrorPosition(error: unknown, lineOffset = 0): string {
  const { reason, mark } = (error ?? {}) as { reason?: unknown; mark?: { line?: unknown; column?: unknown } };
  const where = typeof mark?.line === 'number' && typeof mark.column === 'number' ? ` at line ${mark.line + 1 + lineOffset}, column ${mark.column + 1}` : '';
  const why = typeof reason === 'string' && /^[\w ,()-]+$/.test(reason) ? ` (${reason})` : '';
  return `${where}${why}`;
}
