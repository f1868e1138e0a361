import { ClnLiveNodeSource } from '../../../src/intelligence/live-node/cln-live-node.source';
import { ClnClient } from '../../../src/clients/cln/cln.client';
import { UpstreamMetrics } from '../../../src/clients/common/upstream-metrics.service';
import { UpstreamError } from '../../../src/clients/common/upstream.error';
import { ResilienceOverrides } from '../../../src/clients/common/resilience.options';
import { loadListChannels } from '../../../src/graph/loaders/listchannels.loader';
import { CLN_OWN, CLN_PEER_A, CLN_PEER_B, CLN_SILENT, clnDouble, SCID_A, SCID_AB, SCID_B, SCID_SILENT } from '../../doubles/cln.double';
import { FakeUpstream } from '../../doubles/fake-upstream';
import { everyRendering, LogCapture } from '../../doubles/log-capture';
import { makeSelfSignedCert, SelfSignedCert } from '../../doubles/self-signed-cert';

/** Runes are base64url: the first 43 characters encode the authcode, the rest the restrictions. */
const RUNE = 'tU-RLjMiDpY2U0o3W1oFowar36RFGpWloPbW9-RuZdo9MyZpZD0wMjRiOWExZmE4ZTAwNmYxZTM5MzdmNjVm';
const GETINFO_ONLY = 'Xr7oB0n4kR9qYwEpLm2sT8uV1cZaD3fG6hJ5kN0pQ_w9NSZtZXRob2Q9Z2V0aW5mbw==';
const NOW = 1_764_950_000;
const FAST: ResilienceOverrides = { cln: { initialDelayMs: 5, maxDelayMs: 20, halfOpenAfterMs: 200, probeCacheMs: 200 } };

async function failure(p: Promise<unknown>): Promise<UpstreamError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UpstreamError);
    return e as UpstreamError;
  }
  throw new Error('expected the call to fail');
}

const body = (r: { body: string }) => JSON.parse(r.body) as Record<string, unknown>;

