import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { withTimeout } from '../common/async/with-timeout';
import { closeRedisClient, connectRedisWithin, RedisConnection } from '../cache/redis-connection';
import { cacheConfig } from '../config/configuration';

/** Longest a request may wait for Redis to count it; past this it is counted in memory instead. */
export const THROTTLER_REDIS_TIMEOUT_MS = 200;
/** After a Redis failure, how long counting stays in memory before Redis is tried again. */
export const THROTTLER_REDIS_RETRY_MS = 5_000;

/**
 * One atomic step of a fixed window with a block: while the block key lives the request is refused without
 * counting; otherwise INCR the window (PEXPIRE on its first hit) and, past the limit, set the block.
 * KEYS: hits, block. ARGV: ttl ms, limit, block ms. Returns {hits, window ms left, blocked 0/1, block ms left}.
 */
const INCREMENT_SCRIPT = `
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]), 1, blockLeft}
end
local hits = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
if hits > tonumber(ARGV[2]) then
  local block = tonumber(ARGV[3])
  if block > 0 then
    redis.call('SET', KEYS[2], '1', 'PX', block)
    return {hits, left, 1, block}
  end
  return {hits, left, 1, left}
end
return {hits, left, 0, 0}
`;

export type ThrottlerBackend = 'redis' | 'memory';
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;
type RedisClient = NonNullable<RedisConnection['client']>;

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * Rate-limit counters shared by every instance through Redis, failing open: when Redis is not configured,
 * disconnected, erroring or slower than {@link THROTTLER_REDIS_TIMEOUT_MS}, requests are counted in this
 * instance's memory with the same limits, so a Redis outage never becomes an API outage (the limit then holds
 * per instance instead of across them). It has its own connection, a duplicate of the shared one (same URL, no
 * offline queue so commands fail at once while Redis is down, same reconnect backoff): a counter update never
 * waits behind a large cache read or write.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly memory = new ThrottlerStorageService();
  private readonly client: RedisClient | null;
  private readonly connected: Promise<void>;
  private redisRetryAt = 0;
  private lastBackend: ThrottlerBackend | null = null;

  constructor(
    redis: RedisConnection,
    @Inject(cacheConfig.KEY) private readonly cfg: ConfigType<typeof cacheConfig>,
  ) {
    this.client = redis.client ? redis.client.duplicate() : null;
    // Outages are logged by the shared connection and by use(); without a listener an error event would throw.
    this.client?.on('error', () => undefined);
    this.connected = this.client ? connectRedisWithin(this.client, this.cfg.redisConnectTimeoutMs) : Promise.resolve();
  }

  /** Boot waits for the first attempt, at most the connect timeout; counting starts in memory if Redis is away. */
  async onModuleInit(): Promise<void> {
    await this.connected;
  }

  /** Where the last request was counted. */
  get backend(): ThrottlerBackend {
    return this.lastBackend ?? (this.client ? 'redis' : 'memory');
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const client = this.client;
    if (client?.isReady && Date.now() >= this.redisRetryAt) {
      try {
        const record = await this.incrementInRedis(key, ttl, limit, blockDuration);
        this.use('redis');
        return record;
      } catch (err) {
        this.redisRetryAt = Date.now() + THROTTLER_REDIS_RETRY_MS;
        this.use('memory', err instanceof Error ? err.message : String(err));
      }
    } else if (client) {
      this.use('memory', 'Redis is not connected');
    }
    return this.memory.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  async onApplicationShutdown(): Promise<void> {
    this.memory.onApplicationShutdown();
    if (this.client) await closeRedisClient(this.client);
  }

  private async incrementInRedis(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const client = this.client!;
    // The hash tag keeps both keys of a bucket on one slot, should this Redis ever be a cluster.
    const base = `${this.cfg.namespace}:throttle:{${key}}`;
    const call = client.eval(INCREMENT_SCRIPT, { keys: [`${base}:hits`, `${base}:block`], arguments: [String(ttl), String(limit), String(blockDuration)] });
    const reply = (await withTimeout(call, THROTTLER_REDIS_TIMEOUT_MS, `Redis did not answer within ${THROTTLER_REDIS_TIMEOUT_MS} ms`)) as unknown;
    if (!Array.isArray(reply) || reply.length !== 4) throw new Error('unexpected reply from the rate-limit script');
    const [hits, windowLeft, blocked, blockLeft] = reply.map(Number);
    return { totalHits: hits, timeToExpire: seconds(windowLeft), isBlocked: blocked === 1, timeToBlockExpire: blocked === 1 ? Math.max(1, seconds(blockLeft)) : 0 };
  }

  private use(backend: ThrottlerBackend, reason?: string): void {
    if (backend === this.lastBackend) return;
    if (backend === 'memory' && this.lastBackend !== null) {
      this.logger.warn(`Rate limiting falls back to this instance's memory (${reason}); limits now hold per instance until Redis answers again`);
    } else if (backend === 'memory') {
      this.logger.warn(`Rate limiting starts in this instance's memory (${reason}); it moves to Redis when Redis answers`);
    } else if (this.lastBackend === 'memory') {
      this.logger.log('Rate limiting is back on Redis, shared by every instance');
    }
    this.lastBackend = backend;
  }
}
