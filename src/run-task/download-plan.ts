// Downloads a run's JSON plan from plan_json_api_url with the request's access token, to a file, refusing more than
// the configured number of bytes. HCP Terraform answers with a redirect to a short-lived download URL; fetch follows
// it and, the URL being of another origin, does not send the token there.
import { open } from 'node:fs/promises';

/** Why a plan could not be had, in one sentence the task result shows. */
export class PlanDownloadError extends Error {
  override readonly name = 'PlanDownloadError';
}

function mebibytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}

export async function downloadPlan(url: string, token: string, maxBytes: number, destination: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, redirect: 'follow' });
  } catch (error) {
    throw new PlanDownloadError(`The plan could not be downloaded from plan_json_api_url: ${(error as Error).message}.`);
  }
  if (!response.ok || response.body === null) {
    await response.body?.cancel();
    throw new PlanDownloadError(`The plan could not be downloaded: plan_json_api_url answered HTTP ${response.status}.`);
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body.cancel();
    throw new PlanDownloadError(`The plan is ${mebibytes(declared)}, more than the ${mebibytes(maxBytes)} this server reads (--max-plan-mib).`);
  }
  const file = await open(destination, 'wx', 0o600);
  try {
    let received = 0;
    for await (const chunk of response.body) {
      received += chunk.byteLength;
      if (received > maxBytes) throw new PlanDownloadError(`The plan is larger than the ${mebibytes(maxBytes)} this server reads (--max-plan-mib).`);
      await file.write(chunk);
    }
  } catch (error) {
    if (error instanceof PlanDownloadError) throw error;
    throw new PlanDownloadError(`The plan download was cut short: ${(error as Error).message}.`);
  } finally {
    await file.close();
  }
}
