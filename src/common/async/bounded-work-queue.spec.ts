import { BoundedWorkQueue, WorkQueueFullError } from './bounded-work-queue';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe(BoundedWorkQueue.name, () => {
  it('runs up to `concurrency` tasks, lets `capacity` wait in order, and refuses the next with a retry delay', async () => {
    const queue = new BoundedWorkQueue({ concurrency: 1, capacity: 1, what: 'tests' });
    const gates = [deferred(), deferred()];
    const order: number[] = [];
    const first = queue.run(async () => {
      await gates[0].promise;
      order.push(1);
      return 1;
    });
    const second = queue.run(async () => {
      await gates[1].promise;
      order.push(2);
      return 2;
    });
    expect([queue.active, queue.queued]).toEqual([1, 1]);
    const refused = queue.run(async () => 3);
    await expect(refused).rejects.toBeInstanceOf(WorkQueueFullError);
    await expect(refused).rejects.toMatchObject({ code: 'SERVER_BUSY', details: { retryAfterSeconds: expect.any(Number) } });
    gates[1].resolve();
    gates[0].resolve();
    await expect(Promise.all([first, second])).resolves.toEqual([1, 2]);
    expect(order).toEqual([1, 2]);
    expect([queue.active, queue.queued]).toEqual([0, 0]);
  });

  it('frees the slot of a task that fails', async () => {
    const queue = new BoundedWorkQueue({ concurrency: 1, capacity: 0, what: 'tests' });
    await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run(async () => 'ok')).resolves.toBe('ok');
    expect(queue.active).toBe(0);
  });
});
