import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { UNAUTHORIZED_MESSAGE } from '../../../src/security/api-key.guard';
import { createSecuredTestApp } from './secured-test-app';

const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
const OLD_KEY = 'old-key-0123456789abcdef';
const NEW_KEY = 'new-key-fedcba9876543210';

describe('API keys', () => {
  describe('with API_KEYS set (two keys: a rotation in progress)', () => {
    let app: NestExpressApplication;
    beforeAll(async () => {
      app = await createSecuredTestApp({ API_KEYS: `${OLD_KEY}, ${NEW_KEY}` });
    });
    afterAll(() => app.close());

    it('refuses a request without a key with 401 problem+json and a WWW-Authenticate challenge', async () => {
      const res = await request(app.getHttpServer()).get('/api/v1/metrics').expect(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.body).toMatchObject({ status: 401, code: 'UNAUTHORIZED', detail: UNAUTHORIZED_MESSAGE, instance: '/api/v1/metrics' });
    });

    it('answers a wrong, truncated or padded key exactly like a missing one', async () => {
      const http = app.getHttpServer();
      const bodies = [];
      for (const headers of [
        {},
        { 'X-API-Key': 'wrong-key-0000000000000' },
        { 'X-API-Key': OLD_KEY.slice(0, -1) },
        { 'X-API-Key': `${OLD_KEY}x` },
        { Authorization: `Bearer ${NEW_KEY.toUpperCase()}` },
        { Authorization: `Basic ${Buffer.from(`u:${NEW_KEY}`).toString('base64')}` },
        { Authorization: NEW_KEY },
      ]) {
        const res = await request(http).get('/api/v1/metrics').set(headers).expect(401);
        const { request_id: _id, ...rest } = res.body;
        bodies.push(rest);
      }
      for (const body of bodies) expect(body).toEqual(bodies[0]);
    });

    it('accepts either valid key, in X-API-Key or as a Bearer token', async () => {
      const http = app.getHttpServer();
      await request(http).get('/api/v1/metrics').set('X-API-Key', OLD_KEY).expect(200);
      await request(http).get('/api/v1/metrics').set('X-API-Key', NEW_KEY).expect(200);
      await request(http).get('/api/v1/metrics').set('Authorization', `Bearer ${OLD_KEY}`).expect(200);
      await request(http).get(`/api/v1/node/${ACINQ}/info`).set('Authorization', `bearer ${NEW_KEY}`).expect(200);
    });

    it('uses X-API-Key when both headers are sent', async () => {
      const http = app.getHttpServer();
      await request(http).get('/api/v1/metrics').set('X-API-Key', NEW_KEY).set('Authorization', 'Bearer not-a-key-000000000000').expect(200);
      await request(http).get('/api/v1/metrics').set('X-API-Key', 'not-a-key-000000000000').set('Authorization', `Bearer ${NEW_KEY}`).expect(401);
    });

    it('leaves the health probes and the docs open', async () => {
      const http = app.getHttpServer();
      await request(http).get('/api/v1/health').expect(200);
      await request(http).get('/api/v1/health/live').expect(200);
      await request(http).get('/api/v1/health/ready').expect(200);
      await request(http).get('/docs').expect(200);
    });

    it('requires a key for verbose health (environment, versions, memory, upstreams); plain health stays open', async () => {
      const http = app.getHttpServer();
      for (const query of ['verbose=true', 'verbose=TRUE', 'verbose=1', 'verbose=true&verbose=true']) {
        const refused = await request(http).get(`/api/v1/health?${query}`).expect(401);
        expect(refused.body).toMatchObject({ code: 'UNAUTHORIZED' });
        expect(JSON.stringify(refused.body)).not.toMatch(/node_version|memory|environment/i);
      }
      await request(http).get('/api/v1/health?verbose=true').set('X-API-Key', 'wrong-key-0000000000000').expect(401);
      // The probes read no verbose flag: a stray one changes nothing there.
      await request(http).get('/api/v1/health/live?verbose=true').expect(200);
      const plain = await request(http).get('/api/v1/health?verbose=false').expect(200);
      expect(plain.body.details).toBeUndefined();
      const verbose = await request(http).get('/api/v1/health?verbose=true').set('X-API-Key', NEW_KEY).expect(200);
      expect(verbose.body.details).toBeDefined();
    });
  });

  it('after the rotation (old key removed) the old key is refused and the new one works', async () => {
    const app = await createSecuredTestApp({ API_KEYS: NEW_KEY });
    try {
      await request(app.getHttpServer()).get('/api/v1/metrics').set('X-API-Key', OLD_KEY).expect(401);
      await request(app.getHttpServer()).get('/api/v1/metrics').set('X-API-Key', NEW_KEY).expect(200);
    } finally {
      await app.close();
    }
  });

  it('without API_KEYS (development) every route is open', async () => {
    const app = await createSecuredTestApp({ ENVIRONMENT: 'development' });
    try {
      await request(app.getHttpServer()).get('/api/v1/metrics').expect(200);
      await request(app.getHttpServer()).get(`/api/v1/node/${ACINQ}/info`).set('X-API-Key', 'anything-at-all-000000').expect(200);
      await request(app.getHttpServer()).get('/api/v1/health?verbose=true').expect(200);
    } finally {
      await app.close();
    }
  });
});
