import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { CentralityService } from '../../src/graph/centrality.service';
import { createTestApp, serverErrorRoutes, testRedisUrl } from '../utils/test-app';

// Issue 21, findings 7 (channel candidates) and 10 (plans), on the nodes named there.
const COINGATE = '0242a4ae0c5bef18048fbecf995094b74bfb0f7391418d71ed394784373f41e4f3';
/** start9-v0rmfdgwp: 2 channels, 37,000 sat in total (median channel 18,500 sat). */
const START9 = '02fe4a1f3cd4da6801c945c7c2b883a55b68f2a5bb34de84b30abf16c615cfee95';
/** block-iad-1: 546 channels, median channel 30,000,000 sat. */
const BLOCK = '027100442c3b79f606f80f322d98d499eefcb060599efc5d4ecb00209c2cb54190';
const SMALL = '02458c322518069b0a8c7490853289ed2c6a8aa838b78f1367808e99b8c9705c9e';
const FEE_RATE = 10; // ONCHAIN_FEE_RATE_SAT_VB's default

interface Candidate {
  pubkey: string;
  gain_in_betweenness_rank: number;
  ideal_capacity: number;
  suggested_capacity: number;
  vetting: { passed: boolean; reasons: string[]; zombie_share: number; inbound_fee_median_ppm: number | null };
}
interface Rec {
  rule: string;
  target_nodes: string[];
  amount_suggestion: number | null;
  commands: { lnd: string | null } | null;
}
interface Action {
  rule: string;
  command: string | null;
  manual: boolean;
  goals: string[];
  estimated_cost: number;
  committed_capital: number;
  cost_basis: string;
}

