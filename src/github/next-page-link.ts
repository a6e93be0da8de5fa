// Reads the `rel="next"` URL from a GitHub API `Link` header (RFC 8288): how a list continues on the next page.
// https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api

export function nextPageLink(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  for (const [, url, params] of header.matchAll(/<([^>]*)>([^<]*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params ?? '');
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (relations.includes('next')) return url;
  }
  return undefined;
}
