import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DomainError, ErrorCode } from '../errors/domain.error';

type WorkerReply<T> = { ok: true; value: T } | { ok: false; code?: ErrorCode; message: string };

/**
 * Worker threads alive at once, process-wide. Each is a V8 isolate holding its own copy of its input (tens of MB
 * for a graph context): without a cap, a burst of cold analyses starts a pair per request and the process thrashes
 * memory and CPU; with it, the burst waits in line (FIFO) and memory stays flat.
 */
export const MAX_CONCURRENT_WORKERS = Math.max(2, availableParallelism());
let running = 0;
const waiting: Array<() => void> = [];

function acquireSlot(): Promise<void> {
  if (running < MAX_CONCURRENT_WORKERS) {
    running++;
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => waiting.push(resolve));
}

function releaseSlot(): void {
  const next = waiting.shift();
  // The slot passes straight to the next task in line; `running` only drops when nobody waits.
  if (next) next();
  else running--;
}

/** Worker threads running now and tasks waiting for one (for tests and diagnostics). */
export function workerSlots(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}

/**
 * Runs a worker script (`<base>.js` when compiled, `<base>.ts` through ts-node when running from sources)
 * with `data`, and resolves with the one value it posts back. Errors in the worker reject with their domain
 * code kept, so a bad snapshot read in a worker still fails with GRAPH_SNAPSHOT_INVALID. At most
 * MAX_CONCURRENT_WORKERS run at once; the others wait for a slot.
 */
export async function runWorkerTask<T>(scriptBase: string, data: unknown, opts: { resourceLimits?: { maxOldGenerationSizeMb?: number } } = {}): Promise<T> {
  await acquireSlot();
  try {
    return await startWorker<T>(scriptBase, data, opts);
  } finally {
    releaseSlot();
  }
}

/** Starts the worker script `<base>.js` when compiled, `<base>.ts` through ts-node when running from sources. */
export function spawnWorker(scriptBase: string, data: unknown, opts: { resourceLimits?: { maxOldGenerationSizeMb?: number } } = {}): Worker {
  const js = `${scriptBase}.js`;
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- a path built from __dirname and a constant file name
  const compiled = existsSync(js);
  return new Worker(compiled ? js : `${scriptBase}.ts`, {
    workerData: data,
    execArgv: compiled ? [] : ['--require', 'ts-node/register/transpile-only'],
    resourceLimits: opts.resourceLimits,
  });
}

function startWorker<T>(scriptBase: string, data: unknown, opts: { resourceLimits?: { maxOldGenerationSizeMb?: number } }): Promise<T> {
  const worker = spawnWorker(scriptBase, data, opts);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    worker.once('message', (reply: WorkerReply<T>) => {
      settled = true;
      if (reply.ok) resolve(reply.value);
      else reject(new DomainError(reply.code ?? 'INTERNAL_ERROR', reply.message));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`worker ${scriptBase} exited with code ${code} before answering`));
    });
  });
}

/**
 * The worker side: computes the value from `workerData` and posts it back, transferring the buffers that
 * `transfer` names so typed arrays cross threads without a copy.
 */
export function serveWorkerTask<I, T>(compute: (input: I) => T | Promise<T>, transfer: (value: T) => ArrayBuffer[] = () => []): void {
  if (isMainThread || !parentPort) return;
  const port = parentPort;
  Promise.resolve()
    .then(() => compute(workerData as I))
    .then(
      (value) => port.postMessage({ ok: true, value } satisfies WorkerReply<T>, transfer(value)),
      (err: unknown) =>
        port.postMessage({
          ok: false,
          code: err instanceof DomainError ? err.code : undefined,
          message: err instanceof Error ? err.message : String(err),
        } satisfies WorkerReply<T>),
    );
}
