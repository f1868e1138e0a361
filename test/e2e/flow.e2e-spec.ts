import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { CentralityService } from '../../src/graph/centrality.service';
import { FlowService } from '../../src/graph/flow.service';
import { GraphService } from '../../src/graph/graph.service';
import { createTestApp, serverErrorRoutes, testRedisUrl } from '../utils/test-app';

const SMALL = '02458c322518069b0a8c7490853289ed2c6a8aa838b78f1367808e99b8c9705c9e';
/** CoinGate charges 1 ppm everywhere: its advice raises underpriced fees. */
const COINGATE = '0242a4ae0c5bef18048fbecf995094b74bfb0f7391418d71ed394784373f41e4f3';
const UNKNOWN = `02${'e'.repeat(64)}`;
type SpreadJson = { p10: number; p50: number; p90: number };
const ordered = (s: SpreadJson) => s.p10 <= s.p50 && s.p50 <= s.p90;

/** A routing node of the embedded graph that the model has forwarding through, with few enough channels to read. */
function routingNode(app: NestExpressApplication): { pubkey: string; peer: string; otherPeer: string; outsider: string } {
  const g = app.get(GraphService).current().graph;
  const model = app.get(FlowService).readyModel();
  let best = -1;
  let bestRevenue = 0;
  for (let v = 0; v < g.nodeCount; v++) {
    const peers = new Set(Array.from(g.channelsOf(v)).map((c) => g.peerOf(c, v)));
    if (peers.size < 3 || peers.size > 40) continue;
    const r = model.nodeFlow(v).revenueSatPerDay.p50;
    if (r > bestRevenue) [best, bestRevenue] = [v, r];
  }
  if (best < 0) throw new Error('no routing node with modelled revenue in the embedded graph');
  const chans = model.channelFlows(best).sort((a, b) => b.figures.forwardsPerDay.p50 - a.figures.forwardsPerDay.p50 || a.chan - b.chan);
  const peers = [...new Set(chans.map((c) => g.peerOf(c.chan, best)))];
  const mine = new Set(peers);
  let outsider = 0;
  while (mine.has(outsider) || outsider === best || g.channelsOf(outsider).length < 20) outsider++;
  return { pubkey: g.pubkeys[best], peer: g.pubkeys[peers[0]], otherPeer: g.pubkeys[peers[1]], outsider: g.pubkeys[outsider] };
}

