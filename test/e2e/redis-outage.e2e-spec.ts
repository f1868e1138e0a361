import { NestExpressApplication } from '@nestjs/platform-express';
import { createClient } from '@keyv/redis';
import request from 'supertest';
import { RedisConnection } from '../../src/cache/redis-connection';
import { RedisServer, startRedisServer } from '../utils/redis-server';
import { backgroundSettled, createTestApp, serverErrorRoutes } from '../utils/test-app';

const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
const COINGATE = '0242a4ae0c5bef18048fbecf995094b74bfb0f7391418d71ed394784373f41e4f3';

/** Waits on a condition; only the test's own timeout bounds it (a busy machine makes every step slower). */
async function until(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 100));
}

async function redisKeys(url: string): Promise<string[]> {
  const c = createClient({ url });
  await c.connect();
  try {
    return await c.keys('*');
  } finally {
    await c.close();
  }
}

describe('Redis stopped in the middle of a run', () => {
  let redis: RedisServer;
  let app: NestExpressApplication;

  beforeAll(async () => {
    // Its own server: this suite kills it.
    redis = await startRedisServer();
    app = await createTestApp({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await app.close();
    await redis.stop();
  });

  it('keeps answering 200 from memory, says so in health, and goes back to Redis when it returns', async () => {
    const http = app.getHttpServer();
    await backgroundSettled(app);
    await request(http).get(`/api/v1/node/${ACINQ}/info`).expect(200);
    expect((await redisKeys(redis.url)).some((k) => k.includes(`node_info`) && k.includes(ACINQ))).toBe(true);
    // A Redis slower than its budget on a busy machine is skipped for a while (degraded); that is not the outage
    // under test, so wait until it answers in time.
    const healthStatus = async () => (await request(http).get('/api/v1/health').expect(200)).body.status;
    await until('Redis answering within its budget', async () => (await healthStatus()) === 'healthy');
    let health = await request(http).get('/api/v1/health').expect(200);
    expect(health.body.services.cache).toBe('connected');
    expect(health.body.cache_stats.backend).toBe('redis');

    await redis.kill();
    await until('the client to notice', () => app.get(RedisConnection).state === 'disconnected');

    // ACINQ's answer, written to Redis before the outage, is still served from the local copy, not recomputed.
    const kept = await request(http).get(`/api/v1/node/${ACINQ}/info`).expect(200);
    expect(kept.body.cache_hit).toBe(true);

    // Answered at all while Redis is down: nothing waits on it (a hang would end in the test's timeout).
    for (const pk of [ACINQ, COINGATE, COINGATE]) {
      await request(http).get(`/api/v1/node/${pk}/info`).expect(200);
    }
    // The entry written during the outage lives in the memory fallback.
    const cached = await request(http).get(`/api/v1/node/${COINGATE}/info`).expect(200);
    expect(cached.body.cache_hit).toBe(true);

    health = await request(http).get('/api/v1/health').expect(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.services.cache).toBe('disconnected');
    expect(health.body.cache_stats).toMatchObject({ backend: 'memory', fallback_active: true });
    expect(health.body.reasons.join(' ')).toMatch(/Redis/);

    await redis.restart();
    await until('the client to reconnect', () => app.get(RedisConnection).state === 'connected');
    await until('Redis answering within its budget again', async () => (await healthStatus()) === 'healthy');
    health = await request(http).get('/api/v1/health').expect(200);
    expect(health.body.services.cache).toBe('connected');

    // The restarted server is empty: a new answer is written to it again.
    await request(http).get(`/api/v1/node/${COINGATE}/info`).query({ use_cache: false }).expect(200);
    expect((await redisKeys(redis.url)).some((k) => k.includes(COINGATE))).toBe(true);
    expect(serverErrorRoutes(app)).toEqual([]);
  });
});

describe('Redis configured but absent at boot', () => {
  it('boots within the connect timeout, serves from memory and reports degraded', async () => {
    // Booting at all proves the connect attempt is bounded; how long it takes is a benchmark's business.
    const app = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      await backgroundSettled(app);
      await request(app.getHttpServer()).get(`/api/v1/node/${ACINQ}/info`).expect(200);
      const second = await request(app.getHttpServer()).get(`/api/v1/node/${ACINQ}/info`).expect(200);
      expect(second.body.cache_hit).toBe(true);
      const health = await request(app.getHttpServer()).get('/api/v1/health').expect(200);
      expect(health.body).toMatchObject({ status: 'degraded', services: { cache: 'disconnected' } });
    } finally {
      await app.close();
    }
  });
});