describe('channel candidates and plans an operator would sign (issue 21, findings 7 and 10)', () => {
  let app: NestExpressApplication;
  const get = (path: string) => request(app.getHttpServer()).get(path).set('Accept-Language', 'en').expect(200);
  const plan = (pk: string, body: object) => request(app.getHttpServer()).post(`/api/v1/node/${pk}/priorities`).set('Accept-Language', 'en').send(body).expect(200);

  beforeAll(async () => {
    app = await createTestApp({ REDIS_URL: testRedisUrl(), CACHE_NAMESPACE: `plans-${Date.now()}`, GRAPH_HISTORY_SNAPSHOTS: '' });
    await app.get(CentralityService).settled();
  }, 120_000);
  afterAll(async () => {
    expect(serverErrorRoutes(app)).toEqual([]);
    await app.close();
  });

  it('CoinGate (62 % zombie channels, reached at 1 ppm) is vetted out, with the evidence', async () => {
    const { body } = await request(app.getHttpServer()).post(`/api/v1/node/${START9}/channel-candidates/evaluate`).send({ candidates: [{ pubkey: COINGATE }] }).expect(200);
    const coingate: Candidate = body.candidates[0];
    expect(coingate.vetting).toMatchObject({ passed: false, inbound_fee_median_ppm: 1 });
    expect(coingate.vetting.zombie_share).toBeCloseTo(0.623, 3);
    expect(coingate.vetting.reasons.join(' ')).toMatch(/62 % of its 1268 channels have no enabled direction/);
    for (const pk of [START9, SMALL]) {
      const recs: Rec[] = (await get(`/api/v1/node/${pk}/recommendations`)).body.recommendations;
      const opens = recs.filter((r) => /openchannel/.test(r.commands?.lnd ?? ''));
      expect(opens.map((r) => r.commands!.lnd)).not.toContainEqual(expect.stringContaining(COINGATE));
    }
  });

  it('the 37,000-sat node is never told to open more than its capital rule allows (20,000 sat)', async () => {
    const { body } = await get(`/api/v1/node/${START9}/channel-candidates?limit=50`);
    expect(body.candidates.length).toBeGreaterThan(0);
    for (const c of body.candidates as Candidate[]) expect(c.suggested_capacity).toBe(20_000);
    expect(Math.max(...body.candidates.map((c: Candidate) => c.ideal_capacity))).toBeGreaterThan(1_000_000); // what it was told before
    const recs: Rec[] = (await get(`/api/v1/node/${START9}/recommendations`)).body.recommendations;
    const opens = recs.filter((r) => /openchannel/.test(r.commands?.lnd ?? ''));
    expect(opens.length).toBeGreaterThan(0);
    for (const r of opens) {
      expect(r.amount_suggestion).toBe(20_000);
      expect(r.commands!.lnd).toMatch(/--local_amt 20000$/);
    }
  });

  it('a node whose median channel is 30 M sat is not told to open 500,000 sat', async () => {
    const { body } = await get(`/api/v1/node/${BLOCK}/channel-candidates?limit=50`);
    for (const c of body.candidates as Candidate[]) expect(c.suggested_capacity).toBeGreaterThanOrEqual(30_000_000);
  });

  it('a node’s best candidate is in its advice: one pool for /channel-candidates and recommendations', async () => {
    for (const pk of [START9, SMALL]) {
      const candidates: Candidate[] = (await get(`/api/v1/node/${pk}/channel-candidates?limit=50`)).body.candidates;
      const best = candidates.find((c) => c.vetting.passed && c.gain_in_betweenness_rank > 0)!;
      expect(candidates[0]).toBe(best);
      const recs: Rec[] = (await get(`/api/v1/node/${pk}/recommendations`)).body.recommendations;
      // Its open may be merged into the few-peers or no-hub item that opens to the same peer: the command says.
      const opensTo = recs.map((r) => /--node_key (\w+)/.exec(r.commands?.lnd ?? '')?.[1]).filter(Boolean);
      expect(opensTo).toContain(best.pubkey);
    }
  });

  it('the 2-channel node’s plan never closes both channels; under “connectivity” it closes none', async () => {
    const connectivity: Action[] = (await plan(START9, { goals: ['connectivity'], max_actions: 10, context: 'expert' })).body.priority_actions;
    expect(connectivity.length).toBeGreaterThan(0);
    expect(connectivity.filter((a) => /closechannel/.test(a.command ?? ''))).toEqual([]);
    expect(connectivity.every((a) => a.goals.includes('connectivity'))).toBe(true);
    const cleanup: Action[] = (await plan(START9, { goals: ['reliability', 'cost_optimization'], max_actions: 10, context: 'expert' })).body.priority_actions;
    expect(cleanup.filter((a) => /closechannel/.test(a.command ?? '')).length).toBeLessThan(2);
  });

  it('goal “reliability” gives no fee change', async () => {
    const actions: Action[] = (await plan(COINGATE, { goals: ['reliability'], max_actions: 5 })).body.priority_actions;
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a) => a.rule.startsWith('fee_'))).toEqual([]);
  });

  it('estimated_cost is what is spent; channel capital is committed_capital; a command or “manual”', async () => {
    const { body } = await plan(SMALL, { goals: ['connectivity'], max_actions: 5, budget_limit: 50_000_000 });
    const actions: Action[] = body.priority_actions;
    const opens = actions.filter((a) => /openchannel/.test(a.command ?? ''));
    expect(opens.length).toBeGreaterThan(0);
    for (const a of opens) {
      expect(a.estimated_cost).toBe(154 * FEE_RATE);
      expect(a.committed_capital).toBeGreaterThanOrEqual(20_000);
      expect(a.cost_basis).toMatch(/committed capital, not spent/);
    }
    expect(body.total_estimated_cost).toBe(actions.reduce((s, a) => s + a.estimated_cost, 0));
    expect(body.total_committed_capital).toBe(actions.reduce((s, a) => s + a.committed_capital, 0));
    for (const a of actions) {
      expect(a.manual).toBe(a.command === null);
      if (a.manual) expect(a.cost_basis).toMatch(/manual action/);
    }
    expect(body.openai_analysis).toMatch(/sat spent in fees, [\d,]+ sat of capital committed/);
  });
});
