import { AddressInfo } from 'node:net';
import { NestExpressApplication } from '@nestjs/platform-express';
import { createClient, OPERATION_IDS } from '../../sdk/typescript/src';
import { CentralityService } from '../../src/graph/centrality.service';
import { FlowService } from '../../src/graph/flow.service';
import { createTestApp, testRedisUrl } from '../utils/test-app';

const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
const SMALL = '02458c322518069b0a8c7490853289ed2c6a8aa838b78f1367808e99b8c9705c9e';

/** The generated SDK against the running app: every operation, its typed success and its typed error. */
describe('the generated TypeScript SDK drives every operation', () => {
  let app: NestExpressApplication;
  let api: ReturnType<typeof createClient>;
  const covered = new Set<string>();
  const use = <K extends keyof typeof api>(name: K) => {
    covered.add(name as string);
    return api[name];
  };

  beforeAll(async () => {
    app = await createTestApp({ REDIS_URL: testRedisUrl(), GRAPH_HISTORY_SNAPSHOTS: '', BULK_CHUNK_SIZE: '20', FLOW_MODEL: 'true', FLOW_PAYMENTS: '2000', FLOW_RUNS: '2' });
    await app.listen(0, '127.0.0.1');
    api = createClient({ baseUrl: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`, language: 'en' });
    await app.get(CentralityService).settled();
    await app.get(FlowService).settled();
  });
  afterAll(async () => {
    await app.close();
  });

  it('health, liveness, readiness, metrics', async () => {
    const health = await use('getHealth')({ params: { query: { verbose: true } } });
    expect(health.data?.status).toBe('healthy');
    expect((await use('getLiveness')({})).data?.status).toBe('ok');
    expect((await use('getReadiness')({})).data?.status).toBe('ok');
    expect((await use('getMetrics')({})).data?.request_count).toBeGreaterThan(0);
    const prom = await use('getPrometheusMetrics')({ parseAs: 'text' });
    expect(prom.data).toMatch(/http_request_duration_seconds/);
  });

  it('node info, recommendations, priorities', async () => {
    const info = await use('getNodeInfo')({ params: { path: { pubkey: ACINQ }, query: { include_historical: false } } });
    expect(info.data?.node_info.alias).toBe('ACINQ');
    expect(info.data?.network_position.status).toBe('ready');
    const recs = await use('getRecommendations')({ params: { path: { pubkey: SMALL }, query: { priority: 'high' } } });
    expect(recs.data?.recommendations.every((r) => r.priority === 'high')).toBe(true);
    const plan = await use('createPriorities')({ params: { path: { pubkey: SMALL } }, body: { goals: ['reliability'], max_actions: 2 } });
    expect(plan.data?.model_used).toBe('deterministic');
    expect(plan.data?.priority_actions.length).toBeLessThanOrEqual(2);
    // The role is typed in both answers and the same for the same node.
    expect(plan.data?.node_role.role).toBe(recs.data?.node_role.role);
    expect(plan.data?.node_role.evidence.length).toBeGreaterThan(0);
  });

  it('typed errors: the problem body of a 400 and a 404', async () => {
    const bad = await api.getNodeInfo({ params: { path: { pubkey: 'xyz' } } });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const unknown = await api.getNodeInfo({ params: { path: { pubkey: `02${'e'.repeat(64)}` } } });
    expect(unknown.error).toMatchObject({ code: 'NODE_NOT_FOUND', status: 404 });
  });

  it('channel candidates and the shortlist evaluation', async () => {
    const ranked = await use('getChannelCandidates')({ params: { path: { pubkey: SMALL }, query: { limit: 3 } } });
    expect(ranked.data?.candidates).toHaveLength(3);
    // The flow model's reading of each open is typed too (null until its what-if is done).
    expect(['ready', 'pending', 'computing', 'unavailable']).toContain(ranked.data!.modelled_flow_status);
    const flow = ranked.data!.candidates[0].modelled_flow;
    if (flow) expect(flow.assumed.capacity_sat).toBe(ranked.data!.candidates[0].suggested_capacity);
    const evaluated = await use('evaluateChannelCandidates')({ params: { path: { pubkey: SMALL } }, body: { candidates: [{ pubkey: ACINQ }, { pubkey: ranked.data!.candidates[0].pubkey, capacity: 2_000_000 }] } });
    expect(evaluated.data?.candidates[0].requested_capacity).toBe(2_000_000);
  });

  it('payment-flow model: the node’s flow, a what-if, a fee curve and their typed errors', async () => {
    const info = await api.getNodeInfo({ params: { path: { pubkey: SMALL } } });
    expect(info.data?.network_position.flow.status).toBe('ready');
    const peer = info.data!.channels[0].peer_pubkey;
    const sim = await use('simulateWhatIf')({ params: { path: { pubkey: SMALL } }, body: { policy_changes: [{ peer, fee_rate_ppm: 2000 }] } });
    expect(sim.data?.total.before.forwards_per_day.p50).toEqual(expect.any(Number));
    expect(sim.data?.channels.some((c) => c.changed && c.peer_pubkey === peer)).toBe(true);
    expect(sim.data?.model.assumptions.length).toBeGreaterThan(0);
    const curve = await use('getFeeCurve')({ params: { path: { pubkey: SMALL, peer }, query: { from: 0, to: 1400, points: 8 } } });
    expect(curve.data?.points.map((p) => p.fee_rate_ppm)).toEqual([0, 200, 400, 600, 800, 1000, 1200, 1400]);
    expect(curve.data?.points.map((p) => p.fee_rate_ppm)).toContain(curve.data?.best.fee_rate_ppm);
    const invalid = await api.simulateWhatIf({ params: { path: { pubkey: SMALL } }, body: {} });
    expect(invalid.error).toMatchObject({ code: 'INVALID_WHAT_IF', status: 422 });
    // CoinGate is not among the small node's three peers.
    const noChannel = await api.getFeeCurve({ params: { path: { pubkey: SMALL, peer: '0242a4ae0c5bef18048fbecf995094b74bfb0f7391418d71ed394784373f41e4f3' } } });
    expect(noChannel.error).toMatchObject({ code: 'CHANNEL_NOT_FOUND', status: 404 });
  });

  it('bulk analysis: inline, queued, status, cancel', async () => {
    const inline = await use('createBulkAnalysis')({ body: { pubkeys: [ACINQ, SMALL], analysis_types: ['basic'] } });
    expect(inline.response.status).toBe(200);
    const { GraphService } = await import('../../src/graph/graph.service');
    const pubkeys = app.get(GraphService).current().graph.pubkeys.slice(100, 180);
    const queued = await api.createBulkAnalysis({ body: { pubkeys: [...pubkeys, ACINQ, SMALL], analysis_types: ['basic'] } });
    expect(queued.response.status).toBe(202);
    const jobId = (queued.data as { job_id: string }).job_id;
    let status = await use('getBulkAnalysis')({ params: { path: { job_id: jobId }, query: { page_size: 10 } } });
    for (let i = 0; i < 100 && status.data?.status !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = await api.getBulkAnalysis({ params: { path: { job_id: jobId }, query: { page_size: 10 } } });
    }
    expect(status.data).toMatchObject({ status: 'completed', progress: { total: 82 } });
    const cancelled = await use('cancelBulkAnalysis')({ params: { path: { job_id: jobId } } });
    expect(cancelled.data?.status).toBe('completed'); // finished jobs keep their status
  });

  it('node search and network stats (the dashboard’s routes)', async () => {
    const found = await use('searchNodes')({ params: { query: { q: 'ACI', limit: 5 } } });
    expect(found.data?.results[0]).toMatchObject({ pubkey: ACINQ, alias: 'ACINQ', match: 'alias_prefix' });
    const bad = await api.searchNodes({ params: { query: { q: '' } } });
    expect(bad.error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    const stats = await use('getNetworkStats')({});
    expect(stats.data).toMatchObject({ nodes: 17_324, channels: 50_808 });
  });

  it('covered every operation of the spec', () => {
    expect([...covered].sort()).toEqual([...OPERATION_IDS].sort());
  });
});
