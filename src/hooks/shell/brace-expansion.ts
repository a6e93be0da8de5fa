// Bash brace expansion of one word's unquoted text: `{de,}stroy` → `destroy stroy`, `{a..c}` → `a b c`. Quoted parts
// and expansions arrive as opaque placeholder characters, so only the braces bash would expand are expanded.

/** More words than this from one word are not produced: the rest are dropped (no real command needs them). */
const MAX_WORDS = 256;

/** The index of the `}` closing the `{` at `open`, and the top-level commas between them. */
function braceGroup(text: string, open: number): { close: number; commas: number[] } | undefined {
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (char === '{') depth++;
    else if (char === '}') {
      depth--;
      if (depth === 0) return { close: i, commas };
    } else if (char === ',' && depth === 1) commas.push(i);
  }
  return undefined;
}

/** `1..5`, `a..e`, `10..1..3`: the words of a sequence expression, or undefined when it is not one. */
function sequence(body: string): string[] | undefined {
  const numeric = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body);
  if (numeric) {
    const [from, to] = [Number(numeric[1]), Number(numeric[2])];
    const step = Math.max(1, Math.abs(Number(numeric[3] ?? 1)));
    const words: string[] = [];
    for (let n = from; from <= to ? n <= to : n >= to; n += from <= to ? step : -step) {
      words.push(String(n));
      if (words.length >= MAX_WORDS) break;
    }
    return words;
  }
  const letters = /^([A-Za-z])\.\.([A-Za-z])$/.exec(body);
  if (!letters) return undefined;
  const [from, to] = [letters[1].charCodeAt(0), letters[2].charCodeAt(0)];
  const words: string[] = [];
  for (let c = from; from <= to ? c <= to : c >= to; c += from <= to ? 1 : -1) words.push(String.fromCharCode(c));
  return words;
}

/** Every word the text expands to, left to right as bash orders them. */
export function expandBraces(text: string): string[] {
  for (let open = text.indexOf('{'); open !== -1; open = text.indexOf('{', open + 1)) {
    // `${` never starts a brace expansion; expansions arrive as placeholders, so this is a literal dollar sign.
    if (open > 0 && text[open - 1] === '$') continue;
    const group = braceGroup(text, open);
    if (!group) return [text];
    const body = text.slice(open + 1, group.close);
    let alternatives: string[] | undefined;
    if (group.commas.length > 0) {
      const cuts = [open, ...group.commas, group.close];
      alternatives = cuts.slice(0, -1).map((cut, i) => text.slice(cut + 1, cuts[i + 1]));
    } else {
      alternatives = sequence(body);
    }
    if (!alternatives) continue;
    const prefix = text.slice(0, open);
    const suffix = text.slice(group.close + 1);
    const words: string[] = [];
    for (const alternative of alternatives) {
      for (const word of expandBraces(`${prefix}${alternative}${suffix}`)) {
        if (words.length < MAX_WORDS) words.push(word);
      }
    }
    return words;
  }
  return [text];
}
