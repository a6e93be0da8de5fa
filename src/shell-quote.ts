// Quotes a word for a POSIX shell only where it needs it, so that a command quoted back to a person or a model runs
// with exactly these words: `plan.json` stays as it is, `it's` becomes `'it'\''s'`.
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
