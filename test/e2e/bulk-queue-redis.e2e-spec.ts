import { NestExpressApplication } from '@nestjs/platform-express';
import { createClient } from '@keyv/redis';
import request from 'supertest';
import { QueueRedisConnection } from '../../src/bulk/store/queue-redis.connection';
import { GraphService } from '../../src/graph/graph.service';
import { RedisServer, startRedisServer } from '../utils/redis-server';
import { createTestApp, testRedisUrl } from '../utils/test-app';
import { until } from './security/secured-test-app';

const BULK = '/api/v1/nodes/bulk-analysis';
const WARNING = /bulk queue's Redis has maxmemory-policy allkeys-lru: .*noeviction and appendonly yes \(QUEUE_REDIS_URL\)/;

async function keysIn(url: string, pattern: string): Promise<string[]> {
  const client = createClient({ url });
  await client.connect();
  try {
    return await client.keys(pattern);
  } finally {
    await client.close();
  }
}

describe('the bulk queue Redis', () => {
  let lru: RedisServer;
  let noConfig: RedisServer;
  beforeAll(async () => {
    lru = await startRedisServer(['--maxmemory', '64mb', '--maxmemory-policy', 'allkeys-lru']);
    noConfig = await startRedisServer(['--rename-command', 'CONFIG', '']);
  });
  afterAll(async () => {
    await lru.stop();
    await noConfig.stop();
  });

  /** The check runs once the queue Redis is connected, which a busy machine may delay past the boot. */
  const checked = (app: NestExpressApplication) => until('the maxmemory-policy check', () => app.get(QueueRedisConnection).eviction !== null, 15_000);

  it('warns in the verbose health details when the only Redis evicts keys (allkeys-lru)', async () => {
    const app = await createTestApp({ REDIS_URL: lru.url, GRAPH_HISTORY_SNAPSHOTS: '' });
    try {
      await checked(app);
      expect(app.get(QueueRedisConnection).eviction).toEqual({ state: 'evicting', policy: 'allkeys-lru' });
      expect(app.get(QueueRedisConnection).warning).toMatch(WARNING);
      const { body } = await request(app.getHttpServer()).get('/api/v1/health').query({ verbose: true }).expect(200);
      expect(body.details.bulk_queue_redis).toEqual({ state: 'evicting', policy: 'allkeys-lru', warning: expect.stringMatching(WARNING) });
    } finally {
      await app.close();
    }
  });

  it('keeps jobs in QUEUE_REDIS_URL, apart from the evicting cache in REDIS_URL, and then does not warn', async () => {
    const app = await createTestApp({ REDIS_URL: lru.url, QUEUE_REDIS_URL: testRedisUrl(), GRAPH_HISTORY_SNAPSHOTS: '' });
    try {
      await checked(app);
      expect(app.get(QueueRedisConnection).eviction).toEqual({ state: 'safe', policy: 'noeviction' });
      const pubkeys = app.get(GraphService).current().graph.pubkeys.slice(0, 60);
      const res = await request(app.getHttpServer()).post(BULK).send({ pubkeys }).expect(202);
      const id = res.body.job_id as string;
      expect(await keysIn(testRedisUrl(), `*bulk:${id}:*`)).toEqual(expect.arrayContaining([expect.stringMatching(/:spec$/), expect.stringMatching(/:meta$/)]));
      expect(await keysIn(testRedisUrl(), `*bullmq:bulk-analysis:${id}-0*`)).not.toEqual([]);
      expect(await keysIn(lru.url, `*${id}*`)).toEqual([]);
      const { body } = await request(app.getHttpServer()).get('/api/v1/health').query({ verbose: true }).expect(200);
      expect(body.details.bulk_queue_redis).toEqual({ state: 'safe', policy: 'noeviction', warning: null });
    } finally {
      await app.close();
    }
  });

  it('boots and says it could not check when CONFIG is refused (managed Redis)', async () => {
    const app = await createTestApp({ REDIS_URL: noConfig.url, GRAPH_HISTORY_SNAPSHOTS: '' });
    try {
      await checked(app);
      expect(app.get(QueueRedisConnection).eviction).toMatchObject({ state: 'unknown', reason: expect.stringMatching(/CONFIG GET refused/) });
      await request(app.getHttpServer()).get('/api/v1/health').expect(200);
    } finally {
      await app.close();
    }
  });
});
