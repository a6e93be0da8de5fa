// Splits names and values into lower-case word tokens, so `prod` is found in `orders-prod` but not in `product`.

/** `non-prod`, `pre_prod`, `nonproduction` are the opposite of production: keep them one word. */
const NEGATING_PREFIXES = new Set(['non', 'pre', 'not']);
const PROD_WORDS = new Set(['prod', 'production', 'prd']);

/**
 * Tokens are runs of letters or of digits, split also where lower case turns upper (`prodDb` → prod, db), and
 * lower-cased. Everything else (`-`, `_`, `.`, `/`, quotes, spaces) delimits.
 */
export function tokenize(text: string): string[] {
  const raw = text.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [];
  const tokens: string[] = [];
  for (const token of raw.map((t) => t.toLowerCase())) {
    const previous = tokens[tokens.length - 1];
    if (previous !== undefined && NEGATING_PREFIXES.has(previous) && PROD_WORDS.has(token)) {
      tokens[tokens.length - 1] = previous + token;
    } else {
      tokens.push(token);
    }
  }
  return tokens;
}

/** `Environment`, `env_name`, `app.kubernetes.io/environment` → `environment`, `envname`, `environment`. */
export function normalizeKey(key: string): string {
  const lastSegment = key.slice(key.lastIndexOf('/') + 1);
  return lastSegment.toLowerCase().replace(/[^a-z0-9]/g, '');
}
