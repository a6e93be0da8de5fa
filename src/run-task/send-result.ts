// Sends a task result to task_result_callback_url: a PATCH with the request's access token, as JSON:API. A result whose
// outcomes the caller refuses (422: an older Terraform Enterprise) is sent again without them, so the verdict arrives.
import type { TaskResult } from './task-result.js';

const ATTEMPTS = 3;

async function patch(url: string, token: string, result: TaskResult): Promise<number> {
  const response = await fetch(url, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/vnd.api+json' },
    body: JSON.stringify(result),
  });
  await response.body?.cancel();
  return response.status;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The HTTP status the callback finally answered, or the network error's message; retried on 5xx and network errors. */
export async function sendResult(url: string, token: string, result: TaskResult): Promise<string> {
  let outcome = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    try {
      const status = await patch(url, token, result);
      if (status === 422 && result.data.relationships) {
        const withoutOutcomes: TaskResult = { data: { type: result.data.type, attributes: result.data.attributes } };
        return `HTTP ${status} with outcomes, then HTTP ${await patch(url, token, withoutOutcomes)} without them`;
      }
      outcome = `HTTP ${status}`;
      if (status < 500) return outcome;
    } catch (error) {
      outcome = `no answer (${(error as Error).message})`;
    }
    if (attempt < ATTEMPTS) await pause(1000 * attempt);
  }
  return outcome;
}
