import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { FakeUpstream } from '../doubles/fake-upstream';
import { SPARKSEER_OWNER, sparkseerDouble } from '../doubles/sparkseer.double';
import { createTestApp, serverErrorRoutes, testRedisUrl } from '../utils/test-app';

const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';

describe('health, metrics and the OpenAPI document', () => {
  let app: NestExpressApplication;
  let sparkseer: FakeUpstream;

  beforeAll(async () => {
    sparkseer = sparkseerDouble({ keys: { 'sk-test-not-a-real-key': SPARKSEER_OWNER } });
    await sparkseer.start();
    app = await createTestApp({
      REDIS_URL: testRedisUrl(),
      SPARKSEER_API_KEY: 'sk-test-not-a-real-key',
      SPARKSEER_BASE_URL: sparkseer.url,
      SPARKSEER_NODE_PUBKEY: SPARKSEER_OWNER,
    });
  });
  afterAll(async () => {
    await app.close();
    await sparkseer.stop();
  });

  it('GET /health answers the product document shape plus the graph', async () => {
    const { body } = await request(app.getHttpServer()).get('/api/v1/health').expect(200);
    expect(body).toMatchObject({
      status: 'healthy',
      services: { openai_api: 'not_configured', lnbits_api: 'not_configured', cache: 'connected', sparkseer_api: 'connected', lnd_api: 'not_configured', mempool_api: 'not_configured', cln_api: 'not_configured' },
      version: '1.0.0',
      graph: { loaded: true, nodes: 17324, channels: 50808, routable_nodes: 6976, snapshot_date: '2026-02-03', format: 'lnd-describegraph' },
      reasons: [],
    });
    expect(typeof body.uptime_seconds).toBe('number');
    expect(body.cache_stats).toMatchObject({ backend: 'redis', hits: expect.any(Number), misses: expect.any(Number) });
    expect(body.details).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain('sk-test-not-a-real-key');
  });

  it('GET /health?verbose=true adds details; a bad verbose value is a 400', async () => {
    const { body } = await request(app.getHttpServer()).get('/api/v1/health?verbose=true').expect(200);
    expect(body.details).toMatchObject({ checks: { graph: { status: 'up' }, cache: { status: 'up' } }, memory_mb: expect.any(Object) });
    await request(app.getHttpServer()).get('/api/v1/health?verbose=loud').expect(400);
  });

  it('without REDIS_URL the in-memory cache is reported as the working cache it is', async () => {
    const memoryApp = await createTestApp({ GRAPH_HISTORY_SNAPSHOTS: '' });
    try {
      const { body } = await request(memoryApp.getHttpServer()).get('/api/v1/health').expect(200);
      expect(body).toMatchObject({ status: 'healthy', services: { cache: 'connected' }, cache_stats: { backend: 'memory', redis: 'not_configured' }, reasons: [] });
    } finally {
      await memoryApp.close();
    }
  });

  it('live and ready probes answer 200 once the graph is loaded', async () => {
    const live = await request(app.getHttpServer()).get('/api/v1/health/live').expect(200);
    expect(live.body).toEqual({ status: 'ok', uptime_seconds: expect.any(Number) });
    const ready = await request(app.getHttpServer()).get('/api/v1/health/ready').expect(200);
    expect(ready.body.status).toBe('ok');
  });

  it('GET /metrics counts requests per route with percentiles, cache ratio and error rates', async () => {
    const http = app.getHttpServer();
    await request(http).get(`/api/v1/node/${ACINQ}/info`).expect(200);
    await request(http).get(`/api/v1/node/${ACINQ}/info`).expect(200);
    await request(http).get('/api/v1/node/nope/info').expect(400);
    const { body } = await request(http).get('/api/v1/metrics').expect(200);
    expect(body).toMatchObject({
      request_count: expect.any(Number),
      average_response_time: expect.any(Number),
      cache_hit_ratio: expect.any(Number),
      error_rate: 0,
      last_updated: expect.any(String),
    });
    const route = body.routes.find((r: { route: string }) => r.route === '/api/v1/node/:pubkey/info');
    expect(route).toMatchObject({ method: 'GET', request_count: 3, error_rate: 0 });
    expect(route.client_error_rate).toBeCloseTo(1 / 3, 3);
    expect(route.p50).toBeLessThanOrEqual(route.p95);
    expect(route.p95).toBeLessThanOrEqual(route.p99);
    expect(body.cache_hit_ratio).toBeGreaterThan(0);
    expect(JSON.stringify(body.routes)).not.toContain(ACINQ);
  });

  it('GET /metrics/prometheus exposes histograms in the text format', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/metrics/prometheus').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(/# TYPE http_request_duration_seconds histogram/);
    expect(res.text).toMatch(/http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/v1\/node\/:pubkey\/info",status_code="200"\}/);
    expect(res.text).toMatch(/cache_operations_total\{result="hit"\} \d+/);
    expect(res.text).toMatch(/process_resident_memory_bytes/);
  });

  it('serves Swagger UI at /docs and the OpenAPI JSON at /docs-json', async () => {
    await request(app.getHttpServer()).get('/docs').expect(200).expect('content-type', /html/);
    const { body } = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/v1/node/{pubkey}/info', '/api/v1/health', '/api/v1/metrics']));
    expect(body.paths['/api/v1/node/{pubkey}/info'].get.operationId).toBe('getNodeInfo');
    expect(body.components.schemas.ProblemDetailsDto).toBeDefined();
  });

  it('propagates a caller X-Request-Id and answered no 5xx', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/health/live').set('X-Request-Id', 'abc-123').expect(200);
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(serverErrorRoutes(app)).toEqual([]);
  });
});
