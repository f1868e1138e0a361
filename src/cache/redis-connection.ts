import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { createClient } from '@keyv/redis';
import { withTimeout } from '../common/async/with-timeout';
import { cacheConfig } from '../config/configuration';

export type RedisState = 'not_configured' | 'connected' | 'disconnected';
type RedisClient = ReturnType<typeof createClient>;

/** Closes a client gracefully when it is connected, drops it otherwise (a reconnecting client never closes). */
export async function closeRedisClient(client: RedisClient): Promise<void> {
  if (!client.isOpen) return;
  try {
    if (client.isReady) await client.close();
    else client.destroy();
  } catch {
    client.destroy();
  }
}

/**
 * Starts connecting and settles once connected, failed, or `ms` have passed, whichever comes first; never rejects.
 * The client keeps reconnecting in the background after a failure or a timeout.
 */
export async function connectRedisWithin(client: RedisClient, ms: number): Promise<void> {
  await withTimeout(client.connect(), ms, 'connect timeout').catch(() => undefined);
}

/**
 * The shared Redis connection, when `REDIS_URL` is set. Commands fail at once while it is down (no offline
 * queue: a request must never wait for Redis), and the client reconnects in the background with capped
 * backoff, so the cache goes back to Redis by itself when Redis returns.
 */
@Injectable()
export class RedisConnection implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnection.name);
  readonly client: RedisClient | null;
  private wasReady = false;
  /** Resolves once the first connection attempt has succeeded or timed out (never rejects). */
  readonly settled: Promise<void>;

  constructor(@Inject(cacheConfig.KEY) private readonly cfg: ConfigType<typeof cacheConfig>) {
    this.client = cfg.redisUrl
      ? createClient({
          url: cfg.redisUrl,
          disableOfflineQueue: true,
          socket: { connectTimeout: cfg.redisConnectTimeoutMs, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
        })
      : null;
    this.client?.on('error', (err: Error) => {
      if (this.wasReady) this.logger.warn(`Redis connection lost (${err.message}); serving the cache from memory until it returns`);
      this.wasReady = false;
    });
    this.client?.on('ready', () => {
      if (!this.wasReady) this.logger.log('Redis connected');
      this.wasReady = true;
    });
    // Connecting starts here, not in onModuleInit: other modules' init hooks may read the cache first.
    this.settled = this.connectWithinTimeout();
  }

  get state(): RedisState {
    if (!this.client) return 'not_configured';
    return this.client.isReady ? 'connected' : 'disconnected';
  }

  /** Boot waits for the first attempt, at most the connect timeout: a missing Redis must not hold it up. */
  async onModuleInit(): Promise<void> {
    await this.settled;
  }

  private async connectWithinTimeout(): Promise<void> {
    if (!this.client) return;
    await connectRedisWithin(this.client, this.cfg.redisConnectTimeoutMs);
    if (!this.client.isReady) this.logger.warn('Redis is not reachable at boot; the cache runs in memory and will switch to Redis when it answers');
  }

  async onApplicationShutdown(): Promise<void> {
    // The cache store may have closed the shared client already on its own shutdown.
    if (this.client) await closeRedisClient(this.client);
  }
}
