import type { BulkJobSpec, ItemOutcome } from '../bulk.types';
import { OutcomeEncoder } from '../encoded-outcomes';
import { MemoryBulkJobStore } from './memory-bulk-job.store';

describe(MemoryBulkJobStore.name, () => {
  const pubkey = (i: number) => `02${String(i).padStart(64, '0')}`;
  const outcome = (index: number, ok: boolean, worker: string): ItemOutcome => ({
    index,
    pubkey: pubkey(index),
    ok,
    ...(ok ? { result: { basic: { alias: `“n${index}” é` } } } : { error: { code: 'NODE_NOT_FOUND', message: 'not in the graph' } }),
    worker,
    ms: 1,
  });
  const encoded = (outcomes: ItemOutcome[]) => {
    const encoder = new OutcomeEncoder();
    for (const o of outcomes) encoder.add(o);
    return encoder.finish();
  };
  const spec: BulkJobSpec = { id: 'j', pubkeys: [0, 1, 2].map(pubkey), types: ['basic'], useCache: true, language: 'en', plan: null, callbackUrl: null, createdAt: '2026-11-25T00:00:00.000Z', graphVersion: 'v' };

  it('answers how many items are done after each write, a rewritten item counting once, and reads back the last outcome', async () => {
    const store = new MemoryBulkJobStore();
    await store.create(spec, 60_000);
    expect(await store.putOutcomes('j', encoded([outcome(0, true, 'w1'), outcome(1, false, 'w1')]))).toBe(2);
    expect(await store.putOutcomes('j', encoded([outcome(1, false, 'w2'), outcome(2, true, 'w2')]))).toBe(3);
    expect(await store.outcomes('j', 0, 4)).toEqual([outcome(0, true, 'w1'), outcome(1, false, 'w2'), outcome(2, true, 'w2'), null]);
    expect((await store.counts('j')).failed).toBe(1);
  });

  it('writes nothing for a job it does not hold', async () => {
    expect(await new MemoryBulkJobStore().putOutcomes('gone', encoded([outcome(0, true, 'w1')]))).toBe(0);
  });

  it("sums one owner's stored items and unfinished channel_candidates items only", async () => {
    const store = new MemoryBulkJobStore();
    await store.create({ ...spec, id: 'a1', owner: 'a', types: ['channel_candidates'] }, 60_000);
    await store.create({ ...spec, id: 'a2', owner: 'a', types: ['basic'] }, 60_000);
    await store.create({ ...spec, id: 'a3', owner: 'a', types: ['channel_candidates'] }, 60_000);
    await store.create({ ...spec, id: 'b1', owner: 'b', types: ['channel_candidates'] }, 60_000);
    await store.setStatus('a3', 'cancelled', '2026-11-25T00:00:01.000Z');
    expect(await store.ownerUsage('a')).toEqual({ unfinishedExpensiveItems: 3, storedItems: 9 });
    expect(await store.ownerUsage('nobody')).toEqual({ unfinishedExpensiveItems: 0, storedItems: 0 });
  });
});
