import { NestExpressApplication } from '@nestjs/platform-express';
import { createClient } from '@keyv/redis';
import request from 'supertest';
import { RedisConnection } from '../../../src/cache/redis-connection';
import { RedisThrottlerStorage, THROTTLER_REDIS_TIMEOUT_MS } from '../../../src/throttling/redis-throttler.storage';
import { RedisServer, startRedisServer } from '../../utils/redis-server';
import { PausableRedis, startPausableRedis } from './pausable-redis';
import { createSecuredTestApp, ExpensiveProbeController, settled, until } from './secured-test-app';

const KEY_A = 'client-a-key-000000000000';
const KEY_B = 'client-b-key-000000000000';
const KEY_C = 'client-c-key-000000000000';
const LIMIT = 5;
const EXPENSIVE_LIMIT = 2;

function limitedApp(redisUrl: string, namespace: string): Promise<NestExpressApplication> {
  return createSecuredTestApp(
    { REDIS_URL: redisUrl, CACHE_NAMESPACE: namespace, API_KEYS: `${KEY_A},${KEY_B},${KEY_C}`, RATE_LIMIT_PER_MINUTE: String(LIMIT), RATE_LIMIT_EXPENSIVE_PER_MINUTE: String(EXPENSIVE_LIMIT) },
    { controllers: [ExpensiveProbeController] },
  );
}

describe('rate limiting across two instances sharing one Redis', () => {
  let redis: RedisServer;
  let one: NestExpressApplication;
  let two: NestExpressApplication;

  beforeAll(async () => {
    redis = await startRedisServer();
    const namespace = `rl${Date.now().toString(36)}`;
    one = await limitedApp(redis.url, namespace);
    two = await limitedApp(redis.url, namespace);
    await settled(one, two);
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await redis.stop();
  });

  it('counts one key across both instances and answers 429 with Retry-After and RateLimit-* headers', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const res = await request((i % 2 === 0 ? one : two).getHttpServer()).get('/api/v1/metrics').set('X-API-Key', KEY_A).expect(200);
      expect(res.headers['ratelimit-limit']).toBe(String(LIMIT));
      remaining.push(res.headers['ratelimit-remaining']);
      expect(Number(res.headers['ratelimit-reset'])).toBeGreaterThan(0);
      expect(Number(res.headers['ratelimit-reset'])).toBeLessThanOrEqual(60);
    }
    // Both instances counted in the shared Redis (a fallback to memory would split the count).
    expect([storage(one).backend, storage(two).backend]).toEqual(['redis', 'redis']);
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    for (const app of [one, two]) {
      const res = await request(app.getHttpServer()).get('/api/v1/metrics').set('X-API-Key', KEY_A).expect(429);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      expect(res.body.detail).toMatch(/5 requests per 60 s/);
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(res.headers).toMatchObject({ 'ratelimit-limit': String(LIMIT), 'ratelimit-remaining': '0', 'ratelimit-reset': String(retryAfter) });
    }
  });

  it('keeps separate buckets per key', async () => {
    const res = await request(two.getHttpServer()).get('/api/v1/metrics').set('Authorization', `Bearer ${KEY_B}`).expect(200);
    expect(res.headers['ratelimit-remaining']).toBe(String(LIMIT - 1));
  });

  it('limits requests without a valid key per IP, before refusing them (bad-key floods are limited too)', async () => {
    for (let i = 0; i < LIMIT; i++) {
      await request((i % 2 === 0 ? one : two).getHttpServer()).get('/api/v1/metrics').set('X-API-Key', `guess-${i}-000000000000000`).expect(401);
    }
    const res = await request(one.getHttpServer()).get('/api/v1/metrics').expect(429);
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('applies the stricter tier to @ExpensiveRoute() routes, shown in the headers, on top of the default tier', async () => {
    const http = [one.getHttpServer(), two.getHttpServer()];
    const first = await request(http[0]).get('/api/v1/test-expensive').set('X-API-Key', KEY_C).expect(200);
    expect(first.headers).toMatchObject({ 'ratelimit-limit': String(EXPENSIVE_LIMIT), 'ratelimit-remaining': '1' });
    await request(http[1]).get('/api/v1/test-expensive').set('X-API-Key', KEY_C).expect(200);
    const refused = await request(http[0]).get('/api/v1/test-expensive').set('X-API-Key', KEY_C).expect(429);
    expect(refused.body.detail).toMatch(/2 requests per 60 s on expensive routes/);
    expect(refused.headers['ratelimit-limit']).toBe(String(EXPENSIVE_LIMIT));
    // Ordinary routes still answer, from the default tier (which counted the three expensive calls as well).
    const ordinary = await request(http[1]).get('/api/v1/metrics').set('X-API-Key', KEY_C).expect(200);
    expect(ordinary.headers).toMatchObject({ 'ratelimit-limit': String(LIMIT), 'ratelimit-remaining': '1' });
  });

  it('never limits or counts the health probes', async () => {
    for (let i = 0; i < LIMIT * 3; i++) {
      const res = await request(one.getHttpServer()).get('/api/v1/health/live').expect(200);
      expect(res.headers['ratelimit-limit']).toBeUndefined();
    }
  });
});

