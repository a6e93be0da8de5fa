// Walks a program's options to the first word that is not one: the start of the command (or operands) it runs.

/**
 * The index of the first word from `start` that is not an option. `--` ends the options (and is skipped); an option in
 * `withValue` takes the next word as its value; `-n10`, `--opt=value` and option clusters are one word each.
 */
export function skipOptions(words: readonly string[], start: number, withValue: readonly string[] = []): number {
  let i = start;
  while (i < words.length) {
    const word = words[i];
    if (word === '--') return i + 1;
    if (!word.startsWith('-') || word === '-') break;
    i += withValue.includes(word) ? 2 : 1;
  }
  return i;
}