describe(ClnClient.name, () => {
  const logs = new LogCapture().install();
  let tls: SelfSignedCert;
  let double: FakeUpstream;
  const clients: ClnClient[] = [];
  const make = (o: Partial<ConstructorParameters<typeof ClnClient>[0]> = {}, metrics = new UpstreamMetrics(), overrides: ResilienceOverrides = FAST) => {
    const c = new ClnClient({ restUrl: double.url, rune: RUNE, tlsCertPath: tls.certPath, timeoutMs: 2000, ...o }, metrics, overrides);
    clients.push(c);
    return c;
  };
  const noRuneAnywhere = (text: string) => {
    for (const form of [RUNE, GETINFO_ONLY, RUNE.slice(0, 43), GETINFO_ONLY.replace(/=+$/, '')]) expect(text).not.toContain(form);
  };

  beforeAll(async () => {
    tls = makeSelfSignedCert('cln-double');
    double = clnDouble({ rune: RUNE, tls, nowSec: NOW, restricted: { rune: GETINFO_ONLY, methods: ['getinfo'] } });
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

  describe('TLS, rune and clnrest errors', () => {
    it('POSTs /v1/getinfo over HTTPS to the certificate it was given, the rune in the Rune header, and reads the 201', async () => {
      const info = await make().getInfo();
      expect(info).toEqual({
        identityPubkey: CLN_OWN, alias: 'SILENTARTIST-v26.09', color: '#033845', version: 'v26.09', network: 'bitcoin', blockHeight: 925_000,
        numPeers: 2, numActiveChannels: 2, numInactiveChannels: 0, numPendingChannels: 1, feesCollectedMsat: 820_000,
      });
      expect(double.requests[0]).toMatchObject({ method: 'POST', path: '/v1/getinfo' });
      expect(double.requests[0].headers.rune).toBe(RUNE);
      expect(body(double.requests[0])).toEqual({});
    });

    it('refuses clnrest’s self-signed certificate without CLN_TLS_CERT_PATH, and a different one, sending nothing', async () => {
      expect((await failure(make({ tlsCertPath: null }).getInfo())).kind).toBe('tls');
      const other = makeSelfSignedCert('someone-else');
      try {
        expect((await failure(make({ tlsCertPath: other.certPath }).getInfo())).kind).toBe('tls');
      } finally {
        other.cleanup();
      }
      expect(double.requests).toHaveLength(0);
    });

    it('is not configured without a rune or with an unreadable certificate, and makes no request', async () => {
      const none = make({ rune: null });
      expect(none.configured).toBe(false);
      expect(await none.probe()).toBe('not_configured');
      expect((await failure(none.listPeerChannels())).kind).toBe('not_configured');
      const badCert = make({ tlsCertPath: '/nonexistent/ca.pem' });
      expect(badCert.configured).toBe(false);
      expect(logs.at('error').join('\n')).toContain('CLN_TLS_CERT_PATH /nonexistent/ca.pem cannot be read');
      expect(double.requests).toHaveLength(0);
    });

    it('a rune that does not permit the method (401, code 1502): auth, CLN’s code and message in the error, not retried, breaker untouched', async () => {
      const c = make({ rune: GETINFO_ONLY });
      await c.getInfo();
      const errs: UpstreamError[] = [];
      for (let i = 0; i < 6; i++) errs.push(await failure(c.listPeerChannels()));
      expect(errs[0]).toMatchObject({ kind: 'auth', status: 401, attempts: 1 });
      expect(errs[0].message).toBe('cln refused the configured credentials (HTTP 401) during listpeerchannels: code 1502: Not permitted: method is not equal to getinfo');
      expect(double.requests).toHaveLength(7);
      expect(c.breakerState).toBe('closed');
      for (const e of errs) noRuneAnywhere(everyRendering(e));
      noRuneAnywhere(logs.text());
    });

    it('a rune not derived from this node’s master (401) and a missing rune (403, code 1501) are auth failures too', async () => {
      const wrong = 'Zm9yZWlnbi1ydW5lLW5vdC1kZXJpdmVkLWZyb20tdGhpcy1ub2Rl';
      const e1 = await failure(make({ rune: wrong }).getInfo());
      expect(e1.message).toBe('cln refused the configured credentials (HTTP 401) during getinfo: code 1502: Not authorized: Not derived from master');
      expect(everyRendering(e1)).not.toContain(wrong);
      // What clnrest answers when the header does not arrive (e.g. a proxy dropping it).
      double.inject({ type: 'status', status: 403, json: { code: 1501, message: 'Not authorized: Missing rune', data: null } });
      const e2 = await failure(make().getInfo());
      expect(e2).toMatchObject({ kind: 'auth', status: 403, attempts: 1 });
      expect(e2.message).toMatch(/\(HTTP 403\) during getinfo: code 1501: Not authorized: Missing rune$/);
    });

    it('an error body that echoes the rune back has it scrubbed from the error and the logs', async () => {
      double.inject({ type: 'status', status: 401, json: { code: 1502, message: `Not permitted: rune ${RUNE} has restriction id=${RUNE.slice(0, 43)}`, data: null } });
      const e = await failure(make().getInfo());
      expect(e.message).toContain('[redacted]');
      noRuneAnywhere(everyRendering(e));
      noRuneAnywhere(logs.text());
    });

    it('an RPC error (500 with the RPC code) is an http failure and is not retried; a 503 is', async () => {
      double.inject({ type: 'status', status: 500, json: { code: -32602, message: 'start: should be an unsigned 64 bit integer', data: null } }, 1);
      const e = await failure(make().getInfo());
      expect(e).toMatchObject({ kind: 'http', status: 500, attempts: 1 });
      expect(e.cause?.message).toBe('HTTP 500: start: should be an unsigned 64 bit integer');
      double.reset();
      double.inject({ type: 'status', status: 503 }, 1);
      expect((await make().getInfo()).identityPubkey).toBe(CLN_OWN);
      expect(double.requests).toHaveLength(2);
    });
  });

  describe('upstream faults (the FakeUpstream set)', () => {
    it('Retry-After on a 503 is honoured, then the call succeeds', async () => {
      double.inject({ type: 'retry-after', retryAfter: '0', status: 503 }, 1);
      expect((await make().getInfo()).identityPubkey).toBe(CLN_OWN);
      expect(double.requests).toHaveLength(2);
    });

    it('a hang ends as a timeout within the call deadline', async () => {
      double.inject({ type: 'hang' }, 10);
      const e = await failure(make({ timeoutMs: 300 }).getInfo());
      expect(e.kind).toBe('timeout');
    });

    it('a closed connection is a network failure, retried', async () => {
      double.inject({ type: 'close' }, 10);
      const e = await failure(make().getInfo());
      expect(e.kind).toBe('network');
      expect(e.attempts).toBe(3);
    });

    it('a body that is not JSON, or is cut half-way, is malformed or network, never a value', async () => {
      double.inject({ type: 'malformed' }, 1);
      expect((await failure(make().getInfo())).kind).toBe('malformed');
      double.inject({ type: 'truncated' }, 10);
      expect(['network', 'malformed']).toContain((await failure(make().getInfo())).kind);
    });

    it('a 201 that lacks a documented field is malformed, naming the field', async () => {
      double.inject({ type: 'status', status: 201, json: { alias: 'x' } }, 1);
      const e = await failure(make().getInfo());
      expect(e.kind).toBe('malformed');
      expect(e.cause?.message).toContain('getinfo.id');
    });

    it('repeated failures open the breaker: calls then fail fast without reaching clnrest', async () => {
      const c = make({}, new UpstreamMetrics(), { cln: { ...FAST.cln, maxRetries: 0, halfOpenAfterMs: 60_000 } });
      double.inject({ type: 'status', status: 502 }, 5);
      for (let i = 0; i < 5; i++) await failure(c.getInfo());
      const sent = double.requests.length;
      const e = await failure(c.getInfo());
      expect(e.kind).toBe('circuit_open');
      expect(double.requests).toHaveLength(sent);
      expect(await c.probe()).toBe('degraded');
    });
  });

  describe('mapping clnrest JSON (msat integers, short channel ids)', () => {
    it('listpeerchannels: open channels only, balances in sat from msat, remote = total - to_us, keyed by short channel id', async () => {
      const chans = await make().listPeerChannels();
      expect(chans.map((c) => c.shortChannelId)).toEqual([SCID_A, SCID_B]);
      expect(chans[0]).toMatchObject({
        chanId: SCID_A, remotePubkey: CLN_PEER_A, capacitySat: 5_000_000, localBalanceSat: 3_120_440, remoteBalanceSat: 1_879_559, active: true, state: 'CHANNELD_NORMAL', feeBaseMsat: 1000, feeRatePpm: 100,
      });
      expect(chans[0].channelPoint).toMatch(/^[0-9a-f]{64}:0$/);
      // Peer offline: the channel is open but cannot forward.
      expect(chans[1]).toMatchObject({ chanId: SCID_B, remotePubkey: CLN_PEER_B, localBalanceSat: 150_000, active: false, peerConnected: false });
    });

    it('settled forwards: finds the window by created_index with one-row probes, then pages; never a failed forward', async () => {
      const c = make();
      const { forwards, complete } = await c.settledForwardsSince(NOW - 86_400, { pageSize: 7 });
      expect(complete).toBe(true);
      expect(forwards).toHaveLength(25);
      expect(forwards.reduce((s, f) => s + f.feeMsat, 0)).toBe(325_000);
      expect(forwards[0]).toMatchObject({ inChannel: SCID_A, outChannel: SCID_B, feeMsat: 1000, outMsat: 250_000_005 });
      const bodies = double.requests.map(body);
      for (const b of bodies) expect(b).toMatchObject({ status: 'settled', index: 'created', start: expect.any(Number), limit: expect.any(Number) });
      const probes = bodies.filter((b) => b.limit === 1).length;
      const pages = bodies.filter((b) => b.limit === 7).length;
      // ceil(25 / 7) = 4 full or partial pages, plus the empty page that ends the walk.
      expect(pages).toBe(5);
      expect(probes).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(50)) + 2);
    });

    it('stops at maxEvents and says the list is incomplete', async () => {
      const r = await make().settledForwardsSince(0, { maxEvents: 10, pageSize: 4 });
      expect(r.forwards).toHaveLength(10);
      expect(r.complete).toBe(false);
    });

    it('sums the last 24 h of settled forwarding fees in msat (routing_revenue_24h)', async () => {
      expect(await make().forwardingSummary24h(new Date(NOW * 1000))).toEqual({ revenueMsat24h: 325_000, count: 25, from: NOW - 86_400, to: NOW, complete: true });
    });

    it('the gossip graph (listchannels + listnodes) loads with the listchannels loader', async () => {
      const { channels, nodes } = await make().graph();
      expect(channels).toHaveLength(8);
      expect(nodes).toHaveLength(4);
      const g = loadListChannels({ name: 'cln-live', version: 't', json: { channels, nodes }, mtime: new Date() });
      expect(g.nodeCount).toBe(4);
      expect(g.channelCount).toBe(4);
      expect(double.requests.map((r) => r.path)).toEqual(['/v1/listchannels', '/v1/listnodes']);
    });

    it('a corrupt listchannels entry is malformed (the graph service then keeps its graph)', async () => {
      double.inject({ type: 'status', status: 201, json: { channels: [{ source: 'nope', destination: CLN_OWN, short_channel_id: '1x1x1' }] } }, 1);
      const e = await failure(make().graph());
      expect(e.kind).toBe('malformed');
      expect(e.cause?.message).toContain('channels[0].source');
    });

    it('one node: listnodes id=<pubkey>, null when unknown, no alias for a node that never announced itself', async () => {
      const c = make();
      expect(await c.getNode(CLN_PEER_B)).toEqual({ pubkey: CLN_PEER_B, alias: 'ACINQ', color: '#49daaa', lastTimestamp: 1764900200, addresses: ['node.acinq.co:9735'] });
      expect(body(double.requests[0])).toEqual({ id: CLN_PEER_B });
      expect(await c.getNode('02' + '11'.repeat(32))).toBeNull();
      expect(await c.getNode(CLN_SILENT)).toMatchObject({ alias: null, color: null, addresses: [] });
    });

    it('a node’s channel policies: listchannels source=<pubkey>, capacity in sat', async () => {
      const chans = await make().channelsOf(CLN_SILENT);
      expect(body(double.requests[0])).toEqual({ source: CLN_SILENT });
      expect(chans).toEqual([
        { source: CLN_SILENT, destination: CLN_PEER_A, shortChannelId: '806000x400x2', capacitySat: 1_500_000, active: true, lastUpdate: NOW - 600 - 500, baseFeeMsat: 1000, feeRatePpm: 2000, delay: 34, htlcMinimumMsat: 1000, htlcMaximumMsat: 1_485_000_000 },
      ]);
    });
  });

  describe('ClnLiveNodeSource (a node looked up in Core Lightning gossip)', () => {
    it('merges the node’s own policies (source=) and its peers’ (destination=) per short channel id; no inbound fees', async () => {
      const src = new ClnLiveNodeSource(make());
      expect(src).toMatchObject({ name: 'cln', configured: true });
      const n = await src.lookup(CLN_SILENT);
      expect(double.requests.map((r) => `${r.path} ${r.body}`)).toEqual([
        `/v1/listnodes {"id":"${CLN_SILENT}"}`,
        `/v1/listchannels {"source":"${CLN_SILENT}"}`,
        `/v1/listchannels {"destination":"${CLN_SILENT}"}`,
      ]);
      expect(n).toEqual({
        pubkey: CLN_SILENT, alias: null, color: null, updatedAt: null, reportsPeerPolicies: true, complete: true,
        channels: [{
          peerPubkey: CLN_PEER_A, peerAlias: null, capacitySat: 1_500_000, channelId: null, shortChannelId: SCID_SILENT, channelPoint: null, active: true,
          policy: { feeRatePpm: 2000, baseFeeMsat: 1000, minHtlcMsat: 1000, maxHtlcMsat: 1_485_000_000, disabled: false, cltvDelta: 34, inboundBaseFeeMsat: null, inboundFeeRatePpm: null, lastUpdate: NOW - 1100 },
          peerPolicy: { feeRatePpm: 10, baseFeeMsat: 1000, minHtlcMsat: 1000, maxHtlcMsat: 1_485_000_000, disabled: true, cltvDelta: 34, inboundBaseFeeMsat: null, inboundFeeRatePpm: null, lastUpdate: NOW - 1100 },
        }],
      });
    });

    it('every channel of a well-connected node, and null for a node Core Lightning does not know (one call)', async () => {
      const src = new ClnLiveNodeSource(make());
      const a = await src.lookup(CLN_PEER_A);
      expect(a?.alias).toBe('peer-a');
      expect(a?.channels.map((c) => c.shortChannelId).sort()).toEqual([SCID_A, SCID_AB, SCID_SILENT].sort());
      double.reset();
      expect(await src.lookup('02' + '22'.repeat(32))).toBeNull();
      expect(double.requests).toHaveLength(1);
    });
  });

  describe('probe', () => {
    it('is connected (POST getinfo), cached, disconnected with the auth kind when the rune is refused', async () => {
      const metrics = new UpstreamMetrics();
      const c = make({}, metrics);
      expect(await c.probe()).toBe('connected');
      expect(await c.probe()).toBe('connected');
      expect(double.requests).toHaveLength(1);
      expect(double.requests[0]).toMatchObject({ method: 'POST', path: '/v1/getinfo' });
      expect(await make({ rune: 'Zm9yZWlnbi1ydW5lLXByb2Jl' }).probeReport()).toMatchObject({ upstream: 'cln', state: 'disconnected', errorKind: 'auth', status: 401 });
      expect(metrics.snapshot().upstreams.cln).toMatchObject({ configured: true, calls: 1, successes: 1 });
    });
  });
});
