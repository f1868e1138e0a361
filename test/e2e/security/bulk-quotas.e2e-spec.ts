import { randomUUID } from 'node:crypto';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { BULK_JOB_STORE, BulkJobStore } from '../../../src/bulk/store/bulk-job.store';
import { GraphService } from '../../../src/graph/graph.service';
import { ApiKeyService } from '../../../src/security/api-key.service';
import { testRedisUrl } from '../../utils/test-app';
import { createSecuredTestApp } from './secured-test-app';

const BULK = '/api/v1/nodes/bulk-analysis';
const KEY_A = 'quota-a-key-0123456789';
const KEY_B = 'quota-b-key-0123456789';
const KEY_C = 'quota-c-key-0123456789';
const LIMITS = { BULK_MAX_EXPENSIVE_ITEMS_PER_JOB: '5', BULK_MAX_EXPENSIVE_ITEMS_PER_KEY: '8', BULK_MAX_STORED_ITEMS_PER_KEY: '30', BULK_INLINE_MAX: '1' };

describe('bulk caps and per-key quotas', () => {
  let app: NestExpressApplication;
  let pubkeys: string[];
  beforeAll(async () => {
    app = await createSecuredTestApp({ API_KEYS: [KEY_A, KEY_B, KEY_C].join(','), REDIS_URL: testRedisUrl(), RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000', RATE_LIMIT_PER_MINUTE: '10000', ...LIMITS });
    pubkeys = app.get(GraphService).current().graph.pubkeys.slice(0, 100);
  });
  afterAll(() => app.close());

  const submit = (key: string, n: number, types: string[]) =>
    request(app.getHttpServer()).post(BULK).set('X-API-Key', key).send({ pubkeys: pubkeys.slice(0, n), analysis_types: types });

  it('refuses a job with more channel_candidates pubkeys than BULK_MAX_EXPENSIVE_ITEMS_PER_JOB with a 400 that says the limit', async () => {
    const res = await submit(KEY_B, 6, ['basic', 'channel_candidates']).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'pubkeys', message: expect.stringMatching(/channel_candidates may list at most 5 distinct pubkeys \(this one has 6\)/) }] });
    // Cheap types are not capped by it.
    await submit(KEY_B, 6, ['basic', 'priorities']).expect(202);
  });

  it("answers 429 QUOTA_EXCEEDED while the key's unfinished channel_candidates items would pass BULK_MAX_EXPENSIVE_ITEMS_PER_KEY, and again accepts once they are cancelled", async () => {
    const store = app.get<BulkJobStore>(BULK_JOB_STORE);
    const owner = app.get(ApiKeyService).match(KEY_A)!;
    // A queued job of 5 channel_candidates items, never picked up: the key's share stays in use.
    const id = randomUUID();
    await store.create({ id, pubkeys: pubkeys.slice(0, 5), types: ['channel_candidates'], useCache: true, language: 'en', plan: null, callbackUrl: null, createdAt: new Date().toISOString(), graphVersion: 'v', owner }, 60_000);

    const res = await submit(KEY_A, 4, ['channel_candidates']).expect(429);
    expect(res.body).toMatchObject({ status: 429, code: 'QUOTA_EXCEEDED', detail: expect.stringMatching(/already has 5 channel_candidates items in queued or running jobs and may have at most 8/) });
    // Another key has its own share.
    await submit(KEY_B, 4, ['channel_candidates']).expect(202);

    await request(app.getHttpServer()).delete(`${BULK}/${id}`).set('X-API-Key', KEY_A).expect(200);
    await submit(KEY_A, 4, ['channel_candidates']).expect(202);
  });

  it("answers 429 QUOTA_EXCEEDED when the key's stored items would pass BULK_MAX_STORED_ITEMS_PER_KEY", async () => {
    await submit(KEY_C, 20, ['basic']).expect(202);
    const res = await submit(KEY_C, 11, ['basic']).expect(429);
    expect(res.body).toMatchObject({ code: 'QUOTA_EXCEEDED', detail: expect.stringMatching(/already keep 20 items of results in the job store and may keep at most 30/) });
    await submit(KEY_C, 10, ['basic']).expect(202);
  });
});

describe('bulk quotas without API_KEYS (development)', () => {
  it('keeps the per-job cap but no per-key quota', async () => {
    const app = await createSecuredTestApp({ REDIS_URL: testRedisUrl(), RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000', ...LIMITS });
    try {
      const pubkeys = app.get(GraphService).current().graph.pubkeys.slice(0, 40);
      await request(app.getHttpServer()).post(BULK).send({ pubkeys: pubkeys.slice(0, 6), analysis_types: ['channel_candidates'] }).expect(400);
      for (let i = 0; i < 3; i++) await request(app.getHttpServer()).post(BULK).send({ pubkeys, analysis_types: ['basic'] }).expect(202);
    } finally {
      await app.close();
    }
  });
});
