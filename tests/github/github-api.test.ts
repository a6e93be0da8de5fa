// The REST client against the local stand-in: the headers GitHub asks for, errors that name the request and never
// the token, and a pagination link to another host refused before the token could go there.
import { GitHubApiError, gitHubApi } from '../../src/github/github-api.js';
import { upsertComment } from '../../src/github/upsert-comment.js';
import { startFakeGitHub } from './fake-github.js';

const TOKEN = 'ghp_FAKE0personal0token0for0tests';

it('sends the token as a bearer token and reads JSON', async () => {
  const server = await startFakeGitHub({ token: TOKEN, repository: 'octo/infra', pullRequest: 3, identity: { login: 'ci-user', type: 'User' } });
  try {
    const response = await gitHubApi(`${server.url}/`, TOKEN)('GET', '/user');
    expect(response).toEqual({ status: 200, body: { login: 'ci-user', type: 'User' } });
    expect(server.requests).toEqual([{ method: 'GET', url: '/user', authorized: true }]);
  } finally {
    await server.close();
  }
});

it('keeps the API path of GitHub Enterprise Server (https://HOST/api/v3)', async () => {
  const server = await startFakeGitHub({ token: TOKEN, repository: 'octo/infra', pullRequest: 3 });
  try {
    await expect(gitHubApi(`${server.url}/api/v3`, TOKEN)('GET', '/user')).rejects.toThrow('GET /api/v3/user: 404 Not Found.');
  } finally {
    await server.close();
  }
});

it('names the request and the status in an error, not the token', async () => {
  const server = await startFakeGitHub({ token: TOKEN, repository: 'octo/infra', pullRequest: 3 });
  try {
    const error = await gitHubApi(server.url, 'wrong-token')('GET', '/repos/octo/infra/issues/3/comments?per_page=100').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({ status: 401, message: 'GET /repos/octo/infra/issues/3/comments?per_page=100: 401 Bad credentials.' });
  } finally {
    await server.close();
  }
});

it('refuses to follow a next-page link to another host', async () => {
  const server = await startFakeGitHub({
    token: TOKEN,
    repository: 'octo/infra',
    pullRequest: 3,
    pageSize: 1,
    comments: [
      { id: 1, body: 'one', user: { login: 'alice', type: 'User' } },
      { id: 2, body: 'two', user: { login: 'bob', type: 'User' } },
    ],
    nextOrigin: 'http://127.0.0.2:9',
  });
  try {
    await expect(upsertComment(gitHubApi(server.url, TOKEN), 'octo/infra', 3, '<!-- blast-radius -->\n')).rejects.toThrow(
      `GET /repos/octo/infra/issues/3/comments?per_page=100&page=2: refused, http://127.0.0.2:9 is not the API at ${server.url}.`,
    );
    expect(server.requests.map((request) => request.url)).toEqual(['/user', '/repos/octo/infra/issues/3/comments?per_page=100']);
    expect(server.comments).toHaveLength(2);
  } finally {
    await server.close();
  }
});
