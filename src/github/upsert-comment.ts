// Creates or updates the one blast-radius comment on a pull request: the comment found by its hidden marker, written
// by the same account, is edited (PATCH) on every later run instead of a new one being added.
// https://docs.github.com/en/rest/issues/comments
import { COMMENT_MARKER } from '../reporters/markdown.js';
import { GitHubApiError, type GitHubApi } from './github-api.js';

/** A list longer than this many pages (of 100) is not read to its end: the run says so instead of looping. */
const MAX_PAGES = 100;

interface IssueComment {
  id: number;
  body?: string | null;
  html_url?: string;
  user?: { login?: string; type?: string } | null;
}

export interface UpsertResult {
  action: 'created' | 'updated';
  id: number;
  url?: string;
}

async function listComments(api: GitHubApi, issuePath: string): Promise<IssueComment[]> {
  const comments: IssueComment[] = [];
  let next: string | undefined = `${issuePath}/comments?per_page=100`;
  for (let page = 0; next !== undefined; page++) {
    if (page === MAX_PAGES) throw new GitHubApiError(0, `the pull request has more than ${MAX_PAGES * 100} comments; not read to the end.`);
    const response = await api('GET', next);
    if (!Array.isArray(response.body)) throw new GitHubApiError(response.status, `GET ${next}: the answer is not a list of comments.`);
    comments.push(...(response.body as IssueComment[]));
    next = response.next;
  }
  return comments;
}

/**
 * The login the token acts as. An installation token (the workflow's GITHUB_TOKEN, a GitHub App's) may not read
 * `/user`: then the account is a bot, and only bot-written comments are candidates.
 */
async function tokenLogin(api: GitHubApi): Promise<string | undefined> {
  try {
    const login = ((await api('GET', '/user')).body as { login?: unknown } | undefined)?.login;
    return typeof login === 'string' ? login : undefined;
  } catch (error) {
    if (error instanceof GitHubApiError && error.status >= 400) return undefined;
    throw error;
  }
}

function isOurs(comment: IssueComment, login: string | undefined): boolean {
  const byUs = login === undefined ? comment.user?.type === 'Bot' : comment.user?.login === login;
  return byUs && (comment.body ?? '').trimStart().startsWith(COMMENT_MARKER);
}

/** `repository` is `owner/name`; `body` must start with the marker, or the next run will not find it. */
export async function upsertComment(api: GitHubApi, repository: string, pullRequest: number, body: string): Promise<UpsertResult> {
  const [owner = '', name = ''] = repository.split('/');
  const repoPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
  const issuePath = `${repoPath}/issues/${pullRequest}`;
  const login = await tokenLogin(api);
  const existing = (await listComments(api, issuePath)).find((comment) => isOurs(comment, login));
  const response = existing ? await api('PATCH', `${repoPath}/issues/comments/${existing.id}`, { body }) : await api('POST', `${issuePath}/comments`, { body });
  const written = response.body as IssueComment | undefined;
  const id = typeof written?.id === 'number' ? written.id : (existing?.id ?? 0);
  return { action: existing ? 'updated' : 'created', id, ...(written?.html_url ? { url: written.html_url } : {}) };
}
