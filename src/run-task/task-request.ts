// The run task request HCP Terraform or Terraform Enterprise POSTs (payload_version 1): the members blast-radius
// needs, checked for their documented types; anything else in it is neither read nor kept.
export interface TaskRequest {
  stage: string;
  accessToken: string;
  callbackUrl: string;
  /** Present from the post_plan stage on (post_plan, pre_apply, post_apply). */
  planUrl?: string;
  runId: string;
  workspaceName: string;
  /** Whether the caller accepts detailed outcomes in the result (`capabilities.outcomes`). */
  acceptsOutcomes: boolean;
}

export type ReadRequest = { kind: 'task'; request: TaskRequest } | { kind: 'verification' } | { kind: 'invalid'; reason: string };

/**
 * The token HCP Terraform sends in the request that verifies a run task's URL when the task is created or edited: a
 * value no API accepts, answered with 200 and no callback (HashiCorp's terraform-run-task-scaffolding-go,
 * internal/sdk/api/structs.go, `IsEndpointValidation`).
 */
const VERIFICATION_TOKEN = 'test-token';

/** The stages whose request carries `plan_json_api_url`. */
export const PLAN_STAGES: ReadonlySet<string> = new Set(['post_plan', 'pre_apply', 'post_apply']);

const REQUIRED = ['stage', 'access_token', 'task_result_callback_url'] as const;

/** The request, the verification request, or a sentence saying why the body is neither (answered with 400). */
export function readTaskRequest(body: Buffer): ReadRequest {
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    return { kind: 'invalid', reason: 'The request body is not JSON.' };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { kind: 'invalid', reason: 'The request body is not a JSON object.' };
  const members = payload as Record<string, unknown>;
  if (members.access_token === VERIFICATION_TOKEN) return { kind: 'verification' };
  if (members.payload_version !== 1) {
    return { kind: 'invalid', reason: `payload_version ${JSON.stringify(members.payload_version)} is not 1, the only version this server reads.` };
  }
  const missing = REQUIRED.find((key) => typeof members[key] !== 'string' || members[key] === '');
  if (missing !== undefined) return { kind: 'invalid', reason: `The request's ${missing} is not a non-empty string.` };
  const capabilities = members.capabilities;
  return {
    kind: 'task',
    request: {
      stage: members.stage as string,
      accessToken: members.access_token as string,
      callbackUrl: members.task_result_callback_url as string,
      ...(typeof members.plan_json_api_url === 'string' && members.plan_json_api_url !== '' ? { planUrl: members.plan_json_api_url } : {}),
      runId: typeof members.run_id === 'string' ? members.run_id : 'an unnamed run',
      workspaceName: typeof members.workspace_name === 'string' ? members.workspace_name : 'an unnamed workspace',
      acceptsOutcomes: typeof capabilities === 'object' && capabilities !== null && (capabilities as Record<string, unknown>).outcomes === true,
    },
  };
}
