// Sends the GET requests the live lookups need to a kube context's API server: authenticated as kubectl would be
// (through @kubernetes/client-node's KubeConfig), a bounded number at a time, all of them within one deadline.
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { ClusterError } from './cluster-error.js';

/** No list page or object comes near this; a larger answer is not the API server speaking. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

export type Answer = { found: true; body: unknown } | { found: false };

export interface KubeHttpOptions {
  context: string;
  server: string;
  /** For every request of this connection together. */
  timeoutMs: number;
  concurrency: number;
}

const firstLine = (text: string) => text.split('\n')[0]?.slice(0, 200) ?? '';

export class KubeHttp {
  private readonly deadline = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private requestOptions?: Promise<https.RequestOptions>;
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly options: KubeHttpOptions,
  ) {
    this.timer = setTimeout(() => this.deadline.abort(), options.timeoutMs);
    this.timer.unref();
  }

  private fail(problem: string): ClusterError {
    return new ClusterError(`cannot reach the cluster of context ${this.options.context} at ${this.options.server}: ${problem}.`);
  }

  /** `… answered GET /path <problem>.` */
  unexpected(path: string, problem: string): ClusterError {
    return new ClusterError(`the cluster of context ${this.options.context} at ${this.options.server} answered GET ${path} ${problem}.`);
  }

  /** Credentials and TLS settings of the context, worked out once (an exec plugin runs once, not per request). */
  private authenticated(): Promise<https.RequestOptions> {
    this.requestOptions ??= (async () => {
      const options: https.RequestOptions = {};
      try {
        await this.kubeConfig.applyToHTTPSOptions(options);
      } catch (error) {
        throw this.fail(`its credentials could not be prepared (${firstLine(String((error as Error).message))})`);
      }
      return options;
    })();
    return this.requestOptions;
  }

  private async slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.options.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }

  /** The JSON the server answers for `path`; `found: false` for 404. Anything else unexpected is a ClusterError. */
  get(path: string): Promise<Answer> {
    return this.slot(async () => {
      const options = await this.authenticated();
      if (this.deadline.signal.aborted) throw this.fail(`no answer within ${this.options.timeoutMs / 1000} seconds`);
      const url = new URL(`${this.options.server.replace(/\/+$/, '')}${path}`);
      const { status, text } = await this.send(url, options, path);
      if (status === 404) return { found: false };
      if (status !== 200) throw this.unexpected(path, `with HTTP ${status}${this.statusReason(text)}`);
      try {
        return { found: true, body: JSON.parse(text) as unknown };
      } catch {
        throw this.unexpected(path, 'with something that is not JSON');
      }
    });
  }

  /** The `reason` of a Kubernetes Status answer (`Forbidden`, `Unauthorized` …): a word, never the server's message. */
  private statusReason(text: string): string {
    try {
      const reason = (JSON.parse(text) as { reason?: unknown }).reason;
      return typeof reason === 'string' && /^\w+$/.test(reason) ? ` (${reason})` : '';
    } catch {
      return '';
    }
  }

  private send(url: URL, options: https.RequestOptions, path: string): Promise<{ status: number; text: string }> {
    const transport = url.protocol === 'http:' ? http : https;
    return new Promise((resolve, reject) => {
      const request = transport.request(
        url,
        { ...options, method: 'GET', headers: { ...options.headers, Accept: 'application/json' }, signal: this.deadline.signal },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_ANSWER_BYTES) {
              request.destroy();
              reject(this.unexpected(path, `with more than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB`));
            } else {
              chunks.push(chunk);
            }
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', (error) => reject(this.networkError(error)));
        },
      );
      request.on('error', (error) => reject(this.networkError(error)));
      request.end();
    });
  }

  private networkError(error: Error): ClusterError {
    if (this.deadline.signal.aborted) return this.fail(`no answer within ${this.options.timeoutMs / 1000} seconds`);
    return this.fail(firstLine(error.message));
  }
}
