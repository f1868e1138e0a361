import type { createClient } from '@keyv/redis';
import { BoundedMap } from '../../cache/bounded-map';
import { expensiveItems, OwnerUsage } from '../bulk-quota.policy';
import type { BulkJobSpec, ItemOutcome, JobMeta, JobStatus } from '../bulk.types';
import { decodeOutcome, EncodedOutcome } from '../encoded-outcomes';
import type { BulkJobStore, ItemCounts } from './bulk-job.store';

type RedisClient = ReturnType<typeof createClient>;

/** Jobs whose spec a process keeps after reading it (a worker works on a few jobs at a time). */
const SPEC_MEMO_JOBS = 16;

/**
 * Counts each item of a chunk once: an item already in the items hash (rewritten by a re-run chunk whose first
 * worker died) changes no counter. Runs inside the MULTI that then writes the outcomes with a plain HSET, so the
 * check and the write are atomic, and the outcomes (kilobytes each) never pass through Lua, whose copy of every
 * argument cost Redis, the one thing all workers share, more than the write itself.
 * KEYS: items hash, counters hash. ARGV: ttl ms, then (index, ok 1|0, worker) per item. Returns the job's done count.
 */
const COUNT_NEW = `
local done, failed, byWorker = 0, 0, {}
for i = 2, #ARGV, 3 do
  if redis.call('HEXISTS', KEYS[1], ARGV[i]) == 0 then
    done = done + 1
    if ARGV[i + 1] == '0' then failed = failed + 1 end
    byWorker[ARGV[i + 2]] = (byWorker[ARGV[i + 2]] or 0) + 1
  end
end
if failed > 0 then redis.call('HINCRBY', KEYS[2], 'failed', failed) end
for worker, n in pairs(byWorker) do redis.call('HINCRBY', KEYS[2], 'w:' .. worker, n) end
local total = redis.call('HINCRBY', KEYS[2], 'done', done)
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[1]))
return total
`;

/**
 * Moves a job to ARGV[1] only from queued or running, atomically: a cancel can never be overwritten by a
 * worker marking the job started or completed. ARGV[2]: the time; ARGV[3]: the field that records it.
 */
const TRANSITION = `
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'queued' and status ~= 'running' then return 0 end
if ARGV[1] == 'running' and status == 'running' then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1])
if ARGV[3] ~= '' and (redis.call('HGET', KEYS[1], ARGV[3]) or '') == '' then redis.call('HSET', KEYS[1], ARGV[3], ARGV[2]) end
if ARGV[1] ~= 'running' then redis.call('HSET', KEYS[1], 'finishedAt', ARGV[2]) end
return 1
`;

/**
 * Jobs in Redis: `<ns>:bulk:<id>:spec` (JSON), `:meta` (hash), `:items` (hash index → outcome JSON),
 * `:counts` (done, failed, per-worker counters). Every key expires with the job's retention time.
 * `<ns>:bulk:owner:<fingerprint>` (hash job id → `expiresAtMs:items:expensiveItems`) lists a key's jobs for its
 * quotas; entries past their expiry are dropped when read, the hash itself expires with the key's last job.
 */
export class RedisBulkJobStore implements BulkJobStore {
  readonly durable = true;
  /**
   * A spec never changes after create(), and every chunk and status read needs it: without this, each chunk of a
   * 10,000-node job re-reads and re-parses its 700 KB pubkey list, a serial cost in Redis that every added worker
   * makes worse. Whether the job still exists is decided by its meta, which is always read from Redis.
   */
  private readonly specs = new BoundedMap<string, BulkJobSpec>(SPEC_MEMO_JOBS);

  constructor(
    private readonly redis: RedisClient,
    private readonly namespace: string,
    private readonly ttlMs: number,
  ) {}

  private k(id: string, part: string): string {
    return `${this.namespace}:bulk:${id}:${part}`;
  }

  private ownerKey(owner: string): string {
    return `${this.namespace}:bulk:owner:${owner}`;
  }

  async create(spec: BulkJobSpec, ttlMs: number): Promise<void> {
    const tx = this.redis
      .multi()
      .set(this.k(spec.id, 'spec'), JSON.stringify(spec), { PX: ttlMs })
      .hSet(this.k(spec.id, 'meta'), { status: 'queued', total: String(spec.pubkeys.length), startedAt: '', finishedAt: '', cancelledAt: '' })
      .pExpire(this.k(spec.id, 'meta'), ttlMs);
    if (spec.owner) {
      const n = spec.pubkeys.length;
      // Every job has the same retention time, so the newest job's expiry is the list's.
      tx.hSet(this.ownerKey(spec.owner), spec.id, `${Date.now() + ttlMs}:${n}:${expensiveItems(spec.types, n)}`).pExpire(this.ownerKey(spec.owner), ttlMs);
    }
    await tx.exec();
  }

