import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { Cache } from 'cache-manager';
import Keyv from 'keyv';
import { withTimeout } from '../common/async/with-timeout';
import { cacheConfig } from '../config/configuration';
import { BoundedMap } from './bounded-map';
import { RedisConnection, RedisState } from './redis-connection';

/** Data types with their own TTL (product document: node_info 5 min, recommendations 10 min). */
export type CacheDataType = 'node_info' | 'recommendations' | 'simulation' | 'upstream' | 'upstream_stale' | 'centralities' | 'default';

export interface CacheStats {
  /** Where reads and writes go now. */
  backend: 'redis' | 'memory';
  redis: RedisState;
  /** True while Redis is configured but not answering, and the memory fallback serves instead. */
  fallback_active: boolean;
  hits: number;
  misses: number;
  errors: number;
  hit_ratio: number;
}

const FALLBACK_MAX_ENTRIES = 10_000;
/** Types whose answers are also kept in memory while Redis is up (see set()); upstream data stays shared only. */
const LOCAL_COPY_TYPES: ReadonlySet<CacheDataType> = new Set(['node_info', 'recommendations', 'simulation']);
/**
 * After a Redis error or a call over its budget, how long the cache stays in memory before Redis is tried
 * again: a Redis that is connected but slow (or hung) then costs one request one budget every few seconds,
 * instead of every cache call of every request waiting the whole budget.
 */
export const CACHE_REDIS_RETRY_MS = 5_000;
/** Time budget of a Redis call carrying a multi-megabyte entry. */
const LARGE_ENTRY_TIMEOUT_MS = 5_000;

/**
 * The one owner of cache keys and TTLs. Reads and writes go to the shared cache (cache-manager on Keyv Redis
 * when `REDIS_URL` is set, memory otherwise); while Redis is down or slower than its budget they go to a
 * bounded in-memory store instead, so no request ever fails or waits because of the cache.
 */
@Injectable()
export class AppCacheService {
  private readonly logger = new Logger(AppCacheService.name);
  private readonly fallback = new Keyv({ store: new BoundedMap<string, unknown>(FALLBACK_MAX_ENTRIES) });
  private hits = 0;
  private misses = 0;
  private errors = 0;
  /** Epoch ms before which the shared store is skipped after a failure (see CACHE_REDIS_RETRY_MS). */
  private sharedRetryAt = 0;

  constructor(
    @Inject(CACHE_MANAGER) private readonly shared: Cache,
    private readonly redis: RedisConnection,
    @Inject(cacheConfig.KEY) private readonly cfg: ConfigType<typeof cacheConfig>,
  ) {
    // Memory stores keep the object itself: no serialisation cost on the hot path.
    this.fallback.serialize = undefined;
    this.fallback.deserialize = undefined;
    // cache-manager reports store failures as events rather than throwing: count them here.
    for (const event of ['get', 'set', 'del'] as const) {
      this.shared.on(event, (e: { error?: unknown }) => {
        if (e?.error) this.recordError(e.error);
      });
    }
  }

  key(type: CacheDataType | string, ...parts: Array<string | number | boolean>): string {
    return [this.cfg.namespace, type, ...parts].join(':');
  }

  ttlMs(type: CacheDataType): number {
    // eslint-disable-next-line security/detect-object-injection -- type is the closed CacheDataType union
    return this.cfg.ttlMs[type];
  }

  async get<T>(key: string, type?: CacheDataType): Promise<T | undefined> {
    await this.redis.settled;
    let value: T | undefined;
    const viaShared = this.usesShared() ? await this.sharedOp(() => this.shared.get<T>(key), type) : { ok: false as const };
    if (viaShared.ok) value = viaShared.value ?? undefined;
    else value = (await this.fallback.get<T>(key)) ?? undefined;
    if (value === undefined) this.misses++;
    else this.hits++;
    return value;
  }

  async set<T>(key: string, value: T, type: CacheDataType): Promise<void> {
    const ttl = this.ttlMs(type);
    if (this.usesShared()) {
      const r = await this.sharedOp(() => this.shared.set(key, value, ttl), type);
      if (!r.ok) return void (await this.fallback.set(key, value, ttl));
      // With Redis up, per-node answers are also kept in the bounded memory store: when Redis goes away, the
      // nodes operators were asking about keep being served instead of being recomputed all at once.
      if (this.redis.state === 'connected' && LOCAL_COPY_TYPES.has(type)) await this.fallback.set(key, value, ttl);
      return;
    }
    await this.fallback.set(key, value, ttl);
  }

  async del(key: string): Promise<void> {
    await this.fallback.delete(key);
    if (this.usesShared()) await this.sharedOp(() => this.shared.del(key));
  }

  stats(): CacheStats {
    const total = this.hits + this.misses;
    const redis = this.redis.state;
    const fallback = redis === 'disconnected' || this.skippingRedis();
    return {
      backend: redis === 'connected' && !fallback ? 'redis' : 'memory',
      redis,
      fallback_active: fallback,
      hits: this.hits,
      misses: this.misses,
      errors: this.errors,
      hit_ratio: total === 0 ? 0 : Math.round((this.hits / total) * 1e4) / 1e4,
    };
  }

  /** Without Redis the shared cache is itself in memory; with Redis, only while it answers within budget. */
  private usesShared(): boolean {
    return this.redis.state === 'not_configured' || (this.redis.state === 'connected' && !this.skippingRedis());
  }

  /** True while a connected Redis is being skipped after an error or a call over budget. */
  private skippingRedis(): boolean {
    return this.redis.state === 'connected' && Date.now() < this.sharedRetryAt;
  }

  private async sharedOp<T>(op: () => Promise<T>, type?: CacheDataType): Promise<{ ok: true; value: T } | { ok: false }> {
    const errorsBefore = this.errors;
    // Multi-megabyte entries (a centrality table) need more than the budget meant for small answers.
    const budget = type === 'centralities' ? LARGE_ENTRY_TIMEOUT_MS : this.cfg.redisOpTimeoutMs;
    try {
      const value = await withTimeout(op(), budget, `cache store slower than ${budget} ms`);
      if (this.errors === errorsBefore) return { ok: true, value };
      this.skipRedisForAWhile();
      return { ok: false };
    } catch (err) {
      this.recordError(err);
      this.skipRedisForAWhile();
      return { ok: false };
    }
  }

  private skipRedisForAWhile(): void {
    if (this.redis.state !== 'connected') return;
    if (!this.skippingRedis()) this.logger.warn(`Redis is connected but failing or slower than its budget: the cache runs in memory for ${CACHE_REDIS_RETRY_MS} ms, then tries Redis again`);
    this.sharedRetryAt = Date.now() + CACHE_REDIS_RETRY_MS;
  }

  private recordError(err: unknown): void {
    this.errors++;
    // One line per burst is enough; the state itself is in /health.
    if (this.errors === 1 || this.errors % 100 === 0) {
      this.logger.warn(`cache store error #${this.errors}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
