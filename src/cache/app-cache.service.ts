import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { Cache } from 'cache-manager';
import Keyv from 'keyv';
import { cacheConfig } from '../config/configuration';
import { BoundedMap } from './bounded-map';
import { RedisConnection, RedisState } from './redis-connection';

/** Data types with their own TTL (product document: node_info 5 min, recommendations 10 min). */
export type CacheDataType = 'node_info' | 'recommendations' | 'upstream' | 'upstream_stale' | 'centralities' | 'default';

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
      if (r.ok) return;
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
    return {
      backend: redis === 'disconnected' ? 'memory' : redis === 'connected' ? 'redis' : 'memory',
      redis,
      fallback_active: redis === 'disconnected',
      hits: this.hits,
      misses: this.misses,
      errors: this.errors,
      hit_ratio: total === 0 ? 0 : Math.round((this.hits / total) * 1e4) / 1e4,
    };
  }

  /** Without Redis the shared cache is itself in memory; with Redis, only while it answers. */
  private usesShared(): boolean {
    return this.redis.state !== 'disconnected';
  }

  private async sharedOp<T>(op: () => Promise<T>, type?: CacheDataType): Promise<{ ok: true; value: T } | { ok: false }> {
    const errorsBefore = this.errors;
    let timer: NodeJS.Timeout | undefined;
    // Multi-megabyte entries (a centrality table) need more than the budget meant for small answers.
    const budget = type === 'centralities' ? LARGE_ENTRY_TIMEOUT_MS : this.cfg.redisOpTimeoutMs;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`cache store slower than ${budget} ms`)), budget);
      });
      const value = await Promise.race([op(), timeout]);
      return this.errors === errorsBefore ? { ok: true, value } : { ok: false };
    } catch (err) {
      this.recordError(err);
      return { ok: false };
    } finally {
      clearTimeout(timer);
    }
  }

  private recordError(err: unknown): void {
    this.errors++;
    // One line per burst is enough; the state itself is in /health.
    if (this.errors === 1 || this.errors % 100 === 0) {
      this.logger.warn(`cache store error #${this.errors}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
