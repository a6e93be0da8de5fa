// A minimal GitHub REST client over Node's fetch: JSON in and out, the token only in the Authorization header and
// only ever sent to the API's own origin (a pagination link elsewhere is refused).
import { nextPageLink } from './next-page-link.js';

const TIMEOUT_MS = 30_000;

/** A request the API answered with an error status (`status`), or could not be sent at all (`status` 0). */
export class GitHubApiError extends Error {
  override readonly name = 'GitHubApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface GitHubResponse {
  status: number;
  body: unknown;
  /** The next page of a list (`Link: <…>; rel="next"`), if any. */
  next?: string;
}

/** Sends one request: `target` is an API path (`/repos/…`) or a URL the API gave (a next-page link). */
export type GitHubApi = (method: string, target: string, body?: unknown) => Promise<GitHubResponse>;

function messageOf(body: unknown): string {
  const message = body && typeof body === 'object' ? (body as { message?: unknown }).message : undefined;
  return typeof message === 'string' && message !== '' ? message : 'no message';
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `apiUrl` is `GITHUB_API_URL`: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
export function gitHubApi(apiUrl: string, token: string): GitHubApi {
  const base = new URL(apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`);
  return async (method, target, body) => {
    const url = target.startsWith('/') ? new URL(target.slice(1), base) : new URL(target);
    const where = `${method} ${url.pathname}${url.search}`;
    if (url.origin !== base.origin) throw new GitHubApiError(0, `${where}: refused, ${url.origin} is not the API at ${base.origin}.`);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${token}`,
          'user-agent': 'blast-radius-action',
          'x-github-api-version': '2022-11-28',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      throw new GitHubApiError(0, `${where}: ${cause ?? (error as Error).message}.`);
    }
    const answer = await readBody(response);
    if (!response.ok) throw new GitHubApiError(response.status, `${where}: ${response.status} ${messageOf(answer)}.`);
    const next = nextPageLink(response.headers.get('link'));
    return { status: response.status, body: answer, ...(next === undefined ? {} : { next }) };
  };
}
