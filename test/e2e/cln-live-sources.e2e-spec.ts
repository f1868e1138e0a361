import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { ClnGossipChannelWire } from '../../src/clients/cln/cln.wire';
import { CLN_NODES, CLN_OWN, CLN_PEER_A, CLN_PEER_B, clnDouble, clnGossipChannels, SCID_A, SCID_B } from '../doubles/cln.double';
import { FakeUpstream } from '../doubles/fake-upstream';
import { makeSelfSignedCert, SelfSignedCert } from '../doubles/self-signed-cert';
import { createTestApp, serverErrorRoutes, testRedisUrl } from '../utils/test-app';

const RUNE = 'tU-RLjMiDpY2U0o3W1oFowar36RFGpWloPbW9-RuZdo9MyZpZD0wMjRiOWExZmE4ZTAwNmYxZTM5MzdmNjVm';
const GRAPH_ONLY_RUNE = 'Xr7oB0n4kR9qYwEpLm2sT8uV1cZaD3fG6hJ5kN0pQ_w9NSZtZXRob2Q9Z2V0aW5mbw==';
const info = (pk: string) => `/api/v1/node/${pk}/info`;
const runeForms = [RUNE, RUNE.slice(0, 43), GRAPH_ONLY_RUNE, GRAPH_ONLY_RUNE.replace(/=+$/, '')];

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string, limitMs = 30_000): Promise<T> {
  const end = Date.now() + limitMs;
  let last = await probe();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`never happened: ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}

describe('Core Lightning live source (clnrest double): own node, GRAPH_SOURCE=cln with refresh and swap', () => {
  let tls: SelfSignedCert;
  let cln: FakeUpstream;
  let app: NestExpressApplication;
  const nowSec = Math.floor(Date.now() / 1000);
  /** What the double's listchannels answers; tests change it to make a refresh see a new graph. */
  let gossip: ClnGossipChannelWire[] = clnGossipChannels(nowSec - 600);

  beforeAll(async () => {
    tls = makeSelfSignedCert('cln-double');
    cln = clnDouble({ rune: RUNE, tls, nowSec, channels: () => gossip });
    await cln.start();
    app = await createTestApp({
      REDIS_URL: testRedisUrl(),
      GRAPH_SOURCE: 'cln',
      GRAPH_REFRESH_INTERVAL: '1',
      GRAPH_HISTORY_SNAPSHOTS: '',
      CLN_REST_URL: cln.url,
      CLN_RUNE: RUNE,
      CLN_TLS_CERT_PATH: tls.certPath,
      UPSTREAM_TIMEOUT_MS: '1500',
    });
  });
  afterAll(async () => {
    await app?.close();
    await cln.stop();
    tls.cleanup();
  });

  const health = async () => (await request(app.getHttpServer()).get('/api/v1/health').expect(200)).body;

  it('serves the graph Core Lightning gossips (listchannels + listnodes), and health shows cln_api connected', async () => {
    const body = await health();
    expect(body.graph).toMatchObject({ loaded: true, nodes: 4, channels: 4, format: 'cln-listchannels' });
    expect(body.graph.source).toMatch(/^cln-graph:\d{4}-\d{2}-\d{2}$/);
    expect(body.services).toMatchObject({ cln_api: 'connected', lnd_api: 'not_configured' });
    expect(body.status).toBe('healthy');
  });

  it('node info for the own Core Lightning node: live balances, routing revenue, own_node.source = cln', async () => {
    const { body } = await request(app.getHttpServer()).get(info(CLN_OWN)).query({ use_cache: false }).expect(200);
    expect(body.source).toMatch(/^cln-graph:[\d-]+\+cln$/);
    // The double's log: 25 settled forwards in the last 24 h, 325,000 msat of fees (failed ones are not revenue).
    expect(body.metrics.routing_revenue_24h).toBe(325);
    expect(body.own_node).toEqual({
      source: 'cln', local_balance: 3_120_440 + 150_000, remote_balance: 1_879_559 + 1_849_999, channels: 2, active_channels: 1,
      forwards_24h: 25, routing_revenue_24h_msat: 325_000, forwarding_window_days: 30, forwarding_complete: true,
    });
    const a = body.channels.find((c: { peer_pubkey: string }) => c.peer_pubkey === CLN_PEER_A);
    expect(a).toMatchObject({ short_channel_id: SCID_A, balance: { local_sat: 3_120_440, remote_sat: 1_879_559, active: true, forwarded_fees_msat: 0 } });
    const b = body.channels.find((c: { peer_pubkey: string }) => c.peer_pubkey === CLN_PEER_B);
    expect(b.balance).toMatchObject({ local_sat: 150_000, active: false });
    expect(b.balance.forwarded_fees_msat).toBe(5 * 99_000 + 325_000);
    // Core Lightning gossip has no inbound fees: null, as documented, never a made-up 0.
    expect(b.local_policy).toMatchObject({ base_fee_msat: 1000, fee_rate_ppm: 50, cltv_delta: 34, inbound_base_fee_msat: null, inbound_fee_rate_ppm: null, fee_source: 'cln' });
    expect(b.remote_policy).toMatchObject({ fee_rate_ppm: 900, inbound_fee_rate_ppm: null });
    expect(body.warnings).toEqual([]);
  });

  it('recommendations for the own node: liquidity and cost advice from CLN data, lightning-cli commands with its short channel ids', async () => {
    const { body } = await request(app.getHttpServer()).get(`/api/v1/node/${CLN_OWN}/recommendations`).set('Accept-Language', 'en').expect(200);
    expect(body.source).toContain('+cln');
    const depleted = body.recommendations.find((r: { rule: string }) => r.rule === 'liquidity_depleted');
    expect(depleted).toMatchObject({ target_nodes: [CLN_PEER_B], direction: 'outbound', channel_id: SCID_B });
    expect(depleted.evidence.find((e: { name: string }) => e.name === 'local_balance')).toMatchObject({ value: 150_000, source: 'cln' });
    // No inbound-fee discount for a Core Lightning node: it has no inbound fees.
    expect(depleted.evidence.find((e: { name: string }) => e.name === 'suggested_inbound_discount')).toBeUndefined();
    expect(depleted.evidence.find((e: { name: string }) => e.name === 'current_inbound_fee_rate').value).toBe('none: Core Lightning has no inbound fees');
    const idle = body.recommendations.find((r: { rule: string }) => r.rule === 'idle_channel');
    expect(idle).toMatchObject({ target_nodes: [CLN_PEER_A], channel_id: SCID_A });
    expect(idle.commands.cln).toBe(`lightning-cli close ${SCID_A}`);
    expect(idle.evidence.find((e: { name: string }) => e.name === 'forwarded_fees')).toMatchObject({ value: 0, source: 'cln' });
  });

  it('another node gets no own-node data', async () => {
    const { body } = await request(app.getHttpServer()).get(info(CLN_PEER_A)).query({ use_cache: false }).expect(200);
    expect(body.own_node).toBeUndefined();
    expect(body.metrics.routing_revenue_24h).toBeNull();
  });

  it('refresh: a changed gossip graph is swapped in; a corrupt or empty answer keeps the current graph', async () => {
    const before = await health();
    gossip = [
      ...clnGossipChannels(nowSec - 300),
      { ...clnGossipChannels(nowSec - 300)[4], source: CLN_OWN, destination: CLN_PEER_B, short_channel_id: '820000x1x0', amount_msat: 3_000_000_000 },
    ];
    const swapped = await until(health, (h) => h.graph.channels === 5, 'the refreshed graph with a fifth channel');
    expect(swapped.graph.version).not.toBe(before.graph.version);
    expect(swapped.graph.source).toMatch(/^cln-graph:/);

    for (const bad of ['corrupt', 'empty'] as const) {
      const kept = await health();
      cln.reset();
      if (bad === 'corrupt') cln.inject({ type: 'status', status: 201, json: { channels: [{ source: 'not-a-pubkey' }] } }, 1000, (r) => r.path === '/v1/listchannels');
      else gossip = [];
      // Two refreshes that failed, one after the other: the graph served meanwhile is the one from before.
      await until(async () => cln.requests.filter((r) => r.path === '/v1/listchannels').length, (n) => n >= 2, `two ${bad} listchannels answers`);
      const after = await health();
      // The graph served is the one from before; the refresh state says why the new answers were refused.
      const { refresh: keptRefresh, ...keptGraph } = kept.graph;
      const { refresh, ...afterGraph } = after.graph;
      expect(afterGraph).toEqual(keptGraph);
      expect(refresh.last_success_at).toBe(keptRefresh.last_success_at);
      expect(refresh.consecutive_failures).toBeGreaterThanOrEqual(1);
      expect(refresh.last_failure.reason).toMatch(bad === 'corrupt' ? /could not be read.*listchannels/ : /no channels/);
      cln.reset();
      gossip = clnGossipChannels(nowSec - 200);
    }
    await until(health, (h) => h.graph.channels === 4, 'the graph back to four channels');
    expect(serverErrorRoutes(app)).toEqual([]);
  });

  it('the rune appears in no answer', async () => {
    const bodies = await Promise.all([info(CLN_OWN), `/api/v1/node/${CLN_OWN}/recommendations`, '/api/v1/health?verbose=true', '/api/v1/metrics'].map((u) => request(app.getHttpServer()).get(u)));
    for (const b of bodies) for (const form of runeForms) expect(b.text).not.toContain(form);
  });
});

describe('Core Lightning rune errors through the API', () => {
  let tls: SelfSignedCert;
  let cln: FakeUpstream;
  const nowSec = Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    tls = makeSelfSignedCert('cln-double');
    // A rune restricted to the graph and getinfo: balances and forwards are refused with 401 code 1502.
    cln = clnDouble({ rune: RUNE, tls, nowSec, restricted: { rune: GRAPH_ONLY_RUNE, methods: ['getinfo', 'listchannels', 'listnodes'] } });
    await cln.start();
  });
  afterAll(async () => {
    await cln.stop();
    tls.cleanup();
  });

  it('a rune that does not permit listpeerchannels: node info still 200, a warning naming CLN’s code and message, no rune', async () => {
    const app = await createTestApp({ GRAPH_SOURCE: 'cln', GRAPH_HISTORY_SNAPSHOTS: '', CLN_REST_URL: cln.url, CLN_RUNE: GRAPH_ONLY_RUNE, CLN_TLS_CERT_PATH: tls.certPath, UPSTREAM_TIMEOUT_MS: '1500' });
    try {
      const res = await request(app.getHttpServer()).get(info(CLN_OWN)).query({ use_cache: false }).expect(200);
      expect(res.body.own_node).toBeUndefined();
      expect(res.body.warnings).toContain('cln unavailable: cln refused the configured credentials (HTTP 401) during listpeerchannels: code 1502: Not permitted: method is not equal to getinfo');
      const rec = await request(app.getHttpServer()).get(`/api/v1/node/${CLN_OWN}/recommendations`).expect(200);
      expect(rec.body.warnings.join(' ')).toMatch(/cln unavailable: .*code 1502/);
      for (const text of [res.text, rec.text]) for (const form of runeForms) expect(text).not.toContain(form);
      expect(serverErrorRoutes(app)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('a rune the node refuses outright: GRAPH_SOURCE=cln falls back to the snapshot file, health says cln_api disconnected', async () => {
    const foreign = 'Zm9yZWlnbi1ydW5lLW5vdC1kZXJpdmVkLWZyb20tdGhpcy1ub2Rl';
    // A small listchannels export as the snapshot to fall back to (the embedded one behaves the same, only slower to load).
    const snapshot = join(tls.dir, 'fallback-listchannels.json');
    writeFileSync(snapshot, JSON.stringify({ channels: clnGossipChannels(Date.UTC(2026, 10, 20) / 1000), nodes: CLN_NODES }));
    const app = await createTestApp({ GRAPH_SOURCE: 'cln', GRAPH_SNAPSHOT: snapshot, GRAPH_HISTORY_SNAPSHOTS: '', CLN_REST_URL: cln.url, CLN_RUNE: foreign, CLN_TLS_CERT_PATH: tls.certPath, UPSTREAM_TIMEOUT_MS: '1500' });
    try {
      const { body, text } = await request(app.getHttpServer()).get('/api/v1/health?verbose=true').expect(200);
      expect(body.graph).toMatchObject({ source: 'graph-file:2026-11-20', nodes: 4, format: 'cln-listchannels' });
      expect(body.services.cln_api).toBe('disconnected');
      expect(body.status).toBe('degraded');
      expect(body.reasons).toContain('cln_api is disconnected');
      expect(body.details.upstream_probes.find((p: { upstream: string }) => p.upstream === 'cln')).toMatchObject({ errorKind: 'auth', status: 401 });
      expect(text).not.toContain(foreign);
    } finally {
      await app.close();
    }
  });
});
