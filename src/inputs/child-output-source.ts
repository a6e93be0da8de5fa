// Runs a command and hands its standard output out as a synchronous ByteSource in bounded memory: a worker thread
// runs the child and passes its output through a shared ring buffer, which the reader drains a chunk at a time.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { CHUNK_SIZE } from './byte-source.js';
import type { ByteSource } from './json-scanner.js';

/** The ring's size: the most output held at once (a multiple of CHUNK_SIZE). */
const RING_SIZE = 4 << 20;
/** Slots of the shared control array. */
const USED = 0;
const SEQUENCE = 1;
const ENDED = 2;
const STOP = 3;
/** The most of the child's standard error kept for the error message. */
const STDERR_LIMIT = 64 * 1024;

/** How the child ended; `error` when it could not be started (e.g. ENOENT); `stopped` when finish() stopped it. */
export interface ChildResult {
  code: number | null;
  signal: string | null;
  stderr: string;
  error?: string;
  stopped: boolean;
}

export interface ChildOutputSource extends ByteSource {
  /** Stops the child if it still runs (its output is no longer wanted) and returns how it ended; the same each call. */
  finish(): Promise<ChildResult>;
}

/** The worker's code (CommonJS, given as text so that it needs no file of its own beside the bundle). */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const { command, args, cwd, env, ring, control, stderrLimit } = workerData;
const bytes = new Uint8Array(ring);
const state = new Int32Array(control);
let writeAt = 0;
let stderr = '';
let pending = Promise.resolve();
let spawnError;
const wake = () => { Atomics.add(state, ${SEQUENCE}, 1); Atomics.notify(state, ${SEQUENCE}); };
async function put(chunk) {
  for (let offset = 0; offset < chunk.length && Atomics.load(state, ${STOP}) === 0;) {
    const used = Atomics.load(state, ${USED});
    if (used === bytes.length) {
      await Atomics.waitAsync(state, ${USED}, used).value;
      continue;
    }
    const count = Math.min(chunk.length - offset, bytes.length - used, bytes.length - writeAt);
    bytes.set(chunk.subarray(offset, offset + count), writeAt);
    writeAt = (writeAt + count) % bytes.length;
    offset += count;
    Atomics.add(state, ${USED}, count);
    wake();
  }
}
const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
parentPort.on('message', () => child.kill());
child.stdout.on('data', (chunk) => {
  child.stdout.pause();
  pending = put(chunk).then(() => child.stdout.resume());
});
child.stderr.on('data', (chunk) => { if (stderr.length < stderrLimit) stderr += chunk.toString('utf8'); });
child.on('error', (error) => { spawnError = error.code || error.message; });
child.on('close', async (code, signal) => {
  await pending;
  parentPort.postMessage({ code, signal, stderr, error: spawnError });
  Atomics.store(state, ${ENDED}, 1);
  wake();
});
`;

/** Starts `command args` in `cwd`; its standard input is closed, its standard error kept for the result. */
export function childOutputSource(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ChildOutputSource {
  const ring = new SharedArrayBuffer(RING_SIZE);
  const control = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
  const state = new Int32Array(control);
  const bytes = Buffer.from(ring);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { command, args, cwd: options.cwd, env: options.env, ring, control, stderrLimit: STDERR_LIMIT },
  });
  const result = once(worker, 'message').then(([message]) => message as Omit<ChildResult, 'stopped'>);
  let readAt = 0;
  /** The bytes handed out by the last read: given back to the ring at the next one. */
  let lent = 0;
  let finished: Promise<ChildResult> | undefined;

  const giveBack = (): void => {
    if (lent === 0) return;
    readAt = (readAt + lent) % RING_SIZE;
    Atomics.sub(state, USED, lent);
    Atomics.notify(state, USED);
    lent = 0;
  };

  return {
    read: () => {
      giveBack();
      for (;;) {
        const sequence = Atomics.load(state, SEQUENCE);
        const used = Atomics.load(state, USED);
        if (used > 0) {
          lent = Math.min(used, RING_SIZE - readAt, CHUNK_SIZE);
          return bytes.subarray(readAt, readAt + lent);
        }
        if (Atomics.load(state, ENDED) === 1) return null;
        Atomics.wait(state, SEQUENCE, sequence);
      }
    },
    finish: () => (finished ??= stop()),
  };
  async function stop(): Promise<ChildResult> {
    const stopped = Atomics.load(state, ENDED) === 0;
    if (stopped) {
      Atomics.store(state, STOP, 1);
      Atomics.notify(state, USED);
      worker.postMessage('stop');
    }
    const ended = await result;
    await worker.terminate();
    return { ...ended, stopped };
  }
}
