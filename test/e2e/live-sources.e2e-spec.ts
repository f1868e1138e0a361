import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { FakeUpstream } from '../doubles/fake-upstream';
import { lnbitsDouble } from '../doubles/lnbits.double';
import { LND_1ML, LND_ACINQ, LND_FEES, LND_OWN, lndDouble } from '../doubles/lnd.double';
import { MEMPOOL_NODE_WIRE, mempoolDouble } from '../doubles/mempool.double';
import { makeSelfSignedCert, SelfSignedCert } from '../doubles/self-signed-cert';
import { SPARKSEER_OWNER, sparkseerDouble } from '../doubles/sparkseer.double';
import { createTestApp, serverErrorRoutes, testRedisUrl } from '../utils/test-app';

const MACAROON = '0201036c6e64' + 'ab'.repeat(40);
const SPARKSEER_KEY = 'sk-live-sources-0001';
const LNBITS_ADMIN = 'lnbits-admin-live-0001';
const info = (pk: string) => `/api/v1/node/${pk}/info`;

describe('live sources: LND graph, mempool, Sparkseer, LNBits (local doubles)', () => {
  let tls: SelfSignedCert;
  const d: Record<'lnd' | 'mempool' | 'sparkseer' | 'lnbits', FakeUpstream> = {} as never;
  let app: NestExpressApplication;
  const env = () => ({
    REDIS_URL: testRedisUrl(),
    GRAPH_SOURCE: 'lnd',
    GRAPH_HISTORY_SNAPSHOTS: '',
    LND_REST_URL: d.lnd.url,
    LND_MACAROON_HEX: MACAROON,
    LND_TLS_CERT_PATH: tls.certPath,
    MEMPOOL_BASE_URL: `${d.mempool.url}/api`,
    SPARKSEER_API_KEY: SPARKSEER_KEY,
    SPARKSEER_BASE_URL: d.sparkseer.url,
    SPARKSEER_NODE_PUBKEY: SPARKSEER_OWNER,
    LNBITS_URL: d.lnbits.url,
    LNBITS_API_KEY: LNBITS_ADMIN,
    UPSTREAM_TIMEOUT_MS: '1500',
  });

  beforeAll(async () => {
    tls = makeSelfSignedCert();
    d.lnd = lndDouble({ macaroonHex: MACAROON, tls, nowSec: Math.floor(Date.now() / 1000) });
    d.mempool = mempoolDouble([{ ...MEMPOOL_NODE_WIRE, public_key: LND_OWN, alias: 'my-node (mempool)', active_channel_count: 2, capacity: '7000000' }]);
    d.sparkseer = sparkseerDouble({ keys: { [SPARKSEER_KEY]: SPARKSEER_OWNER } });
    d.lnbits = lnbitsDouble({ adminKey: LNBITS_ADMIN, invoiceKey: 'lnbits-invoice-live-0001', balanceMsat: 123_456_000 });
    for (const x of Object.values(d)) await x.start();
    app = await createTestApp(env());
  });
  afterAll(async () => {
    await app?.close();
    for (const x of Object.values(d)) await x.stop();
    tls.cleanup();
  });
  afterEach(() => {
    for (const x of Object.values(d)) x.reset();
  });

  it('serves the graph LND describes, and health shows every upstream connected', async () => {
    const { body } = await request(app.getHttpServer()).get('/api/v1/health').expect(200);
    expect(body.graph).toMatchObject({ loaded: true, nodes: 3, channels: 2, format: 'lnd-describegraph' });
    expect(body.graph.source).toMatch(/^lnd-graph:\d{4}-\d{2}-\d{2}$/);
    expect(body.services).toMatchObject({ lnd_api: 'connected', mempool_api: 'connected', sparkseer_api: 'connected', lnbits_api: 'connected', cache: 'connected' });
    expect(body.status).toBe('healthy');
  });

  it('node info for the operator’s own node merges every source, with real balances and routing revenue', async () => {
    const { body } = await request(app.getHttpServer()).get(info(LND_OWN)).query({ use_cache: false }).expect(200);
    expect(body.source).toMatch(/^lnd-graph:[\d-]+\+mempool\+sparkseer\+lnd\+lnbits$/);
    // The double's forwarding log: 25 forwards in the last 24 h, 325,000 msat of fees.
    expect(body.metrics.routing_revenue_24h).toBe(325);
    expect(body.own_node).toMatchObject({ forwards_24h: 25, routing_revenue_24h_msat: 325_000, local_balance: 3_120_440 + 150_000, channels: 2, active_channels: 1 });
    const acinq = body.channels.find((c: { peer_pubkey: string }) => c.peer_pubkey === LND_ACINQ);
    expect(acinq).toMatchObject({ short_channel_id: '790873x1120x1', balance: { local_sat: 3_120_440, remote_sat: 1_876_310, active: true } });
    const oneMl = body.channels.find((c: { peer_pubkey: string }) => c.peer_pubkey === LND_1ML);
    expect(oneMl.balance.forwarded_fees_msat).toBeGreaterThan(0);
    // Its current fees come from LND's /v1/fees (the gossip says no inbound discount; LND has 10 ppm), as the advice reads them.
    expect(oneMl.local_policy).toMatchObject({ fee_rate_ppm: 50, base_fee_msat: 1000, inbound_fee_rate_ppm: -10, fee_source: 'lnd' });
    expect(oneMl.remote_policy.fee_source).toBeUndefined();
    expect(body.live).toMatchObject({ alias: 'my-node (mempool)', capacity: 7_000_000 });
    expect(body.sparkseer.ranks).toBeDefined();
    expect(body.wallet).toEqual({ name: expect.any(String), balance_msat: 123_456_000 });
    expect(body.warnings).toEqual([]);
  });

  it('recommendations for the own node use the live balances (a depleted channel), with LND as evidence source', async () => {
    const { body } = await request(app.getHttpServer()).get(`/api/v1/node/${LND_OWN}/recommendations`).set('Accept-Language', 'en').expect(200);
    expect(body.source).toContain('+lnd');
    const depleted = body.recommendations.find((r: { rule: string }) => r.rule === 'liquidity_depleted');
    expect(depleted).toMatchObject({ target_nodes: [LND_1ML], direction: 'outbound', channel_id: '812345x2011x0' });
    expect(depleted.evidence.find((e: { name: string }) => e.name === 'local_balance')).toMatchObject({ value: 150_000, source: 'lnd' });
    // The channel's policy comes from LND's /v1/fees: its 10 ppm inbound discount (the gossip says 0) is the
    // current value, deepened to half the lowest outbound fee (25 ppm); the command repeats the current base
    // fee, fee rate and time_lock_delta, which updatechanpolicy would otherwise reset.
    expect(depleted.evidence.find((e: { name: string }) => e.name === 'current_inbound_fee_rate')).toMatchObject({ value: -10, source: 'lnd' });
    expect(depleted.commands.lnd).toBe(`lncli updatechanpolicy --base_fee_msat 1000 --fee_rate_ppm 50 --time_lock_delta 80 --inbound_base_fee_msat 0 --inbound_fee_rate_ppm -25 --chan_point ${'9ab2'.repeat(16)}:0`);
    expect(depleted.commands.revert.lnd).toContain('--inbound_fee_rate_ppm -10 --chan_point');
  });

  it('another node gets no own-node data, and the wallet is never shown for it', async () => {
    const { body } = await request(app.getHttpServer()).get(info(LND_ACINQ)).query({ use_cache: false }).expect(200);
    expect(body.own_node).toBeUndefined();
    expect(body.wallet).toBeUndefined();
    expect(body.metrics.routing_revenue_24h).toBeNull();
    expect(body.warnings.join(' ')).toMatch(/mempool has no record of this node/);
  });

  it('one upstream down: still 200, its last good answer marked stale', async () => {
    await request(app.getHttpServer()).get(info(LND_OWN)).query({ use_cache: false }).expect(200);
    d.mempool.inject({ type: 'status', status: 503, json: { error: 'down' } }, 50);
    const { body } = await request(app.getHttpServer()).get(info(LND_OWN)).query({ use_cache: false }).expect(200);
    expect(body.live.alias).toBe('my-node (mempool)');
    expect(body.source).toContain('+mempool');
    expect(body.warnings.join(' ')).toMatch(/mempool data is stale \(last fetched .*\)/);
  });

  it('every upstream down: the graph still answers, with a warning per missing source, no 5xx', async () => {
    for (const x of Object.values(d)) x.inject({ type: 'close' }, 100);
    const fresh = '0217890e3aad8d35bc054f43acc00084b25229ecff0ab68debd82883ad65ee8266'; // never fetched from mempool
    const { body } = await request(app.getHttpServer()).get(info(fresh)).query({ use_cache: false }).expect(200);
    expect(body.source).toMatch(/^lnd-graph:[\d-]+$/);
    expect(body.warnings.join(' ')).toMatch(/mempool unavailable/);
    expect(serverErrorRoutes(app)).toEqual([]);
    // Probes are cached 5 s so health never hammers upstreams: the state flips on the next probe.
    const until = Date.now() + 10_000;
    let status = '';
    while (Date.now() < until && status !== 'degraded') {
      status = (await request(app.getHttpServer()).get('/api/v1/health').expect(200)).body.status;
      if (status !== 'degraded') await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe('degraded');
  });

  it('metrics count calls per upstream, in JSON and Prometheus', async () => {
    const { body } = await request(app.getHttpServer()).get('/api/v1/metrics').expect(200);
    expect(body.upstreams.lnd.calls).toBeGreaterThan(0);
    expect(body.upstreams.mempool).toMatchObject({ configured: true });
    const prom = await request(app.getHttpServer()).get('/api/v1/metrics/prometheus').expect(200);
    expect(prom.text).toMatch(/upstream_requests_total\{[^}]*upstream="lnd"/);
  });

  it('the keys and the macaroon appear in no answer', async () => {
    const bodies = await Promise.all([info(LND_OWN), '/api/v1/health?verbose=true', '/api/v1/metrics'].map((u) => request(app.getHttpServer()).get(u)));
    for (const b of bodies) for (const secret of [MACAROON, SPARKSEER_KEY, LNBITS_ADMIN]) expect(b.text).not.toContain(secret);
  });
});

describe('GRAPH_SOURCE=lnd with LND down at boot', () => {
  it('falls back to the embedded snapshot and says so', async () => {
    const app = await createTestApp({ GRAPH_SOURCE: 'lnd', LND_REST_URL: 'https://127.0.0.1:1', LND_MACAROON_HEX: MACAROON, GRAPH_HISTORY_SNAPSHOTS: '', UPSTREAM_TIMEOUT_MS: '500' });
    try {
      const { body } = await request(app.getHttpServer()).get('/api/v1/health').expect(200);
      expect(body.graph).toMatchObject({ source: 'embedded-graph:2026-02-03', nodes: 17324 });
      expect(body.services.lnd_api).toBe('disconnected');
      expect(body.status).toBe('degraded');
    } finally {
      await app.close();
    }
  });
});

describe('own node whose LND already has an inbound discount on the depleted channel (/v1/fees)', () => {
  let tls: SelfSignedCert;
  let lnd: FakeUpstream;
  let app: NestExpressApplication;
  beforeAll(async () => {
    tls = makeSelfSignedCert();
    // The operator raised the 1ML channel's fee to 80 ppm and set a 40 ppm inbound discount since the last gossip.
    const fees = LND_FEES.map((f) => (f === LND_FEES[1] ? { ...f, fee_per_mil: '80', fee_rate: 0.00008, inbound_fee_per_mil: -40 } : f));
    lnd = lndDouble({ macaroonHex: MACAROON, tls, nowSec: Math.floor(Date.now() / 1000), channelFees: fees });
    await lnd.start();
    app = await createTestApp({ REDIS_URL: testRedisUrl(), GRAPH_SOURCE: 'lnd', GRAPH_HISTORY_SNAPSHOTS: '', LND_REST_URL: lnd.url, LND_MACAROON_HEX: MACAROON, LND_TLS_CERT_PATH: tls.certPath, UPSTREAM_TIMEOUT_MS: '1500' });
  });
  afterAll(async () => {
    await app?.close();
    await lnd?.stop();
    tls?.cleanup();
  });

  it('does not advise the discount again, and says it is already set', async () => {
    const { body } = await request(app.getHttpServer()).get(`/api/v1/node/${LND_OWN}/recommendations`).set('Accept-Language', 'en').expect(200);
    const depleted = body.recommendations.find((r: { rule: string }) => r.rule === 'liquidity_depleted');
    expect(depleted.target_nodes).toEqual([LND_1ML]);
    expect(depleted.commands).toBeNull();
    expect(depleted.action).toContain('a 40 ppm inbound discount is already set');
    expect(depleted.evidence.find((e: { name: string }) => e.name === 'current_inbound_fee_rate')).toMatchObject({ value: -40, source: 'lnd' });
    expect(JSON.stringify(body.recommendations)).not.toContain('--inbound_fee_rate_ppm -');
  });
});