describe('payment-flow model through the API (embedded 2026 graph)', () => {
  let app: NestExpressApplication;
  let node: ReturnType<typeof routingNode>;

  beforeAll(async () => {
    app = await createTestApp({ REDIS_URL: testRedisUrl(), GRAPH_HISTORY_SNAPSHOTS: '', FLOW_MODEL: 'true', FLOW_PAYMENTS: '4000', FLOW_RUNS: '3' });
    await request(app.getHttpServer()).get('/api/v1/health/ready').expect(200);
    expect((await app.get(FlowService).settled())?.status).toBe('ready');
    node = routingNode(app);
  });
  afterAll(async () => {
    expect(serverErrorRoutes(app)).toEqual([]);
    await app.close();
  });

  it('gives the node’s modelled flow in network_position.flow, and in the bulk network_position type', async () => {
    const { body } = await request(app.getHttpServer()).get(`/api/v1/node/${node.pubkey}/info`).query({ use_cache: false }).expect(200);
    const flow = body.network_position.flow;
    expect(flow).toMatchObject({ status: 'ready', payments_per_run: 4000, runs: 3, computed_at: expect.any(String) });
    for (const k of ['forwards_per_day', 'volume_sat_per_day', 'revenue_sat_per_day', 'share_of_network_flow']) expect(ordered(flow[k])).toBe(true);
    expect(flow.revenue_sat_per_day.p50).toBeGreaterThan(0);
    expect(flow.share_of_network_flow.p90).toBeLessThanOrEqual(1);
    const bulk = await request(app.getHttpServer()).post('/api/v1/nodes/bulk-analysis').send({ pubkeys: [node.pubkey], analysis_types: ['network_position'] }).expect(200);
    expect(bulk.body.results[0].network_position.flow).toEqual(flow);
  });

  it('what-if: a much higher fee toward the busiest peer never raises that channel’s forwards; totals are before/after with spread', async () => {
    const { body } = await request(app.getHttpServer())
      .post(`/api/v1/node/${node.pubkey}/simulate`)
      .send({ policy_changes: [{ peer: node.peer, fee_rate_ppm: 50_000 }] })
      .expect(200);
    expect(body.model).toMatchObject({ payments_per_run: 4000, runs: 3, method: expect.stringMatching(/^(fast|full)$/), assumptions: expect.arrayContaining([expect.stringMatching(/not a measurement/)]) });
    expect(ordered(body.total.before.revenue_sat_per_day) && ordered(body.total.after.revenue_sat_per_day)).toBe(true);
    const changed = body.channels.filter((c: { changed: boolean }) => c.changed);
    expect(changed.length).toBeGreaterThan(0);
    for (const c of changed) {
      expect(c).toMatchObject({ peer_pubkey: node.peer, new: false });
      expect(c.after.forwards_per_day.p50).toBeLessThanOrEqual(c.before.forwards_per_day.p50);
    }
    // Changed channels first.
    expect(body.channels.slice(0, changed.length).every((c: { changed: boolean }) => c.changed)).toBe(true);
  });

  it('what-if: a new channel appears with no before, and disabling a channel leaves it without forwards', async () => {
    const policy = { fee_rate_ppm: 100, base_fee_msat: 1000 };
    const { body } = await request(app.getHttpServer())
      .post(`/api/v1/node/${node.pubkey}/simulate`)
      .send({ new_channels: [{ peer: node.outsider, capacity_sat: 5_000_000, local_policy: policy, remote_policy: policy }], policy_changes: [{ peer: node.otherPeer, disabled: true }] })
      .expect(200);
    const fresh = body.channels.find((c: { new: boolean }) => c.new);
    expect(fresh).toMatchObject({ peer_pubkey: node.outsider, capacity_sat: 5_000_000, short_channel_id: null, changed: true, before: null });
    expect(ordered(fresh.after.forwards_per_day)).toBe(true);
    for (const c of body.channels.filter((x: { peer_pubkey: string }) => x.peer_pubkey === node.otherPeer)) {
      expect(c.after === null || c.after.forwards_per_day.p90 === 0).toBe(true);
    }
  });

  it('fee curve: ascending rates, forwards never rising with the rate, the best point the highest median node revenue', async () => {
    const { body } = await request(app.getHttpServer()).get(`/api/v1/node/${node.pubkey}/channels/${node.peer}/fee-curve`).query({ from: 0, to: 3000, points: 8 }).expect(200);
    expect(body).toMatchObject({ pubkey: node.pubkey, peer_pubkey: node.peer, channel_count: expect.any(Number), current_fee_rate_ppm: expect.any(Number) });
    const rates = body.points.map((p: { fee_rate_ppm: number }) => p.fee_rate_ppm);
    expect(rates).toEqual([0, 429, 857, 1286, 1714, 2143, 2571, 3000]);
    const forwards = body.points.map((p: { forwards_per_day: SpreadJson }) => p.forwards_per_day.p50);
    for (let i = 1; i < forwards.length; i++) expect(forwards[i]).toBeLessThanOrEqual(forwards[i - 1]);
    const top = Math.max(...body.points.map((p: { node_revenue_sat_per_day: SpreadJson }) => p.node_revenue_sat_per_day.p50));
    expect(body.best.node_revenue_sat_per_day.p50).toBe(top);
    expect(body.points.find((p: { node_revenue_sat_per_day: SpreadJson }) => p.node_revenue_sat_per_day.p50 === top).fee_rate_ppm).toBe(body.best.fee_rate_ppm);
  });

  it('refuses what the model cannot apply: 422 INVALID_WHAT_IF, 404 CHANNEL_NOT_FOUND / NODE_NOT_FOUND, 400 on bad input', async () => {
    const server = app.getHttpServer();
    const noChannel = await request(server).post(`/api/v1/node/${node.pubkey}/simulate`).send({ policy_changes: [{ peer: node.outsider, fee_rate_ppm: 10 }] }).expect(422);
    expect(noChannel.body).toMatchObject({ code: 'INVALID_WHAT_IF', errors: [{ field: 'policy_changes.0.peer', message: expect.stringMatching(/no channel with/) }] });
    await request(server).post(`/api/v1/node/${node.pubkey}/simulate`).send({}).expect(422);
    const eleven = Array.from({ length: 6 }, () => ({ peer: node.peer, fee_rate_ppm: 1 }));
    const tooMany = await request(server).post(`/api/v1/node/${node.pubkey}/simulate`).send({ policy_changes: eleven, new_channels: Array.from({ length: 5 }, () => ({ peer: node.outsider, capacity_sat: 100_000, local_policy: { fee_rate_ppm: 1, base_fee_msat: 0 }, remote_policy: { fee_rate_ppm: 1, base_fee_msat: 0 } })) }).expect(422);
    expect(tooMany.body.detail).toMatch(/at most 10 changes/);
    const bad = await request(server).post(`/api/v1/node/${node.pubkey}/simulate`).send({ policy_changes: [{ peer: node.peer, fee_rate_ppm: -1, colour: 'red' }] }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['policy_changes.0.colour', 'policy_changes.0.fee_rate_ppm']);
    await request(server).post(`/api/v1/node/${node.pubkey}/simulate`).send({ policy_changes: [{ peer: node.peer, fee_rate_ppm: 1 }], parameters: { hop_probability: 1.5 } }).expect(400);
    // A new channel without one of its policies, or parameters that are not an object (found by the spec fuzz: a 500 before).
    const halfChannel = await request(server).post(`/api/v1/node/${node.pubkey}/simulate`).send({ new_channels: [{ peer: node.outsider, capacity_sat: 2_000_000, local_policy: { fee_rate_ppm: 1, base_fee_msat: 0 } }] }).expect(400);
    expect(halfChannel.body.errors).toEqual([{ field: 'new_channels.0.remote_policy', message: 'remote_policy must be an object with fee_rate_ppm and base_fee_msat' }]);
    await request(server).post(`/api/v1/node/${node.pubkey}/simulate`).send({ policy_changes: [{ peer: node.peer, fee_rate_ppm: 1 }], parameters: [] }).expect(400);
    expect((await request(server).post(`/api/v1/node/${UNKNOWN}/simulate`).send({ policy_changes: [{ peer: node.peer, fee_rate_ppm: 1 }] }).expect(404)).body.code).toBe('NODE_NOT_FOUND');
    expect((await request(server).get(`/api/v1/node/${node.pubkey}/channels/${node.outsider}/fee-curve`).expect(404)).body.code).toBe('CHANNEL_NOT_FOUND');
    expect((await request(server).get(`/api/v1/node/${node.pubkey}/channels/${node.peer}/fee-curve`).query({ from: 500, to: 100 }).expect(422)).body.code).toBe('INVALID_WHAT_IF');
    await request(server).get(`/api/v1/node/${node.pubkey}/channels/${node.peer}/fee-curve`).query({ points: 1 }).expect(400);
  });

  it('the first fee recommendations carry the modelled impact, naming the model and its demand', async () => {
    // A busy machine can leave a what-if computing past the advice's wait: the answer then says so, and a
    // later request gets it (the what-if goes on, memoized). Ask until no modelled impact is pending.
    const ask = async () => (await request(app.getHttpServer()).get(`/api/v1/node/${COINGATE}/recommendations`).set('Accept-Language', 'en').expect(200)).body;
    let body = await ask();
    while (body.warnings.some((w: string) => /still computing/.test(w))) {
      expect(body.cache_hit).toBe(false);
      body = await ask();
    }
    expect(body).toMatchObject({ recommendations: expect.any(Array) });
    const fees = body.recommendations.filter((r: { type: string; modelled_impact?: unknown }) => r.type === 'fee_adjustment');
    const modelled = fees.filter((r: { modelled_impact?: unknown }) => r.modelled_impact);
    expect(fees.length).toBeGreaterThan(0);
    expect(modelled.length).toBeGreaterThan(0);
    expect(modelled.length).toBeLessThanOrEqual(3);
    // The first fee recommendations, in the advice's order.
    expect(fees.slice(0, modelled.length)).toEqual(modelled);
    for (const r of modelled) {
      expect(r.modelled_impact.note).toMatch(/Payment-flow model \(not a measurement; assumed demand: capacity-weighted payments/);
      expect(ordered(r.modelled_impact.revenue_sat_per_day.before) && ordered(r.modelled_impact.revenue_sat_per_day.after)).toBe(true);
      const up = r.modelled_impact.revenue_sat_per_day.after.p50 >= r.modelled_impact.revenue_sat_per_day.before.p50;
      if (!r.modelled_impact.agrees_with_market) expect(r.modelled_impact.note).toMatch(/model disagrees with the market comparison|The model sees no effect|The model sees no material change/);
      else if (r.rule === 'fee_underpriced') expect(up).toBe(true);
    }
  });

  it('the first channel candidates carry the modelled flow of opening them, the same as simulate gives for that channel', async () => {
    await app.get(CentralityService).settled();
    const ask = async () => (await request(app.getHttpServer()).get(`/api/v1/node/${node.pubkey}/channel-candidates`).query({ limit: 7 }).set('Accept-Language', 'en').expect(200)).body;
    let body = await ask();
    while (body.modelled_flow_status === 'pending') body = await ask();
    expect(body.modelled_flow_status).toBe('ready');
    expect(body.candidates.length).toBe(7);
    const modelled = body.candidates.filter((c: { modelled_flow: unknown }) => c.modelled_flow !== null);
    expect(modelled).toEqual(body.candidates.slice(0, 5));
    for (const c of modelled) {
      const m = c.modelled_flow;
      expect(m.assumed).toMatchObject({ capacity_sat: c.suggested_capacity, local_fee_rate_ppm: c.passive_fee_ppm });
      expect(m.note).toMatch(/^Payment-flow model \(not a measurement; assumed demand: capacity-weighted payments/);
      expect(m.note).toMatch(m.adds_flow ? /all (its )?funds (are )?on your side/ : /sees no new forwards/);
      for (const s of [m.node_forwards_per_day.before, m.node_forwards_per_day.after, m.node_revenue_sat_per_day.after, m.channel_forwards_per_day]) expect(ordered(s)).toBe(true);
      expect(m.adds_flow).toBe(m.node_forwards_per_day.after.p50 > m.node_forwards_per_day.before.p50);
    }
    // The same open through simulate: the same figures (one model, one what-if).
    const first = modelled[0];
    const a = first.modelled_flow.assumed;
    const sim = await request(app.getHttpServer())
      .post(`/api/v1/node/${node.pubkey}/simulate`)
      .send({ new_channels: [{ peer: first.pubkey, capacity_sat: a.capacity_sat, local_policy: { fee_rate_ppm: a.local_fee_rate_ppm, base_fee_msat: a.local_base_fee_msat }, remote_policy: { fee_rate_ppm: a.remote_fee_rate_ppm, base_fee_msat: a.remote_base_fee_msat } }] })
      .expect(200);
    expect(sim.body.total.before.forwards_per_day).toEqual(first.modelled_flow.node_forwards_per_day.before);
    expect(sim.body.total.after.forwards_per_day).toEqual(first.modelled_flow.node_forwards_per_day.after);
    expect(sim.body.total.after.revenue_sat_per_day).toEqual(first.modelled_flow.node_revenue_sat_per_day.after);
    const fresh = sim.body.channels.find((c: { new: boolean }) => c.new);
    expect(fresh.after.forwards_per_day).toEqual(first.modelled_flow.channel_forwards_per_day);
    // French notes on request.
    const fr = (await request(app.getHttpServer()).get(`/api/v1/node/${node.pubkey}/channel-candidates`).query({ limit: 7 }).set('Accept-Language', 'fr').expect(200)).body;
    if (fr.modelled_flow_status === 'ready') expect(fr.candidates[0].modelled_flow.note).toMatch(/^Modèle de flux de paiements/);
  });
});

describe('plans with the payment-flow model', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await createTestApp({ REDIS_URL: testRedisUrl(), GRAPH_HISTORY_SNAPSHOTS: '', FLOW_MODEL: 'true', FLOW_PAYMENTS: '2000', FLOW_RUNS: '2' });
    expect((await app.get(FlowService).settled())?.status).toBe('ready');
  });
  afterAll(async () => {
    await app.close();
  });

  it('a plan that costs something gets expected_roi from the model, with the modelled revenue in its warnings', async () => {
    const ask = async () =>
      (
        await request(app.getHttpServer())
          .post(`/api/v1/node/${SMALL}/priorities`)
          .set('Accept-Language', 'en')
          .send({ goals: ['routing_revenue', 'connectivity'], max_actions: 5, budget_limit: 3_000_000 })
          .expect(200)
      ).body;
    // As above: a pending what-if is said, not cached, and answered on a later request.
    let body = await ask();
    while (body.warnings.some((w: string) => /still computing/.test(w))) body = await ask();
    expect(body.total_estimated_cost).toBeGreaterThan(0);
    expect(body.expected_roi).toEqual(expect.any(Number));
    const note = body.warnings.find((w: string) => w.startsWith('expected_roi is modelled'));
    const m = /([\d.]+) → ([\d.]+) sat\/day with this plan, (-?\d+) sat over 30 days/.exec(note);
    expect(m).not.toBeNull();
    const gain = Number(m![3]);
    expect(body.expected_roi).toBeCloseTo((gain - body.total_estimated_cost) / body.total_estimated_cost, 1);
  });

  it('a plan of fee changes only (no cost) has no ratio, but still gets the modelled revenue change', async () => {
    const ask = async () =>
      (await request(app.getHttpServer()).post(`/api/v1/node/${COINGATE}/priorities`).set('Accept-Language', 'en').send({ goals: ['routing_revenue'], max_actions: 3, budget_limit: 0 }).expect(200)).body;
    let body = await ask();
    while (body.warnings.some((w: string) => /still computing/.test(w))) body = await ask();
    expect(body.total_estimated_cost).toBe(0);
    expect(body.priority_actions.length).toBeGreaterThan(0);
    expect(body.expected_roi).toBeNull();
    expect(body.warnings).toContainEqual(expect.stringMatching(/^expected_roi is null: the plan costs nothing, so a return on its cost is undefined; the payment-flow model .* [\d.]+ → [\d.]+ sat\/day with this plan, -?\d+ sat over 30 days$/));
  });
});