function storage(a: NestExpressApplication): RedisThrottlerStorage {
  return a.get(RedisThrottlerStorage);
}

describe('rate limiting when Redis goes away (fail-open to per-instance memory limits)', () => {
  let redis: RedisServer;
  let api: NestExpressApplication;

  beforeAll(async () => {
    redis = await startRedisServer();
    api = await limitedApp(redis.url, `down${Date.now().toString(36)}`);
    await settled(api);
  });
  afterAll(async () => {
    await api?.close();
    await redis.stop();
  });

  it('keeps answering quickly, still limits each instance, and returns to Redis when it is back', async () => {
    const http = api.getHttpServer();
    await request(http).get('/api/v1/metrics').set('X-API-Key', KEY_A).expect(200);
    expect(storage(api).backend).toBe('redis');

    await redis.kill();
    await until('the client to notice', () => api.get(RedisConnection).state === 'disconnected');
    // Each answer comes while Redis is still down (it is restarted only after the loop): none waited for it to
    // return, whatever the machine's speed.
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      const res = await request(http).get('/api/v1/metrics').set('X-API-Key', KEY_B);
      statuses.push(res.status);
      expect(res.headers['ratelimit-limit']).toBe(String(LIMIT));
    }
    // Fail-open, not unlimited: the instance's own memory counter enforces the same limit.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(storage(api).backend).toBe('memory');

    await redis.restart();
    await until('the client to reconnect', () => api.get(RedisConnection).state === 'connected', 15_000);
    await until(
      'counting to go back to Redis',
      async () => (await request(http).get('/api/v1/metrics').set('X-API-Key', KEY_C)).status === 200 && storage(api).backend === 'redis',
      15_000,
    );
  });
});

describe('rate limiting when Redis hangs (connected, but answers nothing)', () => {
  let redis: PausableRedis;
  let api: NestExpressApplication;

  beforeAll(async () => {
    redis = await startPausableRedis();
    api = await limitedApp(redis.url, `hang${Date.now().toString(36)}`);
    await settled(api);
  });
  afterAll(async () => {
    redis.resume();
    await api?.close();
    await redis.stop();
  });

  it(`waits ~${THROTTLER_REDIS_TIMEOUT_MS} ms for Redis once, then counts in memory without asking Redis`, async () => {
    const http = api.getHttpServer();
    await request(http).get('/api/v1/metrics').set('X-API-Key', KEY_A).expect(200);
    expect(storage(api).backend).toBe('redis');
    const scriptsBefore = await rateLimitScripts(redis.url);
    redis.pause();
    const timings: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      await request(http).get('/api/v1/metrics').set('X-API-Key', KEY_B).expect(200);
      timings.push(Date.now() - t0);
    }
    // All three answered while Redis was still frozen, so none waited for it (the freeze has no end to compare
    // with: the order is the proof). The first one tried Redis and gave it its whole budget.
    expect(timings[0]).toBeGreaterThanOrEqual(THROTTLER_REDIS_TIMEOUT_MS - 20);
    expect(storage(api).backend).toBe('memory');
    redis.resume();
    // What the frozen server received is run once it thaws: only the first request's script, the next requests
    // skipped Redis.
    await until('the held script to run', async () => (await rateLimitScripts(redis.url)) > scriptsBefore);
    expect(await rateLimitScripts(redis.url)).toBe(scriptsBefore + 1);
  });
});

/** EVAL commands the server has run: each is one request counted in Redis by the limiter's script. */
async function rateLimitScripts(url: string): Promise<number> {
  const c = createClient({ url });
  c.on('error', () => undefined);
  await c.connect();
  try {
    const stats = await c.info('commandstats');
    return Number(/^cmdstat_eval:calls=(\d+)/m.exec(stats)?.[1] ?? 0);
  } finally {
    await c.close();
  }
}
