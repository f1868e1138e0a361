import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { CentralityService, CentralityState } from '../../src/graph/centrality.service';
import reference from '../fixtures/centrality-reference-2026.json';
import { createTestApp, serverErrorRoutes, testRedisUrl } from '../utils/test-app';

const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
const SMALL = '02458c322518069b0a8c7490853289ed2c6a8aa838b78f1367808e99b8c9705c9e';
const ZOMBIE = '02d246c519845e7b23b02684d64ca23b750958e0307f9519849ee2535e3637999a';
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('network position and channel candidates on the embedded 2026 graph', () => {
  let app: NestExpressApplication;
  const namespace = `centrality-${Date.now()}`;

  beforeAll(async () => {
    app = await createTestApp({ REDIS_URL: testRedisUrl(), CACHE_NAMESPACE: namespace, GRAPH_HISTORY_SNAPSHOTS: '' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('is ready before the centralities, which finish in the background', async () => {
    await request(app.getHttpServer()).get('/api/v1/health/ready').expect(200);
    const state = await app.get(CentralityService).settled();
    expect(state).toMatchObject({ status: 'ready', origin: 'computed' });
    expect(state!.table!.routableCount).toBe(reference.routable_nodes);
  });

  // Reference: scripts/reference/centrality_reference.py, python-igraph (the C library) on the same routable graph.
  it.each(reference.nodes.map((n) => [n.label, n] as const))('matches igraph for %s', async (_label, ref) => {
    const { body } = await request(app.getHttpServer()).get(`/api/v1/node/${ref.pubkey}/info`).expect(200);
    const p = body.network_position;
    expect(p.routable).toBe(ref.routable);
    if (!ref.routable) {
      expect(p).toMatchObject({ status: 'ready', betweenness: null, closeness: null, eigenvector: null });
      return;
    }
    expect(p.status).toBe('ready');
    expect(close(p.betweenness.value, ref.betweenness as number)).toBe(true);
    expect(close(p.betweenness.normalized, ref.betweenness_normalized as number)).toBe(true);
    expect(p.betweenness.rank).toBe(ref.betweenness_rank);
    expect(close(p.closeness.value, ref.closeness_harmonic as number)).toBe(true);
    expect(p.closeness.rank).toBe(ref.closeness_rank);
    expect(close(p.eigenvector.normalized, ref.eigenvector_scaled as number)).toBe(true);
    expect(p.eigenvector.rank).toBe(ref.eigenvector_rank);
    expect(p.computed_at).toEqual(expect.any(String));
  });

  it('a second instance on the same Redis and graph reads the centralities instead of recomputing', async () => {
    const second = await createTestApp({ REDIS_URL: testRedisUrl(), CACHE_NAMESPACE: namespace, GRAPH_HISTORY_SNAPSHOTS: '' });
    try {
      const state = await second.get(CentralityService).settled();
      expect(state).toMatchObject({ status: 'ready', origin: 'cache' });
    } finally {
      await second.close();
    }
  });

  it('ranks channel candidates for a small node by vetting, then rank gains, with Sparkseer’s fields', async () => {
    const { body } = await request(app.getHttpServer()).get(`/api/v1/node/${SMALL}/channel-candidates`).query({ limit: 5 }).expect(200);
    expect(body.candidates).toHaveLength(5);
    expect(body.pool).toMatchObject({ simulated: 50 });
    expect(body.candidates.every((c: { vetting: { passed: boolean } }) => c.vetting.passed)).toBe(true);
    const gains = body.candidates.map((c: { gain_in_betweenness_rank: number }) => c.gain_in_betweenness_rank);
    expect(gains).toEqual([...gains].sort((a: number, b: number) => b - a));
    for (const c of body.candidates) {
      expect(c).toMatchObject({
        pubkey: expect.stringMatching(/^0[23][0-9a-f]{64}$/),
        gain_in_closeness_rank: expect.any(Number),
        gain_in_eigenvector_rank: expect.any(Number),
        minimum_viable_capacity: expect.any(Number),
        ideal_capacity: expect.any(Number),
        passive_fee_ppm: expect.any(Number),
        active_fee_ppm: expect.any(Number),
      });
      expect(c.minimum_viable_capacity).toBeLessThanOrEqual(c.ideal_capacity);
      expect(c.betweenness.gain).toBe(c.betweenness.rank_before - c.betweenness.rank_after);
      expect(c.gain_in_betweenness_rank).toBeGreaterThan(0);
    }
    expect(body.method).toMatch(/assume other nodes’ scores unchanged/);
  });

  it('filters by min_capacity', async () => {
    const { body } = await request(app.getHttpServer()).get(`/api/v1/node/${SMALL}/channel-candidates`).query({ limit: 50, min_capacity: 10_000_000_000 }).expect(200);
    expect(body.candidates.every((c: { capacity: number }) => c.capacity >= 10_000_000_000)).toBe(true);
  });

  it('evaluates the operator’s own shortlist, reporting peers it already has and unknown nodes', async () => {
    const info = await request(app.getHttpServer()).get(`/api/v1/node/${SMALL}/info`).expect(200);
    const peer = info.body.channels[0].peer_pubkey;
    const unknown = '03' + 'f'.repeat(64);
    const { body } = await request(app.getHttpServer())
      .post(`/api/v1/node/${SMALL}/channel-candidates/evaluate`)
      .send({ candidates: [{ pubkey: ACINQ.toUpperCase().replace(/^0X/, '') }, { pubkey: peer }, { pubkey: '0242a4ae0c5bef18048fbecf995094b74bfb0f7391418d71ed394784373f41e4f3', capacity: 2_000_000 }, { pubkey: unknown }] })
      .expect(200);
    const skipped = Object.fromEntries(body.skipped.map((s: { pubkey: string; reason: string }) => [s.pubkey, s.reason]));
    expect(skipped[peer]).toBe('already-peer');
    expect(skipped[unknown]).toBe('unknown-node');
    const coingate = body.candidates.find((c: { pubkey: string }) => c.pubkey.startsWith('0242a4ae'));
    expect(coingate).toMatchObject({ requested_capacity: 2_000_000, mean_hop_distance: { change: expect.any(Number) } });
    expect(coingate.mean_hop_distance.change).toBeLessThanOrEqual(0);
  });

  it.each([
    ['limit=0', 'GET', '?limit=0', /limit must be an integer between 1 and 50/],
    ['limit=51', 'GET', '?limit=51', /limit must be an integer between 1 and 50/],
    ['negative min_capacity', 'GET', '?min_capacity=-5', /min_capacity must be a whole number/],
    ['non-numeric min_capacity', 'GET', '?min_capacity=lots', /min_capacity must be a whole number/],
    ['empty shortlist', 'POST', { candidates: [] }, /at least one peer/],
    ['51 candidates', 'POST', { candidates: Array.from({ length: 51 }, () => ({ pubkey: ACINQ })) }, /at most 50 peers/],
    ['bad candidate pubkey', 'POST', { candidates: [{ pubkey: 'abc' }] }, /pubkey must be 66/],
    ['capacity below 20k sat', 'POST', { candidates: [{ pubkey: ACINQ, capacity: 10 }] }, /capacity must be a whole number of sats between 20000/],
    ['unknown candidate field', 'POST', { candidates: [{ pubkey: ACINQ, note: 'x' }] }, /property note should not exist/],
  ])('%s is a 400', async (_label, method, input, message) => {
    const base = `/api/v1/node/${SMALL}/channel-candidates`;
    const res =
      method === 'GET'
        ? await request(app.getHttpServer()).get(`${base}${input as string}`).expect(400)
        : await request(app.getHttpServer()).post(`${base}/evaluate`).send(input as object).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.detail).toMatch(message);
  });

  it('an unknown node is a 404; an unroutable node gets candidates from rank "none" and no 5xx anywhere', async () => {
    await request(app.getHttpServer()).get(`/api/v1/node/02${'0'.repeat(64)}/channel-candidates`).expect(404);
    const { body } = await request(app.getHttpServer()).get(`/api/v1/node/${ZOMBIE}/channel-candidates`).query({ limit: 3 }).expect(200);
    expect(body.routable).toBe(false);
    expect(body.candidates[0].betweenness.rank_before).toBe(reference.routable_nodes + 1);
    expect(serverErrorRoutes(app)).toEqual([]);
  });
});

/** Centralities that never finish, as while a new graph is being analysed. */
class ForeverComputing extends CentralityService {
  override current(): CentralityState {
    return { status: 'computing', graphVersion: 'x', table: null, context: null, computedAt: null, origin: null, error: null };
  }
}

describe('while centralities are computing', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await createTestApp({ GRAPH_HISTORY_SNAPSHOTS: '' }, (b) => b.overrideProvider(CentralityService).useClass(ForeverComputing));
  });
  afterAll(async () => {
    await app.close();
  });

  it('node info still answers, with status computing and the ready parts', async () => {
    const { body } = await request(app.getHttpServer()).get(`/api/v1/node/${ACINQ}/info`).expect(200);
    expect(body.network_position).toMatchObject({ status: 'computing', betweenness: null, degree: { rank: 1 } });
  });

  it('channel candidates answer 503 ANALYTICS_NOT_READY', async () => {
    const res = await request(app.getHttpServer()).get(`/api/v1/node/${ACINQ}/channel-candidates`).expect(503);
    expect(res.body.code).toBe('ANALYTICS_NOT_READY');
  });
});
