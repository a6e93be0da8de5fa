// Uploads the SARIF log to code scanning through the REST API, as github/codeql-action/upload-sarif does, because a
// JavaScript action cannot run another action: the log gzipped and Base64-encoded, for the commit and ref of the run
// ("Upload an analysis as SARIF data", https://docs.github.com/en/rest/code-scanning/code-scanning#upload-an-analysis-as-sarif-data).
import { gzipSync } from 'node:zlib';
import type { GitHubApi } from './github-api.js';

export interface SarifUpload {
  /** `owner/name`. */
  repository: string;
  /** GITHUB_SHA: on a pull request, the merge commit the workflow ran on. */
  commitSha: string;
  /** GITHUB_REF: refs/heads/…, refs/tags/… or refs/pull/N/merge. */
  ref: string;
  /** The SARIF log's text. */
  sarif: string;
}

/** The id GitHub gives the upload, which it then processes on its own. */
export async function uploadSarif(api: GitHubApi, upload: SarifUpload): Promise<string> {
  const response = await api('POST', `/repos/${upload.repository}/code-scanning/sarifs`, {
    commit_sha: upload.commitSha,
    ref: upload.ref,
    sarif: gzipSync(upload.sarif).toString('base64'),
    tool_name: 'blast-radius',
  });
  const id = (response.body as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : 'without an id';
}
