import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { createClient } from '@keyv/redis';
import { closeRedisClient, connectRedisWithin, RedisConnection } from '../../cache/redis-connection';
import { withTimeout } from '../../common/async/with-timeout';
import { bulkConfig, cacheConfig } from '../../config/configuration';
import { EvictionCheck, evictionWarning, judgeEvictionPolicy } from './eviction-policy';

type RedisClient = ReturnType<typeof createClient>;

/** Bound on the boot-time CONFIG GET: a slow or hung Redis must not hold the boot up. */
const POLICY_CHECK_TIMEOUT_MS = 2_000;

/**
 * The Redis that holds bulk job results (the BullMQ queue opens its own connections to the same URL):
 * QUEUE_REDIS_URL when it names another Redis than the cache's, else the cache's shared connection. At boot it
 * asks the server's `maxmemory-policy` and warns (log, then health) when that policy can evict, since an
 * evicted chunk or job spec loses the job silently. Managed Redis often refuses CONFIG: that is logged, not fatal.
 */
@Injectable()
export class QueueRedisConnection implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(QueueRedisConnection.name);
  private readonly own: RedisClient | null;
  private check: EvictionCheck | null = null;

  constructor(
    @Inject(bulkConfig.KEY) private readonly cfg: ConfigType<typeof bulkConfig>,
    @Inject(cacheConfig.KEY) private readonly cache: ConfigType<typeof cacheConfig>,
    private readonly shared: RedisConnection,
  ) {
    this.own =
      cfg.separateRedis && cfg.redisUrl
        ? createClient({
            url: cfg.redisUrl,
            disableOfflineQueue: true,
            socket: { connectTimeout: cache.redisConnectTimeoutMs, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
          })
        : null;
    this.own?.on('error', () => undefined);
  }

  /** The client job results go through; null without any Redis (the in-memory store then). */
  get client(): RedisClient | null {
    return this.own ?? (this.cfg.redisUrl ? this.shared.client : null);
  }

  /** What the boot-time check found; null before it ran or without Redis. */
  get eviction(): EvictionCheck | null {
    return this.check;
  }

  /** The warning health repeats while the queue's Redis may evict; null when it is safe or unknown. */
  get warning(): string | null {
    return this.check ? evictionWarning(this.check) : null;
  }

  async onModuleInit(): Promise<void> {
    const client = this.client;
    if (!client) return;
    // Checked on every (re)connect: a Redis restarted with another configuration is judged again.
    client.on('ready', () => void this.checkPolicy(client));
    if (this.own) await connectRedisWithin(this.own, this.cache.redisConnectTimeoutMs);
    else await this.shared.settled;
    if (client.isReady) await this.checkPolicy(client);
    else this.logger.warn('The bulk queue Redis is not reachable at boot; its maxmemory-policy will be checked once it answers');
  }

  private async checkPolicy(client: RedisClient): Promise<void> {
    try {
      this.check = judgeEvictionPolicy(await withTimeout(client.configGet('maxmemory-policy'), POLICY_CHECK_TIMEOUT_MS, 'no answer'));
    } catch (err) {
      this.check = { state: 'unknown', reason: `CONFIG GET refused: ${err instanceof Error ? err.message : String(err)}` };
    }
    const warning = this.warning;
    if (warning) this.logger.warn(warning);
    else if (this.check.state === 'unknown') this.logger.log(`Could not check the bulk queue Redis' maxmemory-policy (${this.check.reason}); it must be noeviction`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.own) await closeRedisClient(this.own);
  }
}
