import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { MempoolChannelWire } from '../../src/clients/mempool/mempool.wire';
import { LND_1ML, LND_ACINQ, LND_OWN, lndDouble } from '../doubles/lnd.double';
import { MEMPOOL_NODE_WIRE, mempoolChannels, mempoolDouble } from '../doubles/mempool.double';
import { FakeUpstream, RecordedRequest } from '../doubles/fake-upstream';
import { makeSelfSignedCert, SelfSignedCert } from '../doubles/self-signed-cert';
import { createTestApp, serverErrorRoutes, testRedisUrl } from '../utils/test-app';

/**
 * Nodes the embedded graph (2026-02-03) does not know, served from the live sources that do (issue 23):
 * FRESH only mempool knows (23 channels: three pages of mempool's list), LND_OWN only LND's graph knows.
 */
const MACAROON = '0201036c6e64' + 'cd'.repeat(40);
const FRESH = '02' + 'ab'.repeat(32);
const NOBODY = '03' + 'cd'.repeat(32);
const NEVER_FETCHED = '02' + 'ef'.repeat(32);
const info = (pk: string) => `/api/v1/node/${pk}/info`;

/** mempool's 23-channel example list, with the two largest channels toward nodes the embedded graph knows. */
function freshChannels(): MempoolChannelWire[] {
  const chans = mempoolChannels();
  chans[0] = { ...chans[0], node: { alias: 'ACINQ', public_key: LND_ACINQ, channels: 2900, capacity: '38000000000' } };
  chans[1] = { ...chans[1], node: { alias: '1ML.com node ALPHA', public_key: LND_1ML, channels: 300, capacity: '500000000' } };
  return chans;
}

