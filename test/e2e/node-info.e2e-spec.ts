import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import reference from '../fixtures/node-reference-2026.json';
import { backgroundSettled, createTestApp, serverErrorRoutes, testRedisUrl } from '../utils/test-app';

const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
const info = (pk: string) => `/api/v1/node/${pk}/info`;

describe('GET /api/v1/node/{pubkey}/info (embedded 2026 graph, Redis cache)', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createTestApp({ REDIS_URL: testRedisUrl() });
  });
  afterAll(async () => {
    await app.close();
  });

  // Reference figures come from scripts/reference/node_reference.py, which re-reads the snapshot with
  // Python's standard library and shares no code with the service.
  describe.each(reference.nodes.map((n) => [n.label, n] as const))('matches the independent reference for %s', (_label, ref) => {
    it('reports the same metrics and network position', async () => {
      const res = await request(app.getHttpServer()).get(info(ref.pubkey)).expect(200);
      const b = res.body;
      expect(b.pubkey).toBe(ref.pubkey);
      expect(b.node_info.alias).toBe(ref.alias);
      expect(b.metrics).toMatchObject({
        total_channels: ref.total_channels,
        total_capacity: ref.total_capacity,
        active_channels: ref.active_channels,
        active_capacity: ref.active_capacity,
        distinct_peers: ref.distinct_peers,
        active_peers: ref.active_peers,
        median_channel_size: ref.median_channel_size,
        median_outbound_fee_rate_ppm: ref.median_outbound_fee_rate_ppm,
        median_outbound_base_fee_msat: ref.median_outbound_base_fee_msat,
        routing_revenue_24h: null,
      });
      expect(b.channels).toHaveLength(ref.total_channels);
      expect(b.network_position).toMatchObject({
        total_nodes: reference.total_nodes,
        routable_nodes: reference.routable_nodes,
        routable: ref.degree > 0,
        degree: { value: ref.degree, rank: ref.degree_rank, percentile: ref.degree_percentile },
        capacity: { value: ref.capacity, rank: ref.capacity_rank, percentile: ref.capacity_percentile },
      });
    });
  });

  it('answers in the product document shape, with facts the source lacks left null', async () => {
    const { body } = await request(app.getHttpServer()).get(info(ACINQ)).query({ use_cache: false }).expect(200);
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['pubkey', 'node_info', 'metrics', 'channels', 'network_position', 'timestamp', 'source', 'cache_hit']),
    );
    expect(body.source).toBe('embedded-graph:2026-02-03');
    expect(body.node_info.color).toBeNull();
    expect(body.node_info.features).toBeNull();
    expect(body.network_position.snapshot_date).toBe('2026-02-03');
    expect(body.warnings.join(' ')).toMatch(/routing_revenue_24h/);
    const ch = body.channels[0];
    expect(ch.short_channel_id).toBeNull();
    expect(ch.block_height).toBeNull();
    expect(ch.peer_pubkey).toMatch(/^0[23][0-9a-f]{64}$/);
    // ACINQ's own policy is 1000 msat + 499 ppm, cltv 144 (checked in data/PROVENANCE.md).
    const own = body.channels.map((c: { local_policy: { fee_rate_ppm: number } | null }) => c.local_policy).filter(Boolean);
    expect(own.some((p: { fee_rate_ppm: number; cltv_delta: number }) => p.fee_rate_ppm === 499 && p.cltv_delta === 144)).toBe(true);
    const caps = body.channels.map((c: { capacity: number }) => c.capacity);
    expect(caps).toEqual([...caps].sort((a, b) => b - a));
  });

  it('serves the second request from the cache, and use_cache=false refreshes it', async () => {
    await backgroundSettled(app);
    const pk = reference.nodes[2].pubkey;
    const first = await request(app.getHttpServer()).get(info(pk)).query({ use_cache: false }).expect(200);
    expect(first.body.cache_hit).toBe(false);
    const second = await request(app.getHttpServer()).get(info(pk)).expect(200);
    expect(second.body.cache_hit).toBe(true);
    expect(second.body.timestamp).toBe(first.body.timestamp);
    const refreshed = await request(app.getHttpServer()).get(info(pk)).query({ use_cache: 'false' }).expect(200);
    expect(refreshed.body.cache_hit).toBe(false);
    expect(refreshed.body.timestamp >= first.body.timestamp).toBe(true);
    const after = await request(app.getHttpServer()).get(info(pk)).expect(200);
    expect(after.body.timestamp).toBe(refreshed.body.timestamp);
  });

  it('accepts an upper-case pubkey and answers for its lower-case form', async () => {
    const { body } = await request(app.getHttpServer()).get(info(ACINQ.toUpperCase().replace(/^0X/, '0x'))).expect(200);
    expect(body.pubkey).toBe(ACINQ);
  });

  it('adds the history from the 2024 and 2021 snapshots with the change since each', async () => {
    const { body } = await request(app.getHttpServer()).get(info(ACINQ)).query({ include_historical: true }).expect(200);
    expect(body.source).toBe('embedded-graph:2026-02-03+embedded-history');
    expect(body.historical.map((h: { snapshot_date: string }) => h.snapshot_date)).toEqual(['2024-09-22', '2021-04-16']);
    const [h2024, h2021] = body.historical;
    // data/PROVENANCE.md: ACINQ had 3,723 channels on 2024-09-22; the 2021 listchannels file lists 1,411 directed entries for it.
    expect(h2024).toMatchObject({ present: true, total_channels: 3723, nodes_in_snapshot: 18212 });
    expect(h2024.change.total_channels).toBe(1989 - 3723);
    expect(h2021.present).toBe(true);
    expect(h2021.nodes_in_snapshot).toBe(8827);
    expect(h2021.change.degree_rank).toBe(body.network_position.degree.rank - h2021.degree_rank);
  });

  it('reports a node absent from an older snapshot as not present, with null figures', async () => {
    const small = reference.nodes.find((n) => n.label.startsWith('Instant'))!;
    const { body } = await request(app.getHttpServer()).get(info(small.pubkey)).query({ include_historical: 'true' }).expect(200);
    const h2021 = body.historical.find((h: { snapshot_date: string }) => h.snapshot_date === '2021-04-16');
    if (!h2021.present) {
      expect(h2021.total_channels).toBeNull();
      expect(h2021.change.total_channels).toBeNull();
    } else {
      expect(typeof h2021.total_channels).toBe('number');
    }
  });

  describe('bad input is a 4xx problem+json, never a 5xx', () => {
    const cases: Array<[string, string, number, string, RegExp]> = [
      ['too short', '/api/v1/node/abc/info', 400, 'VALIDATION_FAILED', /66 hexadecimal characters \(got 3\)/],
      ['not hex', `/api/v1/node/${'02' + 'z'.repeat(64)}/info`, 400, 'VALIDATION_FAILED', /hexadecimal/],
      ['wrong prefix', `/api/v1/node/${'04' + 'a'.repeat(64)}/info`, 400, 'VALIDATION_FAILED', /start with 02 or 03/],
      ['too long', `/api/v1/node/${ACINQ}00/info`, 400, 'VALIDATION_FAILED', /got 68/],
      ['unknown node', `/api/v1/node/02${'f'.repeat(64)}/info`, 404, 'NODE_NOT_FOUND', /not in the Lightning graph of 2026-02-03/],
      ['bad flag', `${info(ACINQ)}?include_historical=yes`, 400, 'VALIDATION_FAILED', /include_historical must be true or false/],
      ['unknown query field', `${info(ACINQ)}?verbose=1`, 400, 'VALIDATION_FAILED', /property verbose should not exist/],
      ['repeated flag', `${info(ACINQ)}?use_cache=true&use_cache=false`, 400, 'VALIDATION_FAILED', /use_cache must be true or false/],
      ['unknown route', '/api/v1/nodes/whatever', 404, 'ROUTE_NOT_FOUND', /No such route/],
      ['url-encoded junk', '/api/v1/node/%00%ff/info', 400, 'VALIDATION_FAILED', /.+/],
    ];
    it.each(cases)('%s', async (_name, url, status, code, detail) => {
      const res = await request(app.getHttpServer()).get(url).expect(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ status, code, instance: expect.any(String), type: expect.stringMatching(/^urn:/) });
      expect(res.body.detail).toMatch(detail);
    });
  });

  it('answered no request of this suite with a 5xx', () => {
    expect(serverErrorRoutes(app)).toEqual([]);
  });
});
