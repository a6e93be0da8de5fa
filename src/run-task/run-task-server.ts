// The run task endpoint (node:http): takes HCP Terraform's POST, refuses it unless signed with the key, answers 200 at
// once, then judges the run and PATCHes the result to its callback. Logs one line per request, never a token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { judgeRun, type JudgeOptions } from './judge-run.js';
import { sendResult } from './send-result.js';
import { isSignedBy, SIGNATURE_HEADER } from './signature.js';
import { readTaskRequest, type TaskRequest } from './task-request.js';

/** A run task request is a small JSON object; anything larger is refused unread. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

export interface RunTaskServerOptions extends JudgeOptions {
  hmacKey: string;
}

export interface RunTaskServer {
  server: Server;
  /** Stops taking requests and resolves when every accepted run has had its result sent. */
  close(): Promise<void>;
}

class RequestTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) throw new RequestTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function answer(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  response.end(`${text}\n`);
}

export function createRunTaskServer(options: RunTaskServerOptions): RunTaskServer {
  const running = new Set<Promise<void>>();

  async function runTask(request: TaskRequest): Promise<void> {
    const result = await judgeRun(request, options);
    const delivery = await sendResult(request.callbackUrl, request.accessToken, result);
    const { status, message } = result.data.attributes;
    options.log(`${request.runId} (${request.workspaceName}, ${request.stage}): ${status}: ${message} Callback: ${delivery}.`);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const from = request.socket.remoteAddress ?? 'an unknown address';
    if (request.method !== 'POST') return answer(response, 405, 'A run task request is a POST.', { Allow: 'POST' });
    let body: Buffer;
    try {
      body = await readBody(request);
    } catch (error) {
      if (!(error instanceof RequestTooLarge)) throw error;
      options.log(`Refused a request from ${from}: larger than ${MAX_REQUEST_BYTES} bytes.`);
      return answer(response, 413, 'The request is larger than a run task request.', { Connection: 'close' });
    }
    const signature = request.headers[SIGNATURE_HEADER];
    if (!isSignedBy(body, typeof signature === 'string' ? signature : undefined, options.hmacKey)) {
      options.log(`Refused a request from ${from}: ${signature ? 'its signature does not match the HMAC key' : 'it is not signed'}.`);
      return answer(response, 401, 'The request is not signed with the HMAC key of this run task.');
    }
    const read = readTaskRequest(body);
    if (read.kind === 'invalid') {
      options.log(`Refused a signed request from ${from}: ${read.reason}`);
      return answer(response, 400, read.reason);
    }
    answer(response, 200, 'Accepted.');
    if (read.kind === 'verification') return options.log(`Answered the verification request from ${from}.`);
    const task = runTask(read.request).catch((error: unknown) => options.log(`${read.request.runId}: ${(error as Error)?.message ?? String(error)}`));
    running.add(task);
    void task.finally(() => running.delete(task));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log(`Internal error: ${(error as Error)?.message ?? String(error)}`);
      if (!response.headersSent) answer(response, 500, 'Internal error.');
    });
  });
  return {
    server,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(running);
    },
  };
}
