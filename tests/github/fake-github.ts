// A stand-in for the GitHub REST API on 127.0.0.1 (node:http, a random port) for the action's tests: one pull
// request's issue comments with Link pagination, `/user`, SARIF uploads to code scanning, and a record of every
// request. No network is used.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface FakeUser {
  login: string;
  type: 'User' | 'Bot';
}

export interface FakeComment {
  id: number;
  body: string;
  user: FakeUser;
}

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  authorized: boolean;
  body?: unknown;
}

export interface FakeGitHubOptions {
  token: string;
  /** `owner/name`. */
  repository: string;
  pullRequest: number;
  comments?: FakeComment[];
  /** Comments per page: smaller than GitHub's 100, so that a few comments already span pages. */
  pageSize?: number;
  /** What `/user` says: a PAT's user; undefined answers 403 like the workflow's GITHUB_TOKEN, whose comments are github-actions[bot]'s. */
  identity?: FakeUser;
  /** Answer every comment listing with this error status. */
  failListing?: number;
  /** Put the next-page link on this origin instead of the server's own. */
  nextOrigin?: string;
  /** Requests beyond this many are answered 429, so that a runaway loop ends (and the test sees it). */
  maxRequests?: number;
}

export interface FakeGitHub {
  url: string;
  comments: FakeComment[];
  requests: RecordedRequest[];
  /** The SARIF logs uploaded to code scanning, decoded (Base64, then gunzip). */
  sarifs: string[];
  close(): Promise<void>;
}

const GITHUB_ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', type: 'Bot' };
const MAX_BODY_BYTES = 1024 * 1024;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > MAX_BODY_BYTES) request.destroy(new Error('request body too large'));
    });
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const comments = options.comments ?? [];
  const requests: RecordedRequest[] = [];
  const sarifs: string[] = [];
  const pageSize = options.pageSize ?? 100;
  const maxRequests = options.maxRequests ?? 50;
  const writer = options.identity ?? GITHUB_ACTIONS_BOT;
  const repoPath = `/repos/${options.repository}`;
  const listPath = `${repoPath}/issues/${options.pullRequest}/comments`;
  let nextId = Math.max(100, ...comments.map((c) => c.id)) + 1;
  let origin = '';

  const apiComment = (comment: FakeComment): object => ({
    ...comment,
    html_url: `https://github.example/${options.repository}/pull/${options.pullRequest}#issuecomment-${comment.id}`,
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const text = await readBody(request);
    const body = text === '' ? undefined : JSON.parse(text);
    const authorized = request.headers.authorization === `Bearer ${options.token}`;
    requests.push({ method: request.method ?? '', url: `${url.pathname}${url.search}`, authorized, ...(body === undefined ? {} : { body }) });
    if (requests.length > maxRequests) return send(response, 429, { message: 'the fake API allows no more requests' });
    if (!authorized) return send(response, 401, { message: 'Bad credentials' });

    if (request.method === 'GET' && url.pathname === '/user') {
      return options.identity ? send(response, 200, options.identity) : send(response, 403, { message: 'Resource not accessible by integration' });
    }
    if (request.method === 'GET' && url.pathname === listPath) {
      if (options.failListing) return send(response, options.failListing, { message: 'Server Error' });
      const page = Number(url.searchParams.get('page') ?? '1');
      const pages = Math.max(1, Math.ceil(comments.length / pageSize));
      const link = (n: number): string => `${options.nextOrigin ?? origin}${listPath}?per_page=100&page=${n}`;
      const headers: Record<string, string> = page < pages ? { link: `<${link(page + 1)}>; rel="next", <${link(pages)}>; rel="last"` } : {};
      return send(response, 200, comments.slice((page - 1) * pageSize, page * pageSize).map(apiComment), headers);
    }
    if (request.method === 'POST' && url.pathname === listPath) {
      const given = (body as { body?: unknown } | undefined)?.body;
      if (typeof given !== 'string' || given.length > 65_536) return send(response, 422, { message: 'Validation Failed' });
      const comment: FakeComment = { id: nextId++, body: given, user: writer };
      comments.push(comment);
      return send(response, 201, apiComment(comment));
    }
    const edit = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (request.method === 'PATCH' && edit && url.pathname.startsWith(repoPath)) {
      const comment = comments.find((c) => c.id === Number(edit[1]));
      if (!comment) return send(response, 404, { message: 'Not Found' });
      if (comment.user.login !== writer.login) return send(response, 403, { message: 'Resource not accessible by integration' });
      const given = (body as { body?: unknown } | undefined)?.body;
      if (typeof given !== 'string' || given.length > 65_536) return send(response, 422, { message: 'Validation Failed' });
      comment.body = given;
      return send(response, 200, apiComment(comment));
    }
    if (request.method === 'POST' && url.pathname === `${repoPath}/code-scanning/sarifs`) {
      const upload = body as { commit_sha?: unknown; ref?: unknown; sarif?: unknown } | undefined;
      const complete = typeof upload?.commit_sha === 'string' && typeof upload.ref === 'string' && typeof upload.sarif === 'string';
      if (!complete) return send(response, 422, { message: 'Validation Failed' });
      sarifs.push(gunzipSync(Buffer.from(upload.sarif as string, 'base64')).toString('utf8'));
      return send(response, 202, { id: `sarif-${sarifs.length}`, url: `${origin}${repoPath}/code-scanning/sarifs/sarif-${sarifs.length}` });
    }
    return send(response, 404, { message: 'Not Found' });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => send(response, 500, { message: error.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    comments,
    requests,
    sarifs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
