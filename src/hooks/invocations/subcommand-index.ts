// Finds where the subcommand starts in a tool's words, skipping global flags (and the values of those that take one).

/** `kubectl -n prod --context x delete …` → the index of `delete`, given that -n and --context take a value. */
export function subcommandIndex(words: string[], valueFlags: ReadonlySet<string>): number {
  let i = 1;
  while (i < words.length) {
    const word = words[i] as string;
    if (valueFlags.has(word)) i += 2;
    else if (word.startsWith('-')) i++;
    else break;
  }
  return i;
}