describe('nodes unknown to the graph, served from live sources (mempool, LND doubles)', () => {
  let tls: SelfSignedCert;
  let lnd: FakeUpstream;
  let mempool: FakeUpstream;
  let app: NestExpressApplication;
  const channelPages = () => mempool.requests.filter((r) => r.path === '/api/v1/lightning/channels' && r.query.get('public_key') === FRESH);
  const isLnd = (pk: string) => (r: RecordedRequest) => r.path.includes(pk);

  beforeAll(async () => {
    tls = makeSelfSignedCert();
    lnd = lndDouble({ macaroonHex: MACAROON, tls, nowSec: Math.floor(Date.now() / 1000) });
    const chans = freshChannels();
    mempool = mempoolDouble([{ ...MEMPOOL_NODE_WIRE, public_key: FRESH, alias: 'fresh-node', color: '#123456', active_channel_count: 20, capacity: String(chans.reduce((s, c) => s + c.capacity, 0)) }], { [FRESH]: chans });
    await lnd.start();
    await mempool.start();
    app = await createTestApp({
      REDIS_URL: testRedisUrl(),
      GRAPH_HISTORY_SNAPSHOTS: '',
      LND_REST_URL: lnd.url,
      LND_MACAROON_HEX: MACAROON,
      LND_TLS_CERT_PATH: tls.certPath,
      MEMPOOL_BASE_URL: `${mempool.url}/api`,
      UPSTREAM_TIMEOUT_MS: '1500',
    });
  });
  afterAll(async () => {
    await app?.close();
    await lnd?.stop();
    await mempool?.stop();
    tls?.cleanup();
  });
  afterEach(() => {
    lnd.reset();
    mempool.reset();
  });

  it('a node only mempool knows: 200 from mempool, every channel page read, a warning that the graph lacks it', async () => {
    const { body } = await request(app.getHttpServer()).get(info(FRESH)).expect(200);
    expect(body.live_source).toBe('mempool');
    expect(body.stale).toBe(false);
    expect(body.source).toMatch(/^mempool\+embedded-graph:2026-02-03/);
    expect(body.warnings.join(' ')).toMatch(/node not in the graph of 2026-02-03 .*live source mempool/);
    // LND was asked first and does not know it (404 code 5).
    expect(lnd.requests.some((r) => r.path === `/v1/graph/node/${FRESH}` && r.query.get('include_channels') === 'true')).toBe(true);
    // 23 channels: pages at offsets 0, 10, 20 (X-Total-Count 23).
    expect(channelPages().map((r) => r.query.get('index'))).toEqual(['0', '10', '20']);
    expect(body.channels).toHaveLength(23);
    expect(body.node_info).toEqual({ alias: 'fresh-node', color: '#123456', features: null });
    const acinq = body.channels.find((c: { peer_pubkey: string }) => c.peer_pubkey === LND_ACINQ);
    expect(acinq).toMatchObject({ short_channel_id: '751361x1324x1', block_height: 751361, capacity: 59_200_000, usable: true, remote_policy: null });
    expect(acinq.local_policy).toMatchObject({ fee_rate_ppm: 1, base_fee_msat: null, cltv_delta: null, disabled: false });
    // Every 7th channel is inactive in the double (status 0): 20 active channels, 20 distinct active peers.
    expect(body.metrics).toMatchObject({ total_channels: 23, active_channels: 20, distinct_peers: 23, routing_revenue_24h: null });
    const pos = body.network_position;
    expect(pos).toMatchObject({ status: 'unavailable', betweenness: null, closeness: null, eigenvector: null, mean_hop_distance: null, snapshot_date: '2026-02-03', total_nodes: 17_324 });
    expect(pos.reason).toMatch(/not in the graph/);
    expect(pos.degree.value).toBe(20);
    expect(pos.degree.rank).toBeGreaterThan(1);
    expect(pos.degree.percentile).toBeGreaterThan(50);
    expect(pos.degree.percentile).toBeLessThan(100);
    expect(pos.capacity.value).toBe(body.metrics.active_capacity);
  });

  it('recommendations and a plan for that node, from its fees against the competition into peers the graph knows, with lowered confidence stated', async () => {
    const recs = await request(app.getHttpServer()).get(`/api/v1/node/${FRESH}/recommendations`).set('Accept-Language', 'en').expect(200);
    expect(recs.body.source).toMatch(/^mempool\+embedded-graph/);
    const said = recs.body.warnings.join(' ');
    expect(said).toMatch(/2 of 23 channels lead to peers the graph knows/);
    expect(said).toMatch(/confidence lowered ×0\.7/);
    expect(said).toMatch(/mempool does not report base_fee_msat or cltv_delta/);
    expect(said).toMatch(/mempool does not report the peers’ policies: a channel it lists as inactive is read as having no enabled direction/);
    expect(recs.body.recommendations.length).toBeGreaterThan(0);
    for (const r of recs.body.recommendations) expect(r.confidence).toBeLessThanOrEqual(0.7);
    const plan = await request(app.getHttpServer()).post(`/api/v1/node/${FRESH}/priorities`).send({ goals: ['routing_revenue'] }).expect(200);
    expect(plan.body.source).toMatch(/^mempool\+embedded-graph/);
    expect(plan.body.warnings.join(' ')).toMatch(/confidence lowered/);
  });

  it('channel candidates for that node: 404 saying why (simulated on the graph, which lacks it)', async () => {
    const { body } = await request(app.getHttpServer()).get(`/api/v1/node/${FRESH}/channel-candidates`).expect(404);
    expect(body.code).toBe('NODE_NOT_FOUND');
    expect(body.detail).toMatch(/channel candidates are simulated by adding channels to that graph/);
  });

  it('the same through LND: a node its graph knows, with both policies of every channel', async () => {
    const { body } = await request(app.getHttpServer()).get(info(LND_OWN)).query({ use_cache: false }).expect(200);
    expect(body.live_source).toBe('lnd');
    expect(body.source).toMatch(/^lnd\+embedded-graph:2026-02-03/);
    expect(body.warnings.join(' ')).toMatch(/node not in the graph of 2026-02-03 .*live source lnd/);
    expect(body.channels.map((c: { peer_pubkey: string }) => c.peer_pubkey)).toEqual([LND_ACINQ, LND_1ML]);
    const [acinq, oneMl] = body.channels;
    expect(acinq.local_policy).toMatchObject({ base_fee_msat: 1000, fee_rate_ppm: 100, cltv_delta: 80, min_htlc_msat: 1000, max_htlc_msat: 4_950_000_000 });
    expect(acinq.remote_policy).toBeNull();
    expect(oneMl.remote_policy).toMatchObject({ base_fee_msat: 0, fee_rate_ppm: 250 });
    expect(body.network_position.degree.value).toBe(2);
    // LND_OWN is also the double's own node: its live balances join as for a graph node.
    expect(body.own_node).toMatchObject({ channels: 2 });
    expect(acinq.balance).toMatchObject({ local_sat: 3_120_440 });
  });

  it('a node no source knows: 404 naming the sources asked', async () => {
    const { body } = await request(app.getHttpServer()).get(info(NOBODY)).expect(404);
    expect(body.code).toBe('NODE_NOT_FOUND');
    expect(body.detail).toBe(`Node ${NOBODY} is not in the Lightning graph of 2026-02-03, and no live source knows it (asked: lnd, mempool)`);
  });

  it('mempool down afterwards: the last good answer, marked stale', async () => {
    mempool.inject({ type: 'status', status: 503, json: { error: 'down' } }, 100);
    const { body } = await request(app.getHttpServer()).get(info(FRESH)).query({ use_cache: false }).expect(200);
    expect(body.live_source).toBe('mempool');
    expect(body.stale).toBe(true);
    expect(Date.parse(body.live_fetched_at)).not.toBeNaN();
    expect(body.channels).toHaveLength(23);
    expect(body.warnings.join(' ')).toMatch(/mempool data is stale \(last fetched .*\)/);
  });

  it('a source failing with no earlier copy: 503, never a 404 it cannot know', async () => {
    mempool.inject({ type: 'close' }, 100);
    const { body } = await request(app.getHttpServer()).get(info(NEVER_FETCHED)).query({ use_cache: false }).expect(503);
    expect(body.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(body.detail).toMatch(/live sources could not be asked: mempool: /);
  });

  it('LND down afterwards: its last good answer, marked stale', async () => {
    lnd.inject({ type: 'status', status: 503, json: { code: 14, message: 'unavailable', details: [] } }, 100, isLnd(LND_OWN));
    const { body } = await request(app.getHttpServer()).get(info(LND_OWN)).query({ use_cache: false }).expect(200);
    expect(body.live_source).toBe('lnd');
    expect(body.stale).toBe(true);
    expect(body.channels).toHaveLength(2);
    expect(body.warnings.join(' ')).toMatch(/lnd data is stale \(last fetched .*\)/);
    expect(serverErrorRoutes(app, { 'GET /api/v1/node/:pubkey/info': 1 })).toEqual([]);
  });
});

describe('a node the graph lacks with no live source configured', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await createTestApp({ REDIS_URL: testRedisUrl(), GRAPH_HISTORY_SNAPSHOTS: '' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('404 naming the variables that configure one', async () => {
    const { body } = await request(app.getHttpServer()).get(info(FRESH)).expect(404);
    expect(body.code).toBe('NODE_NOT_FOUND');
    expect(body.detail).toMatch(/no live source is configured to look it up: set LND_REST_URL with LND_MACAROON_HEX or LND_MACAROON_PATH, or CLN_REST_URL with CLN_RUNE, or MEMPOOL_BASE_URL$/);
  });
});
