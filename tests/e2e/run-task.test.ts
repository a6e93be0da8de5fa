// `serve --run-task` end to end: the built CLI serves the run task endpoint, and a local fake of HCP Terraform's API
// (node:http) serves plans and records the result PATCHes. Signed requests are answered 200 at once and judged; unsigned
// or badly signed ones are refused with 401; whatever cannot be read fails the task with one sentence; no output holds
// the access token, the HMAC key or a secret of the plan.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { BIN, ROOT, runCli } from '../helpers/run-cli.js';
import { scratchDirectory } from '../helpers/scratch.js';

const KEY = 'run-task-hmac-key-4be1';
const TOKEN = 'atlasv1.ACCESS-TOKEN-MARKER-91c2';
const SECRET = 'BR-SECRET-MARKER-7f3a9c';

const scratch = scratchDirectory();

interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The fake HCP Terraform: plans by path, a redirect to a download host of another origin, and the callbacks. */
class FakeTerraformCloud {
  readonly requests: Recorded[] = [];
  readonly downloads: Recorded[] = [];
  readonly plans = new Map<string, Buffer>();
  private readonly waiters = new Map<string, (request: Recorded) => void>();
  private readonly api: Server;
  private readonly archivist: Server;

  constructor() {
    this.archivist = createServer((request, response) => {
      this.downloads.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: '' });
      const plan = this.plans.get((request.url ?? '').replace('/archivist/', '/plans/'));
      response.writeHead(plan ? 200 : 404).end(plan);
    });
    this.api = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const recorded = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.requests.push(recorded);
        const url = recorded.url;
        if (request.headers.authorization !== `Bearer ${TOKEN}`) return void response.writeHead(401).end();
        if (recorded.method === 'PATCH' && url.startsWith('/task-results/')) {
          // An older Terraform Enterprise refuses outcomes; a busy one fails a first attempt.
          if (url.includes('no-outcomes') && recorded.body.includes('"relationships"')) return void response.writeHead(422).end();
          if (url.includes('busy') && this.requests.filter((r) => r.url === url).length === 1) return void response.writeHead(503).end();
          response.writeHead(200).end();
          return this.waiters.get(url)?.(recorded);
        }
        if (url.startsWith('/redirected/')) {
          return void response
            .writeHead(307, { Location: `http://127.0.0.1:${this.port(this.archivist)}/archivist/${url.slice('/redirected/'.length)}` })
            .end();
        }
        const plan = this.plans.get(url);
        // A plan's size is declared, as a download's is, except for a run named chunked: then only its bytes tell.
        const length: Record<string, number> = plan && !url.includes('chunked') ? { 'Content-Length': plan.length } : {};
        response.writeHead(plan ? 200 : 404, { 'Content-Type': 'application/json', ...length }).end(plan);
      });
    });
  }

  async start(): Promise<void> {
    await Promise.all([this.api, this.archivist].map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
  }

  private port(server: Server): number {
    return (server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port(this.api)}${path}`;
  }

  /** The next PATCH to this callback path. */
  callback(path: string): Promise<Recorded> {
    return new Promise((resolve) => this.waiters.set(path, resolve));
  }

  async stop(): Promise<void> {
    await Promise.all([this.api, this.archivist].map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/** The built CLI serving the run task on a free port, with its log. */
class RunTaskProcess {
  stderr = '';
  stdout = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;
  /** The endpoint's URL, once it listens. */
  readonly listening: Promise<string>;

  constructor(args: string[], env: NodeJS.ProcessEnv = { BLAST_RADIUS_RUN_TASK_HMAC_KEY: KEY }) {
    this.child = spawn(process.execPath, [BIN, 'serve', '--run-task', '--port', '0', ...args], {
      cwd: scratch.path,
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    this.child.stdout.setEncoding('utf8').on('data', (data: string) => (this.stdout += data));
    this.exited = new Promise((resolve) => this.child.on('close', resolve));
    this.listening = new Promise((resolve, reject) => {
      this.child.stderr.setEncoding('utf8').on('data', (data: string) => {
        this.stderr += data;
        const match = /listening on (http:\/\/\S+\/)/.exec(this.stderr);
        if (match) resolve(match[1]);
      });
      void this.exited.then((code) => reject(new Error(`serve exited ${code}: ${this.stderr}`)));
    });
  }

  /** Resolves once the log holds this text (the server logs a run after its callback answered). */
  logged(text: string): Promise<void> {
    return new Promise((resolve) => {
      const look = (): void => {
        if (this.stderr.includes(text)) resolve();
        else this.child.stderr.once('data', look);
      };
      look();
    });
  }

  /** POSTs a body as HCP Terraform does; `signature` overrides the correct one (null: no header). */
  async post(body: string, signature: string | null = sign(body)): Promise<Response> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'TFC/1.0 (+https://app.terraform.io; TFC)' };
    if (signature !== null) headers['X-TFC-Task-Signature'] = signature;
    return fetch(await this.listening, { method: 'POST', headers, body });
  }

  async stop(): Promise<number | null> {
    this.child.kill('SIGTERM');
    return this.exited;
  }
}

function sign(body: string, key = KEY): string {
  return createHmac('sha512', key).update(body).digest('hex');
}

/** A request body as the documented sample payload has it, for this run. */
function taskRequest(fake: FakeTerraformCloud, run: string, changes: Record<string, unknown> = {}): string {
  return JSON.stringify({
    payload_version: 1,
    stage: 'post_plan',
    access_token: TOKEN,
    capabilities: { outcomes: true },
    is_speculative: false,
    organization_name: 'acme',
    plan_json_api_url: fake.url(`/plans/plan-${run}/json-output`),
    run_app_url: `https://app.terraform.io/app/acme/payments/runs/${run}`,
    run_created_at: '2026-12-06T10:00:00.000Z',
    run_created_by: 'jane',
    run_id: run,
    run_message: 'Triggered via UI',
    task_result_callback_url: fake.url(`/task-results/${run}/callback`),
    task_result_enforcement_level: 'mandatory',
    task_result_id: `taskrs-${run}`,
    vcs_branch: 'main',
    vcs_commit_url: null,
    vcs_pull_request_url: null,
    vcs_repo_url: null,
    workspace_app_url: 'https://app.terraform.io/app/acme/payments',
    workspace_id: 'ws-1',
    workspace_name: 'payments',
    workspace_working_directory: '',
    ...changes,
  });
}

