// Names an input the way reports do: the path as given, or `<stdin>` for standard input (`-`).

export const STDIN = '-';

/** The name reports use for an input: the path as given, or `<stdin>`. */
export function displayName(path: string): string {
  return path === STDIN ? '<stdin>' : path;
}
