import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LndClient } from '../../../src/clients/lnd/lnd.client';
import { UpstreamMetrics } from '../../../src/clients/common/upstream-metrics.service';
import { UpstreamError } from '../../../src/clients/common/upstream.error';
import { ResilienceOverrides } from '../../../src/clients/common/resilience.options';
import { loadDescribeGraph } from '../../../src/graph/loaders/describegraph.loader';
import { CHAN_1ML, CHAN_ACINQ, LND_1ML, LND_ACINQ, LND_OWN, lndDouble } from '../../doubles/lnd.double';
import { LogCapture, everyRendering } from '../../doubles/log-capture';
import { FakeUpstream } from '../../doubles/fake-upstream';
import { SelfSignedCert, makeSelfSignedCert } from '../../doubles/self-signed-cert';

const MACAROON = '0201036c6e6402f801030a10' + 'ab'.repeat(40) + '1201301a160a0761646472657373120472656164120577726974651a13';
const NOW = 1_732_450_000;
const FAST: ResilienceOverrides = { lnd: { initialDelayMs: 5, maxDelayMs: 20, halfOpenAfterMs: 200, probeCacheMs: 200 } };

async function failure(p: Promise<unknown>): Promise<UpstreamError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UpstreamError);
    return e as UpstreamError;
  }
  throw new Error('expected the call to fail');
}

