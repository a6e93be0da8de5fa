// Matches a glob (`*` any run of characters, `?` one character, all else literal) in O(n·m) time, never exponential.

/**
 * The classic two-pointer wildcard match: on a mismatch it backtracks only to the last `*` seen, one character
 * further each time, so no pattern (however many stars it holds) makes it revisit more than text × pattern steps.
 */
export function matchGlob(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (g < glob.length && (glob[g] === '?' || (glob[g] !== '*' && glob[g] === text[t]))) {
      g++;
      t++;
    } else if (g < glob.length && glob[g] === '*') {
      star = g++;
      resume = t;
    } else if (star >= 0) {
      g = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (glob[g] === '*') g++;
  return g === glob.length;
}
