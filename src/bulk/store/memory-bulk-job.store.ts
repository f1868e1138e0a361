import { expensiveItems, OwnerUsage } from '../bulk-quota.policy';
import type { BulkJobSpec, JobMeta, JobStatus } from '../bulk.types';
import { decodeOutcome, EncodedOutcome } from '../encoded-outcomes';
import type { BulkJobStore, ItemCounts } from './bulk-job.store';

interface Entry {
  spec: BulkJobSpec;
  meta: JobMeta;
  /** Kept encoded, outside the heap: a 10,000-node job's object graphs would weigh on every collection. */
  items: Map<number, EncodedOutcome>;
  expiresAt: number;
}

/** Jobs in this process only: lost on restart and not shared with other instances (see README). */
export class MemoryBulkJobStore implements BulkJobStore {
  readonly durable = false;
  private readonly jobs = new Map<string, Entry>();

  private get(id: string): Entry | null {
    const e = this.jobs.get(id);
    if (e && e.expiresAt < Date.now()) {
      this.jobs.delete(id);
      return null;
    }
    return e ?? null;
  }

  async create(spec: BulkJobSpec, ttlMs: number): Promise<void> {
    this.jobs.set(spec.id, {
      spec,
      meta: { status: 'queued', total: spec.pubkeys.length, startedAt: null, finishedAt: null, cancelledAt: null },
      items: new Map(),
      expiresAt: Date.now() + ttlMs,
    });
  }

  async spec(id: string) {
    return this.get(id)?.spec ?? null;
  }

  async meta(id: string) {
    const e = this.get(id);
    return e ? { ...e.meta } : null;
  }

  async setStatus(id: string, status: JobStatus, at: string) {
    const e = this.get(id);
    // Same rule as the Redis store: only a queued or running job changes state.
    if (!e || (e.meta.status !== 'queued' && e.meta.status !== 'running')) return false;
    e.meta.status = status;
    if (status === 'cancelled') e.meta.cancelledAt = at;
    if (status === 'completed' || status === 'failed' || status === 'cancelled') e.meta.finishedAt = at;
    return true;
  }

  async markStarted(id: string, at: string) {
    const e = this.get(id);
    if (e && e.meta.status === 'queued') {
      e.meta.status = 'running';
      e.meta.startedAt = at;
    }
  }

  async putOutcomes(id: string, outcomes: EncodedOutcome[]) {
    const e = this.get(id);
    if (!e) return 0;
    for (const o of outcomes) e.items.set(o.index, o);
    return e.items.size;
  }

  async counts(id: string): Promise<ItemCounts> {
    const e = this.get(id);
    const c: ItemCounts = { done: 0, failed: 0, workers: {} };
    for (const o of e?.items.values() ?? []) {
      c.done++;
      if (!o.ok) c.failed++;
      c.workers[o.worker] = (c.workers[o.worker] ?? 0) + 1;
    }
    return c;
  }

  async outcomes(id: string, from: number, to: number) {
    const e = this.get(id);
    return Array.from({ length: Math.max(0, to - from) }, (_, i) => {
      const item = e?.items.get(from + i);
      return item ? decodeOutcome(item.json) : null;
    });
  }

  async ownerUsage(owner: string): Promise<OwnerUsage> {
    const usage: OwnerUsage = { unfinishedExpensiveItems: 0, storedItems: 0 };
    for (const id of [...this.jobs.keys()]) {
      const e = this.get(id);
      if (!e || e.spec.owner !== owner) continue;
      usage.storedItems += e.meta.total;
      if (e.meta.status === 'queued' || e.meta.status === 'running') usage.unfinishedExpensiveItems += expensiveItems(e.spec.types, e.meta.total);
    }
    return usage;
  }

  async sizeBytes() {
    return null;
  }
}