describe(LndClient.name, () => {
  const logs = new LogCapture().install();
  let tls: SelfSignedCert;
  let double: FakeUpstream;
  const clients: LndClient[] = [];
  const cfg = (o: Partial<ConstructorParameters<typeof LndClient>[0]> = {}) => ({
    restUrl: double.url,
    macaroonHex: MACAROON,
    macaroonPath: null,
    tlsCertPath: tls.certPath,
    timeoutMs: 2000,
    ...o,
  });
  const make = (o: Partial<ConstructorParameters<typeof LndClient>[0]> = {}, metrics = new UpstreamMetrics()) => {
    const c = new LndClient(cfg(o), metrics, FAST);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    tls = makeSelfSignedCert();
    double = lndDouble({ macaroonHex: MACAROON, tls, nowSec: NOW });
    await double.start();
  });
  afterAll(async () => {
    clients.forEach((c) => c.onModuleDestroy());
    await double.stop();
    tls.cleanup();
  });
  beforeEach(() => {
    double.reset();
    logs.clear();
  });

  describe('TLS and credentials', () => {
    it('talks HTTPS to a self-signed certificate it was given, sending the macaroon as hex', async () => {
      const info = await make().getInfo();
      expect(info.identityPubkey).toBe(LND_OWN);
      expect(double.requests[0].headers['grpc-metadata-macaroon']).toBe(MACAROON);
    });

    it('refuses the self-signed certificate without LND_TLS_CERT_PATH (no verification bypass), without retrying', async () => {
      const err = await failure(make({ tlsCertPath: null }).getInfo());
      expect(err.kind).toBe('tls');
      expect(err.attempts).toBe(1);
      expect(double.requests).toHaveLength(0);
    });

    it('refuses a different self-signed certificate', async () => {
      const other = makeSelfSignedCert('someone-else');
      try {
        const err = await failure(make({ tlsCertPath: other.certPath }).getInfo());
        expect(err.kind).toBe('tls');
      } finally {
        other.cleanup();
      }
    });

    it('reads a binary macaroon file and sends it as hex', async () => {
      const path = join(tls.dir, 'readonly.macaroon');
      writeFileSync(path, Buffer.from(MACAROON, 'hex'));
      await make({ macaroonHex: null, macaroonPath: path }).getInfo();
      expect(double.requests[0].headers['grpc-metadata-macaroon']).toBe(MACAROON);
    });

    it('is not configured without a macaroon, or with an unreadable one, and makes no request', async () => {
      const none = make({ macaroonHex: null });
      expect(none.configured).toBe(false);
      expect(await none.probe()).toBe('not_configured');
      expect((await failure(none.getInfo())).kind).toBe('not_configured');
      const missing = make({ macaroonHex: null, macaroonPath: '/nonexistent/admin.macaroon' });
      expect(missing.configured).toBe(false);
      expect(logs.at('error').join('\n')).toContain('LND_MACAROON_PATH /nonexistent/admin.macaroon cannot be read');
      expect(double.requests).toHaveLength(0);
    });

    it('reports a refused macaroon (LND answers 500) as auth, not retried, breaker untouched, macaroon nowhere', async () => {
      const wrong = 'ff'.repeat(60);
      const c = make({ macaroonHex: wrong });
      const errs: UpstreamError[] = [];
      for (let i = 0; i < 6; i++) errs.push(await failure(c.getInfo()));
      expect(errs[0]).toMatchObject({ kind: 'auth', status: 500, attempts: 1 });
      expect(errs[0].cause?.message).toContain('verification failed');
      expect(double.requests).toHaveLength(6);
      expect(c.breakerState).toBe('closed');
      for (const e of errs) expect(everyRendering(e)).not.toMatch(new RegExp(`${wrong}|${MACAROON}`, 'i'));
      expect(logs.text()).not.toMatch(new RegExp(`${wrong}|${MACAROON}`, 'i'));
    });
  });

  describe('mapping LND JSON (int64 as strings, sat vs msat)', () => {
    it('getinfo', async () => {
      expect(await make().getInfo()).toEqual({
        identityPubkey: LND_OWN,
        alias: 'my-node',
        color: '#3399ff',
        version: '0.18.3-beta commit=v0.18.3-beta',
        numActiveChannels: 1,
        numInactiveChannels: 1,
        numPendingChannels: 0,
        numPeers: 2,
        blockHeight: 870123,
        syncedToChain: true,
        syncedToGraph: true,
        network: 'mainnet',
        uris: [`${LND_OWN}@203.0.113.5:9735`],
      });
    });

    it('describegraph comes back raw and loads with loadDescribeGraph', async () => {
      const json = await make().describeGraph();
      expect(typeof json.edges[0].capacity).toBe('string');
      const graph = loadDescribeGraph({ name: 'lnd-live', version: 'test', json, mtime: new Date() });
      expect(graph).toBeDefined();
      expect(double.requests[0].query.get('include_unannounced')).toBe('false');
    });

    it('getnodeinfo, and null for a node LND does not know (404), without retry', async () => {
      const c = make();
      expect(await c.getNodeInfo(LND_ACINQ)).toEqual({
        pubkey: LND_ACINQ,
        alias: 'ACINQ',
        color: '#49daaa',
        lastUpdate: 1732440000,
        addresses: ['203.0.113.5:9735'],
        numChannels: 1,
        totalCapacitySat: 5_000_000,
      });
      double.reset();
      expect(await c.getNodeInfo('02' + '11'.repeat(32))).toBeNull();
      expect(double.requests).toHaveLength(1);
    });

    it('listchannels: balances in sat as numbers, channel ids kept as strings with their short id', async () => {
      const channels = await make().listChannels();
      expect(channels).toHaveLength(2);
      expect(channels[0]).toMatchObject({
        chanId: CHAN_ACINQ,
        shortChannelId: '790873x1120x1',
        remotePubkey: LND_ACINQ,
        capacitySat: 5_000_000,
        localBalanceSat: 3_120_440,
        remoteBalanceSat: 1_876_310,
        commitFeeSat: 2810,
        active: true,
        localChanReserveSat: 50_000,
      });
      expect(channels[1]).toMatchObject({ chanId: CHAN_1ML, remotePubkey: LND_1ML, active: false });
      const active = await make().listChannels({ activeOnly: true });
      expect(active.map((c) => c.chanId)).toEqual([CHAN_ACINQ]);
    });

    it('feereport: base fees msat, rates ppm, revenue sums sat', async () => {
      const r = await make().feeReport();
      expect(r).toMatchObject({ dayFeeSumSat: 325, weekFeeSumSat: 820, monthFeeSumSat: 1290 });
      expect(r.channelFees[1]).toEqual({ chanId: CHAN_1ML, channelPoint: expect.any(String), baseFeeMsat: 1000, feeRatePpm: 50, inboundBaseFeeMsat: 0, inboundFeeRatePpm: -10 });
    });

    it('forwarding history pages through /v1/switch (a POST that is only a read, so it may be retried)', async () => {
      const c = make();
      double.inject({ type: 'status', status: 503 }, 1);
      const { events, complete } = await c.forwardingHistory(NOW - 31 * 3600, NOW, { pageSize: 7 });
      expect(events).toHaveLength(30);
      expect(complete).toBe(true);
      const posts = double.requests.filter((r) => r.method === 'POST');
      // 1 retried 503 + ceil(30 / 7) = 5 pages.
      expect(posts).toHaveLength(6);
      expect(JSON.parse(posts[2].body)).toEqual({ start_time: String(NOW - 31 * 3600), end_time: String(NOW), index_offset: 7, num_max_events: 7 });
      expect(events[0]).toEqual({ timestamp: NOW - 30 * 3600, chanIdIn: CHAN_ACINQ, chanIdOut: CHAN_1ML, amtInMsat: 250_099_000, amtOutMsat: 250_000_000, feeMsat: 99_000 });
    });

    it('stops at maxEvents and says the list is incomplete', async () => {
      const r = await make().forwardingHistory(0, NOW, { maxEvents: 10, pageSize: 4 });
      expect(r.events).toHaveLength(10);
      expect(r.complete).toBe(false);
    });

    it('sums the last 24 h of forwarding fees in msat (routing_revenue_24h)', async () => {
      const s = await make().forwardingSummary24h(new Date(NOW * 1000));
      expect(s).toEqual({ revenueMsat24h: 325_000, count: 25, from: NOW - 86_400, to: NOW, complete: true });
    });
  });

  describe('probe', () => {
    it('is connected, cached for a few seconds, and disconnected when LND is down', async () => {
      const metrics = new UpstreamMetrics();
      const c = make({}, metrics);
      expect(await c.probe()).toBe('connected');
      expect(await c.probe()).toBe('connected');
      expect(double.requests).toHaveLength(1);
      const down = make({ restUrl: 'https://127.0.0.1:1' });
      expect(await down.probeReport()).toMatchObject({ upstream: 'lnd', state: 'disconnected', errorKind: 'network' });
      expect(metrics.snapshot().upstreams.lnd).toMatchObject({ configured: true, calls: 1, successes: 1 });
    });
  });
});
