import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createSecuredTestApp, settled, until } from './secured-test-app';

const PUBKEYS = [
  '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f',
  '024b9a1fa8e006f1e3937f65f66c408e6da8e1ca728ea43222a7381df1cc449605',
  '02458c322518069b0a8c7490853289ed2c6a8aa838b78f1367808e99b8c9705c9e',
  '0242a4ae0c5bef18048fbecf995094b74bfb0f7391418d71ed394784373f41e4f3',
];
const recs = (pk: string) => `/api/v1/node/${pk}/recommendations`;

describe('uncached recommendations wait in a bounded queue, then get 503 with Retry-After (issue 20, finding 6)', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    // One worker computes one miss at a time; nothing may wait behind it.
    app = await createSecuredTestApp({ WORKERS: '1', RECOMMENDATIONS_QUEUE_MAX: '0', RATE_LIMIT_PER_MINUTE: '100000' });
    await settled(app);
  });
  afterAll(() => app.close());

  it('refuses the misses that find the queue full, and serves them once there is room', async () => {
    const http = app.getHttpServer();
    const answers = await Promise.all(PUBKEYS.map((pk) => request(http).get(recs(pk))));
    const served = answers.filter((r) => r.status === 200);
    const refused = answers.filter((r) => r.status !== 200);
    expect(served.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const res of refused) {
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 503, code: 'SERVER_BUSY' });
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    for (const pk of PUBKEYS) {
      await until(`recommendations for ${pk.slice(0, 8)}`, async () => (await request(http).get(recs(pk))).status === 200, 60_000);
    }
  });

  it('never queues cache hits', async () => {
    const http = app.getHttpServer();
    const answers = await Promise.all(PUBKEYS.map((pk) => request(http).get(recs(pk))));
    expect(answers.map((r) => [r.status, r.body.cache_hit])).toEqual(PUBKEYS.map(() => [200, true]));
  });
});
