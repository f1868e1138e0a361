import { join } from 'node:path';
import { MAX_CONCURRENT_WORKERS, runWorkerTask, workerSlots } from './worker-task';

const PROBE = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'workers', 'concurrency-probe.worker');

describe('runWorkerTask', () => {
  it(`never runs more than MAX_CONCURRENT_WORKERS (${MAX_CONCURRENT_WORKERS}) worker threads at once, and runs every task`, async () => {
    const shared = new SharedArrayBuffer(8);
    const tasks = Array.from({ length: MAX_CONCURRENT_WORKERS * 3 + 1 }, (_, id) => runWorkerTask<number>(PROBE, { id, shared, holdMs: 150 }));
    expect(workerSlots()).toEqual({ running: MAX_CONCURRENT_WORKERS, waiting: tasks.length - MAX_CONCURRENT_WORKERS });
    expect(await Promise.all(tasks)).toEqual(tasks.map((_, id) => id));
    const [runningNow, highest] = new Int32Array(shared);
    expect(runningNow).toBe(0);
    expect(highest).toBe(MAX_CONCURRENT_WORKERS);
    expect(workerSlots()).toEqual({ running: 0, waiting: 0 });
  });

  it('gives the slot of a failed task to the next one in line', async () => {
    const shared = new SharedArrayBuffer(8);
    const failing = Array.from({ length: MAX_CONCURRENT_WORKERS + 2 }, (_, id) => runWorkerTask<number>(PROBE, { id, shared, holdMs: 50, fail: true }));
    const after = runWorkerTask<number>(PROBE, { id: 99, shared, holdMs: 10 });
    const outcomes = await Promise.allSettled(failing);
    expect(outcomes.every((o) => o.status === 'rejected' && /failed on purpose/.test(String(o.reason)))).toBe(true);
    await expect(after).resolves.toBe(99);
    expect(workerSlots()).toEqual({ running: 0, waiting: 0 });
  });
});
