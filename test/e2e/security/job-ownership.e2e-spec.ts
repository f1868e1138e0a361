import { randomUUID } from 'node:crypto';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { BULK_JOB_STORE, BulkJobStore } from '../../../src/bulk/store/bulk-job.store';
import { GraphService } from '../../../src/graph/graph.service';
import { testRedisUrl } from '../../utils/test-app';
import { createSecuredTestApp, settled } from './secured-test-app';

const BULK = '/api/v1/nodes/bulk-analysis';
const KEY_A = 'tenant-a-key-0123456789';
const KEY_B = 'tenant-b-key-9876543210';

describe('bulk jobs belong to the key that created them', () => {
  let app: NestExpressApplication;
  let pubkeys: string[];
  beforeAll(async () => {
    app = await createSecuredTestApp({ API_KEYS: `${KEY_A},${KEY_B}`, REDIS_URL: testRedisUrl(), RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000', RATE_LIMIT_PER_MINUTE: '10000' });
    // More than BULK_INLINE_MAX (50), so the request is queued and gets a job id.
    pubkeys = app.get(GraphService).current().graph.pubkeys.slice(0, 400);
    await settled(app);
  });
  afterAll(() => app.close());

  const submit = async (key: string) => {
    const res = await request(app.getHttpServer()).post(BULK).set('X-API-Key', key).send({ pubkeys, analysis_types: ['basic'] }).expect(202);
    return res.headers.location as string;
  };

  it('answers another key 404 on GET and DELETE, exactly as for an unknown job, and leaves the job alone', async () => {
    const http = app.getHttpServer();
    const location = await submit(KEY_A);
    await request(http).get(location).set('X-API-Key', KEY_A).expect(200);

    const foreign = await request(http).get(location).set('X-API-Key', KEY_B).expect(404);
    const unknownUrl = `${BULK}/${randomUUID()}`;
    const unknown = await request(http).get(unknownUrl).set('X-API-Key', KEY_B).expect(404);
    const strip = (b: Record<string, unknown>, url: string) => ({ ...b, request_id: undefined, instance: undefined, detail: String(b.detail).replace(url.split('/').pop()!, '<id>') });
    expect(strip(foreign.body, location)).toEqual(strip(unknown.body, unknownUrl));
    expect(foreign.body.code).toBe('JOB_NOT_FOUND');

    await request(http).delete(location).set('Authorization', `Bearer ${KEY_B}`).expect(404);
    const after = await request(http).get(location).set('X-API-Key', KEY_A).expect(200);
    expect(after.body.status).not.toBe('cancelled');

    const cancelled = await request(http).delete(location).set('X-API-Key', KEY_A).expect(200);
    expect(['cancelled', 'completed']).toContain(cancelled.body.status);
  });

  it('records the key fingerprint with the job, never the key', async () => {
    const location = await submit(KEY_B);
    const spec = await app.get<BulkJobStore>(BULK_JOB_STORE).spec(location.split('/').pop()!);
    expect(spec?.owner).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(spec)).not.toContain(KEY_B);
  });

  it('shows a job stored without an owner (created before owners were recorded) to no key', async () => {
    const id = randomUUID();
    const store = app.get<BulkJobStore>(BULK_JOB_STORE);
    await store.create({ id, pubkeys: pubkeys.slice(0, 2), types: ['basic'], useCache: true, language: 'en', plan: null, callbackUrl: null, createdAt: new Date().toISOString(), graphVersion: 'v' }, 60_000);
    for (const key of [KEY_A, KEY_B]) {
      await request(app.getHttpServer()).get(`${BULK}/${id}`).set('X-API-Key', key).expect(404);
      await request(app.getHttpServer()).delete(`${BULK}/${id}`).set('X-API-Key', key).expect(404);
    }
    expect((await store.meta(id))?.status).toBe('queued');
  });
});

describe('bulk jobs without API_KEYS (development)', () => {
  it('are readable and cancellable by anyone, as before', async () => {
    const app = await createSecuredTestApp({ REDIS_URL: testRedisUrl(), RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000' });
    try {
      const pubkeys = app.get(GraphService).current().graph.pubkeys.slice(0, 400);
      const res = await request(app.getHttpServer()).post(BULK).send({ pubkeys }).expect(202);
      await request(app.getHttpServer()).get(res.headers.location).set('X-API-Key', 'whatever-0000000000000').expect(200);
      await request(app.getHttpServer()).delete(res.headers.location).expect(200);
    } finally {
      await app.close();
    }
  });
});