describe('payment-flow model turned off (the test default)', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await createTestApp({ REDIS_URL: testRedisUrl(), GRAPH_HISTORY_SNAPSHOTS: '' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('says unavailable in node info and answers 503 FLOW_NOT_READY to what-ifs', async () => {
    const { body } = await request(app.getHttpServer()).get(`/api/v1/node/${SMALL}/info`).expect(200);
    expect(body.network_position.flow).toMatchObject({ status: 'unavailable', forwards_per_day: null });
    const peer = (body.channels as Array<{ peer_pubkey: string }>)[0].peer_pubkey;
    const r = await request(app.getHttpServer()).get(`/api/v1/node/${SMALL}/channels/${peer}/fee-curve`).expect(503);
    expect(r.body).toMatchObject({ code: 'FLOW_NOT_READY', detail: expect.stringMatching(/FLOW_MODEL=false/) });
    await request(app.getHttpServer()).post(`/api/v1/node/${SMALL}/simulate`).send({ policy_changes: [{ peer, fee_rate_ppm: 1 }] }).expect(503);
    await app.get(CentralityService).settled();
    const candidates = (await request(app.getHttpServer()).get(`/api/v1/node/${SMALL}/channel-candidates`).expect(200)).body;
    expect(candidates.modelled_flow_status).toBe('unavailable');
    expect(candidates.candidates.every((c: { modelled_flow: unknown }) => c.modelled_flow === null)).toBe(true);
  });
});
