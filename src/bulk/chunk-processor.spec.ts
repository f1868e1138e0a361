import type { BulkJobSpec, ItemOutcome, JobStatus } from './bulk.types';
import type { BulkWebhookService } from './bulk-webhook.service';
import { ChunkAbandonedError, ChunkProcessor, STATUS_RECHECK_MS } from './chunk-processor';
import type { ItemAnalyzer } from './item-analyzer';
import { MemoryBulkJobStore } from './store/memory-bulk-job.store';

describe(ChunkProcessor.name, () => {
  const spec: BulkJobSpec = {
    id: 'j',
    pubkeys: ['02' + 'ab'.repeat(32), '03' + 'cd'.repeat(32), '02' + 'ef'.repeat(32), '03' + '01'.repeat(32)],
    types: ['basic'],
    useCache: true,
    language: 'en',
    plan: null,
    callbackUrl: 'https://example.org/hook',
    createdAt: '2026-11-25T00:00:00.000Z',
    graphVersion: 'v',
  };
  // The analysis itself is the analyzer's business (tested on the real graph elsewhere): here, one outcome per item.
  const analyzer = { analyse: (s: BulkJobSpec, index: number): ItemOutcome => ({ index, pubkey: s.pubkeys[index], ok: true, result: { basic: { n: index } }, worker: 'w', ms: 0 }) } as unknown as ItemAnalyzer;

  async function setUp(store = new MemoryBulkJobStore()) {
    const notify = jest.fn().mockResolvedValue(undefined);
    await store.create(spec, 60_000);
    return { store, notify, processor: new ChunkProcessor(store, analyzer, { notify } as unknown as BulkWebhookService) };
  }

  it('completes the job and calls the webhook once when the last chunk runs twice at the same time (a re-run racing the original)', async () => {
    const { store, notify, processor } = await setUp();
    await processor.process({ jobId: 'j', from: 0, to: 2 });
    expect((await store.meta('j'))?.status).toBe('running');
    await Promise.all([processor.process({ jobId: 'j', from: 2, to: 4 }), processor.process({ jobId: 'j', from: 2, to: 4 })]);
    expect((await store.meta('j'))?.status).toBe('completed');
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify.mock.calls[0][1]).toMatchObject({ job_id: 'j', status: 'completed', total: 4, successful: 4, failed: 0 });
  });

  it('leaves a job that the re-run of its last chunk completes when the store drops out while the job is being finalised', async () => {
    class FlakyStore extends MemoryBulkJobStore {
      failNextCompletion = true;
      override async setStatus(id: string, status: JobStatus, at: string): Promise<boolean> {
        if (status === 'completed' && this.failNextCompletion) {
          this.failNextCompletion = false;
          throw new Error('The client is closed');
        }
        return super.setStatus(id, status, at);
      }
    }
    const { store, notify, processor } = await setUp(new FlakyStore());
    await processor.process({ jobId: 'j', from: 0, to: 2 });
    await expect(processor.process({ jobId: 'j', from: 2, to: 4 })).rejects.toThrow('The client is closed');
    expect((await store.meta('j'))?.status).toBe('running');
    await processor.process({ jobId: 'j', from: 2, to: 4 });
    expect((await store.meta('j'))?.status).toBe('completed');
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('skips a chunk of a cancelled job', async () => {
    const { store, notify, processor } = await setUp();
    await store.setStatus('j', 'cancelled', '2026-11-25T00:00:01.000Z');
    await processor.process({ jobId: 'j', from: 0, to: 4 });
    expect((await store.counts('j')).done).toBe(0);
    expect(notify).not.toHaveBeenCalled();
  });

  it('skips a chunk of a job that is already completed (a late re-run of a chunk written before)', async () => {
    const { store, processor } = await setUp();
    await processor.process({ jobId: 'j', from: 0, to: 4 });
    expect((await store.meta('j'))?.status).toBe('completed');
    const analyse = jest.fn(analyzer.analyse);
    await new ChunkProcessor(store, { analyse } as unknown as ItemAnalyzer, { notify: jest.fn() } as unknown as BulkWebhookService).process({ jobId: 'j', from: 0, to: 4 });
    expect(analyse).not.toHaveBeenCalled();
  });

  it('stops a long chunk between items once its job is cancelled, writing nothing', async () => {
    // Fake clocks only: the status is re-read when STATUS_RECHECK_MS have passed, which the analyzer makes happen.
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      const store = new MemoryBulkJobStore();
      await store.create(spec, 60_000);
      const analysed: number[] = [];
      const slow = {
        analyse: async (s: BulkJobSpec, index: number) => {
          analysed.push(index);
          if (index === 1) await store.setStatus('j', 'cancelled', '2026-11-25T00:00:01.000Z');
          jest.advanceTimersByTime(STATUS_RECHECK_MS);
          return analyzer.analyse(s, index);
        },
      } as unknown as ItemAnalyzer;
      await new ChunkProcessor(store, slow, { notify: jest.fn() } as unknown as BulkWebhookService).process({ jobId: 'j', from: 0, to: 4 });
      expect(analysed).toEqual([0, 1]);
      expect((await store.counts('j')).done).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('abandons a chunk unwritten when told to stop while an item computes', async () => {
    const store = new MemoryBulkJobStore();
    await store.create(spec, 60_000);
    const stop = new AbortController();
    const hanging = {
      analyse: (s: BulkJobSpec, index: number) => {
        if (index < 2) return Promise.resolve(analyzer.analyse(s, index));
        stop.abort();
        return new Promise<never>(() => undefined);
      },
    } as unknown as ItemAnalyzer;
    const run = new ChunkProcessor(store, hanging, { notify: jest.fn() } as unknown as BulkWebhookService).process({ jobId: 'j', from: 0, to: 4 }, stop.signal);
    await expect(run).rejects.toBeInstanceOf(ChunkAbandonedError);
    expect((await store.counts('j')).done).toBe(0);
  });
});
