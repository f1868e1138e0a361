import { createClient } from '@keyv/redis';
import { RedisBulkJobStore } from '../../src/bulk/store/redis-bulk-job.store';
import type { BulkJobSpec, ItemOutcome } from '../../src/bulk/bulk.types';
import { OutcomeEncoder } from '../../src/bulk/encoded-outcomes';
import { testRedisUrl } from '../utils/test-app';

describe('RedisBulkJobStore on a real Redis', () => {
  // Typed as the app types its client (RedisConnection), so the store accepts it.
  const client: ReturnType<typeof createClient> = createClient({ url: testRedisUrl() });
  const namespace = `store${Date.now().toString(36)}`;
  const ttlMs = 60_000;

  beforeAll(async () => {
    await client.connect();
  });
  afterAll(async () => {
    await client.close();
  });

  const newSpec = (id: string): BulkJobSpec => ({
    id,
    pubkeys: ['02' + 'ab'.repeat(32), '03' + 'cd'.repeat(32)],
    types: ['basic'],
    useCache: true,
    language: 'en',
    plan: null,
    callbackUrl: null,
    createdAt: new Date().toISOString(),
    graphVersion: 'v-test',
  });

  it('reads a job spec from Redis once per process: later reads need no Redis round trip', async () => {
    const store = new RedisBulkJobStore(client, namespace, ttlMs);
    const spec = newSpec('job-a');
    await store.create(spec, ttlMs);
    expect(await store.spec('job-a')).toEqual(spec);

    // Gone from Redis, still known to this process: a chunk of the job does not re-read the pubkey list.
    await client.del(`${namespace}:bulk:job-a:spec`);
    expect(await store.spec('job-a')).toEqual(spec);
    // Another process (another store) has to read Redis, and finds nothing.
    expect(await new RedisBulkJobStore(client, namespace, ttlMs).spec('job-a')).toBeNull();
  });

  it('still decides from Redis whether a job exists: its meta is never remembered', async () => {
    const store = new RedisBulkJobStore(client, namespace, ttlMs);
    await store.create(newSpec('job-b'), ttlMs);
    expect(await store.spec('job-b')).not.toBeNull();
    expect((await store.meta('job-b'))?.status).toBe('queued');
    await client.del(`${namespace}:bulk:job-b:meta`);
    expect(await store.meta('job-b')).toBeNull();
  });

  const outcome = (index: number, ok: boolean, worker: string): ItemOutcome => ({
    index,
    pubkey: `02${String(index).padStart(64, '0')}`,
    ok,
    ...(ok ? { result: { basic: { alias: `“n${index}” é ⚡` } } } : { error: { code: 'NODE_NOT_FOUND', message: 'not in the graph' } }),
    worker,
    ms: 0.5,
  });
  const encoded = (outcomes: ItemOutcome[]) => {
    const encoder = new OutcomeEncoder();
    for (const o of outcomes) encoder.add(o);
    return encoder.finish();
  };

  it('counts each item once, however often its chunk is written, and keeps the last outcome written', async () => {
    const store = new RedisBulkJobStore(client, namespace, ttlMs);
    await store.create({ ...newSpec('job-c'), pubkeys: Array.from({ length: 4 }, (_, i) => outcome(i, true, '').pubkey) }, ttlMs);
    expect(await store.putOutcomes('job-c', encoded([outcome(0, true, 'w1'), outcome(1, false, 'w1')]))).toBe(2);
    // The chunk re-run by another worker (the first died after writing), plus one new item.
    expect(await store.putOutcomes('job-c', encoded([outcome(0, true, 'w2'), outcome(1, false, 'w2'), outcome(2, true, 'w2')]))).toBe(3);

    expect(await store.counts('job-c')).toEqual({ done: 3, failed: 1, workers: { w1: 2, w2: 1 } });
    const read = await store.outcomes('job-c', 0, 4);
    expect(read[0]).toEqual(outcome(0, true, 'w2'));
    expect(read[1]).toEqual(outcome(1, false, 'w2'));
    expect(read[2]).toEqual(outcome(2, true, 'w2'));
    expect(read[3]).toBeNull();
    for (const part of ['items', 'counts']) {
      const ttl = await client.pTTL(`${namespace}:bulk:job-c:${part}`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(ttlMs);
    }
  });

  it('moves a job once: of concurrent completions exactly one is told it made the move, and a cancelled job stays cancelled', async () => {
    const store = new RedisBulkJobStore(client, namespace, ttlMs);
    await store.create(newSpec('job-final'), ttlMs);
    const at = new Date().toISOString();
    const moved = await Promise.all([0, 1, 2, 3].map(() => store.setStatus('job-final', 'completed', at)));
    expect(moved.filter(Boolean)).toHaveLength(1);
    expect(await store.meta('job-final')).toMatchObject({ status: 'completed', finishedAt: at });

    await store.create(newSpec('job-cancel'), ttlMs);
    expect(await store.setStatus('job-cancel', 'cancelled', at)).toBe(true);
    expect(await store.setStatus('job-cancel', 'completed', at)).toBe(false);
    expect((await store.meta('job-cancel'))?.status).toBe('cancelled');
  });

  it('answers null for a job it never saw', async () => {
    expect(await new RedisBulkJobStore(client, namespace, ttlMs).spec('job-unknown')).toBeNull();
  });
});
