import { ConfigType } from '@nestjs/config';
import { RedisConnection } from '../cache/redis-connection';
import { cacheConfig } from '../config/configuration';
import { RedisServer, startRedisServer } from '../../test/utils/redis-server';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const cfg = (redisUrl: string | null) =>
  ({ redisUrl, namespace: `u${Date.now().toString(36)}`, redisConnectTimeoutMs: 1000, redisOpTimeoutMs: 250 }) as unknown as ConfigType<typeof cacheConfig>;

describe(RedisThrottlerStorage.name, () => {
  let redis: RedisServer;
  let connection: RedisConnection;
  let storage: RedisThrottlerStorage;
  let c: ConfigType<typeof cacheConfig>;

  beforeAll(async () => {
    redis = await startRedisServer();
    c = cfg(redis.url);
    connection = new RedisConnection(c);
    await connection.onModuleInit();
    storage = new RedisThrottlerStorage(connection, c);
    await storage.onModuleInit();
  });
  afterAll(async () => {
    await storage.onApplicationShutdown();
    await connection.onApplicationShutdown();
    await redis.stop();
  });

  it('counts hits in a window, blocks past the limit for the block duration, then starts over', async () => {
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await storage.increment('k1', 1000, 3, 600, 'default'));
    expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([[1, false], [2, false], [3, false], [4, true]]);
    expect(hits[0].timeToExpire).toBe(1);
    expect(hits[3].timeToBlockExpire).toBe(1);
    // While blocked, requests are refused without being counted.
    expect(await storage.increment('k1', 1000, 3, 600, 'default')).toMatchObject({ totalHits: 4, isBlocked: true });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await storage.increment('k1', 1000, 3, 600, 'default')).toMatchObject({ totalHits: 1, isBlocked: false, timeToBlockExpire: 0 });
    expect(storage.backend).toBe('redis');
  });

  it('shares counts between two storages on the same Redis (two instances)', async () => {
    const other = new RedisThrottlerStorage(connection, c);
    await other.onModuleInit();
    await storage.increment('shared', 60_000, 10, 60_000, 'default');
    expect((await other.increment('shared', 60_000, 10, 60_000, 'default')).totalHits).toBe(2);
    await other.onApplicationShutdown();
  });

  it('counts in memory without Redis, with the same semantics', async () => {
    const memory = new RedisThrottlerStorage(new RedisConnection(cfg(null)), cfg(null));
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await memory.increment('m', 60_000, 2, 60_000, 'default'));
    expect(results.map((r) => r.isBlocked)).toEqual([false, false, true]);
    expect(results[2].timeToBlockExpire).toBeGreaterThan(0);
    expect(memory.backend).toBe('memory');
    await memory.onApplicationShutdown();
  });
});