  async ownerUsage(owner: string): Promise<OwnerUsage> {
    const entries = Object.entries(await this.redis.hGetAll(this.ownerKey(owner)));
    const now = Date.now();
    const usage: OwnerUsage = { unfinishedExpensiveItems: 0, storedItems: 0 };
    const expired: string[] = [];
    const expensive: Array<[string, number]> = [];
    for (const [id, value] of entries) {
      const [expiresAt, items, heavy] = value.split(':').map(Number);
      if (!(expiresAt > now)) {
        expired.push(id);
        continue;
      }
      usage.storedItems += items || 0;
      if (heavy > 0) expensive.push([id, heavy]);
    }
    const statuses = await Promise.all(expensive.map(async ([id, heavy]) => ({ heavy, status: await this.redis.hGet(this.k(id, 'meta'), 'status') })));
    for (const { heavy, status } of statuses) if (status === 'queued' || status === 'running') usage.unfinishedExpensiveItems += heavy;
    if (expired.length > 0) await this.redis.hDel(this.ownerKey(owner), expired);
    return usage;
  }

  async spec(id: string): Promise<BulkJobSpec | null> {
    const known = this.specs.get(id);
    if (known) return known;
    const raw = await this.redis.get(this.k(id, 'spec'));
    if (!raw) return null;
    const spec = JSON.parse(raw) as BulkJobSpec;
    this.specs.set(id, spec);
    return spec;
  }

  async meta(id: string): Promise<JobMeta | null> {
    const h = await this.redis.hGetAll(this.k(id, 'meta'));
    if (!h.status) return null;
    return { status: h.status as JobStatus, total: Number(h.total), startedAt: h.startedAt || null, finishedAt: h.finishedAt || null, cancelledAt: h.cancelledAt || null };
  }

  async setStatus(id: string, status: JobStatus, at: string): Promise<boolean> {
    return 1 === (await this.redis.eval(TRANSITION, { keys: [this.k(id, 'meta')], arguments: [status, at, status === 'cancelled' ? 'cancelledAt' : ''] }));
  }

  async markStarted(id: string, at: string): Promise<void> {
    await this.redis.eval(TRANSITION, { keys: [this.k(id, 'meta')], arguments: ['running', at, 'startedAt'] });
  }

  async putOutcomes(id: string, outcomes: EncodedOutcome[]): Promise<number> {
    if (outcomes.length === 0) return (await this.counts(id)).done;
    const items = this.k(id, 'items');
    const counted = [String(this.ttlMs)];
    const fields: Array<[string, Buffer]> = [];
    for (const o of outcomes) {
      counted.push(String(o.index), o.ok ? '1' : '0', o.worker);
      fields.push([String(o.index), o.json]);
    }
    const [done] = await this.redis
      .multi()
      .eval(COUNT_NEW, { keys: [items, this.k(id, 'counts')], arguments: counted })
      .hSet(items, fields)
      .pExpire(items, this.ttlMs)
      .exec();
    return Number(done);
  }

  async counts(id: string): Promise<ItemCounts> {
    const h = await this.redis.hGetAll(this.k(id, 'counts'));
    const workers: Record<string, number> = {};
    for (const [k, v] of Object.entries(h)) if (k.startsWith('w:')) workers[k.slice(2)] = Number(v);
    return { done: Number(h.done ?? 0), failed: Number(h.failed ?? 0), workers };
  }

  async outcomes(id: string, from: number, to: number): Promise<Array<ItemOutcome | null>> {
    if (to <= from) return [];
    const fields = Array.from({ length: to - from }, (_, i) => String(from + i));
    const raw = await this.redis.hmGet(this.k(id, 'items'), fields);
    return raw.map((r) => (r ? decodeOutcome(r) : null));
  }

  async sizeBytes(id: string): Promise<number | null> {
    let total = 0;
    for (const part of ['spec', 'meta', 'items', 'counts']) total += Number((await this.redis.memoryUsage(this.k(id, part))) ?? 0);
    return total;
  }
}