const fixture = (name: string): Buffer => readFileSync(join(ROOT, 'fixtures/terraform', name, 'plan.json'));

let fake: FakeTerraformCloud;
let served: RunTaskProcess;

beforeAll(async () => {
  fake = new FakeTerraformCloud();
  await fake.start();
  served = new RunTaskProcess([]);
});

afterAll(async () => {
  await served.stop();
  await fake.stop();
  scratch.remove();
});

/** Posts a run whose plan is `plan` and waits for its result; returns the 200 answer's status and the PATCH. */
async function judge(
  run: string,
  plan: Buffer | undefined,
  changes: Record<string, unknown> = {},
  server = served,
): Promise<{ status: number; patch: Recorded }> {
  if (plan) fake.plans.set(`/plans/plan-${run}/json-output`, plan);
  const patched = fake.callback(`/task-results/${run}/callback`);
  const response = await server.post(taskRequest(fake, run, changes));
  return { status: response.status, patch: await patched };
}

const attributes = (patch: Recorded): { status: string; message: string; url: string } => JSON.parse(patch.body).data.attributes;

describe('a signed request', () => {
  it('fails the task of a plan that replaces a production resource, with an outcome per finding', async () => {
    const { status, patch } = await judge('run-blocked', fixture('prod-replace'));
    expect(status).toBe(200);
    expect(patch.headers['content-type']).toBe('application/vnd.api+json');
    expect(patch.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const result = JSON.parse(patch.body);
    expect(result.data.type).toBe('task-results');
    expect(attributes(patch)).toEqual({
      status: 'failed',
      message: 'Blocked: the plan would replace 1 protected resource in production (configuration: built-in defaults).',
      url: 'https://github.com/blast-radius/blast-radius/blob/main/docs/run-task.md',
    });
    expect(result.data.relationships.outcomes.data).toEqual([
      {
        type: 'task-result-outcomes',
        attributes: expect.objectContaining({
          'outcome-id': 'prod-replace:terraform_data.prod_db',
          description: 'terraform_data.prod_db: replace in production (prod-replace)',
          url: 'https://github.com/blast-radius/blast-radius/blob/main/docs/rules/prod-replace.md',
          tags: { Status: [{ label: 'Blocks', level: 'error' }], Severity: [{ label: 'error', level: 'error' }] },
        }),
      },
    ]);
    // The plan was fetched with the run's token.
    expect(fake.requests.find((r) => r.url === '/plans/plan-run-blocked/json-output')?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('passes the task of a safe plan, without outcomes when the caller does not accept them', async () => {
    const { patch } = await judge('run-safe', fixture('staging-delete'), { capabilities: undefined });
    expect(attributes(patch).status).toBe('passed');
    expect(attributes(patch).message).toBe('Passed: nothing protected would be destroyed; 2 warnings, 0 info (configuration: built-in defaults).');
    expect(JSON.parse(patch.body).data.relationships).toBeUndefined();
  });

  it('follows the redirect to the download URL without taking the token to its other origin', async () => {
    fake.plans.set('/plans/plan-run-redirected/json-output', fixture('prod-replace'));
    const { patch } = await judge('run-redirected', undefined, { plan_json_api_url: fake.url('/redirected/plan-run-redirected/json-output') });
    expect(attributes(patch).status).toBe('failed');
    const download = fake.downloads.find((r) => r.url === '/archivist/plan-run-redirected/json-output');
    expect(download).toBeDefined();
    expect(download?.headers.authorization).toBeUndefined();
  });

  it('fails the task with one sentence when the plan cannot be read, naming the run, not a temporary file', async () => {
    const { patch } = await judge('run-unreadable', Buffer.from('{"format_version": "1.2", "resource_changes": [}'));
    expect(attributes(patch).status).toBe('failed');
    expect(attributes(patch).message).toMatch(/^blast-radius could not check this run: the plan of run-unreadable\b[^\n]*\.$/);
    expect(attributes(patch).message).not.toMatch(/blast-radius-run-task-|\/tmp\//);
    await served.logged(`run-unreadable (payments, post_plan): failed: ${attributes(patch).message}`);
  });

  it('fails the task when the plan cannot be downloaded', async () => {
    const { patch } = await judge('run-missing', undefined);
    expect(attributes(patch)).toMatchObject({
      status: 'failed',
      message: 'blast-radius could not check this run: The plan could not be downloaded: plan_json_api_url answered HTTP 404.',
    });
  });

  it('fails the task of a stage that has no plan', async () => {
    const { patch } = await judge('run-pre-plan', undefined, { stage: 'pre_plan', plan_json_api_url: undefined });
    expect(attributes(patch).message).toBe(
      'blast-radius could not check this run: the pre_plan stage has no plan to read; attach the run task at the post_plan or pre_apply stage.',
    );
  });

  it('fails the task of a binary plan, which it never hands to terraform', async () => {
    const { patch } = await judge('run-binary', readFileSync(join(ROOT, 'fixtures/terraform/prod-replace/plan.tfplan')));
    expect(attributes(patch).message).toBe('blast-radius could not check this run: plan_json_api_url gave a binary plan, not the JSON plan it serves.');
  });

  it('puts no secret value of the plan in the result', async () => {
    const { patch } = await judge('run-sensitive', fixture('sensitive-replace'));
    expect(attributes(patch).status).toBe('failed');
    expect(patch.body).not.toContain(SECRET);
  });

  it('sends the result again without outcomes when the callback refuses them (422)', async () => {
    const { patch } = await judge('run-no-outcomes', fixture('prod-replace'));
    expect(JSON.parse(patch.body).data).toEqual({ type: 'task-results', attributes: expect.objectContaining({ status: 'failed' }) });
    expect(fake.requests.filter((r) => r.url === '/task-results/run-no-outcomes/callback').length).toBe(2);
  });

  it('sends the result again when the callback fails with a server error', async () => {
    const { patch } = await judge('run-busy', fixture('prod-replace'));
    expect(attributes(patch).status).toBe('failed');
    expect(fake.requests.filter((r) => r.url === '/task-results/run-busy/callback').length).toBe(2);
  });

  it('answers the verification request with 200 and calls nothing back', async () => {
    const before = fake.requests.length;
    const response = await served.post(JSON.stringify({ payload_version: 1, stage: 'test', access_token: 'test-token' }));
    expect(response.status).toBe(200);
    expect(fake.requests.length).toBe(before);
  });

  it('is refused with 400 when it is not a run task request', async () => {
    const response = await served.post(JSON.stringify({ payload_version: 2, stage: 'post_plan' }));
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('payload_version 2 is not 1, the only version this server reads.\n');
  });
});

describe('what is not a run task request', () => {
  it('is refused with 405 unless it is a POST', async () => {
    const response = await fetch(await served.listening);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('is refused with 413, unread, when larger than 1 MiB', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(1024 * 1024) });
    const response = await served.post(body);
    expect(response.status).toBe(413);
  });
});

describe('a request that is not signed with the key', () => {
  it.each<[string, (body: string) => string | null]>([
    ['unsigned', () => null],
    ['signed with an empty string, as a run task without a key is', () => ''],
    ['signed with another key', (body) => sign(body, 'another key')],
    ['with a signature that is not hex', () => 'not-a-signature'],
  ])('is refused with 401 when %s, and its run is never judged', async (_name, signatureOf) => {
    const before = fake.requests.length;
    const body = taskRequest(fake, 'run-forged');
    const response = await served.post(body, signatureOf(body));
    expect(response.status).toBe(401);
    expect(fake.requests.length).toBe(before);
  });

  it('is refused when its body was changed after signing', async () => {
    const body = taskRequest(fake, 'run-tampered');
    const response = await served.post(body.replace('post_plan', 'pre_apply'), sign(body));
    expect(response.status).toBe(401);
  });
});

it('never logs the access token or the HMAC key, and logs each result', async () => {
  await served.logged('run-blocked (payments, post_plan): failed: Blocked:');
  expect(served.stderr).toContain('Refused a request from');
  for (const secret of [TOKEN, KEY, SECRET]) expect(served.stderr + served.stdout).not.toContain(secret);
});

describe('with --config and --max-plan-mib', () => {
  let configured: RunTaskProcess;
  const config = scratch.write('staging-protected.yml', 'environments:\n  staging: { protected: true }\n');

  beforeAll(() => {
    configured = new RunTaskProcess(['--config', config, '--max-plan-mib', '1']);
  });

  afterAll(async () => {
    expect(await configured.stop()).toBe(0);
  });

  it('checks every run under that configuration', async () => {
    const { patch } = await judge('run-configured', fixture('staging-delete'), {}, configured);
    expect(attributes(patch).status).toBe('failed');
    expect(attributes(patch).message).toBe(`Blocked: the plan would destroy 1 protected resource in staging (configuration: ${config}).`);
  });

  it('fails the task of a plan that declares more bytes than the bound, without reading it', async () => {
    const { patch } = await judge('run-large', Buffer.alloc(2 * 1024 * 1024, ' '), {}, configured);
    expect(attributes(patch).message).toBe('blast-radius could not check this run: The plan is 2 MiB, more than the 1 MiB this server reads (--max-plan-mib).');
  });

  it('fails the task of a plan whose bytes go past the bound, stopping there', async () => {
    const { patch } = await judge('run-large-chunked', Buffer.alloc(2 * 1024 * 1024, ' '), {}, configured);
    expect(attributes(patch).message).toBe('blast-radius could not check this run: The plan is larger than the 1 MiB this server reads (--max-plan-mib).');
  });
});

describe('refuses to start (exit 2, one sentence)', () => {
  it('without the HMAC key', () => {
    const result = runCli(['serve', '--run-task', '--port', '0'], { env: { BLAST_RADIUS_RUN_TASK_HMAC_KEY: '' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'blast-radius: BLAST_RADIUS_RUN_TASK_HMAC_KEY is not set: put the HMAC key of the run task in it (requests without its signature are refused).\n',
    );
  });

  it('with a port that is not one', () => {
    const result = runCli(['serve', '--run-task', '--port', '80a'], { env: { BLAST_RADIUS_RUN_TASK_HMAC_KEY: KEY } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('blast-radius: --port 80a is not a whole number from 0 to 65535.\n');
  });

  it('with a configuration it cannot read', () => {
    const config = scratch.write('broken.yml', 'environments: [\n');
    const result = runCli(['serve', '--run-task', '--port', '0', '--config', config], { env: { BLAST_RADIUS_RUN_TASK_HMAC_KEY: KEY } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^blast-radius: ${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\n]*\n$`));
  });

  it('without --run-task', () => {
    const result = runCli(['serve']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('blast-radius serve has one mode: give --run-task.');
  });

  it('on a port in use', async () => {
    const port = new URL(await served.listening).port;
    const result = runCli(['serve', '--run-task', '--port', port], { env: { BLAST_RADIUS_RUN_TASK_HMAC_KEY: KEY } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`blast-radius: Cannot listen on 127.0.0.1:${port}: EADDRINUSE.\n`);
  });
});
