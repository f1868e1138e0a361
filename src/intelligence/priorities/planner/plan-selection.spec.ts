import type { Recommendation } from '../../recommendations/recommendations.engine';
import { BEGINNER_MAX_ACTIONS, candidateActions, effectiveMaxActions } from './candidate-actions';
import { planCapitalLimit, selectPlan } from './plan-selection';
import { CandidateAction, PlanRequest } from './plan.types';

/** Deterministic pseudo-random numbers (mulberry32), so every property run is reproducible. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function cand(id: string, score: number, cost: number, more: Partial<CandidateAction> = {}): CandidateAction {
  return {
    id,
    score,
    estimatedCost: cost,
    committedCapital: 0,
    difficulty: 'easy',
    timeframe: 'immediate',
    goal: 'routing_revenue',
    goals: ['routing_revenue'],
    costBasis: '',
    manual: false,
    peers: [],
    closesChannels: 0,
    successMetrics: [],
    rec: {} as Recommendation,
    ...more,
  };
}

function randomCandidates(r: () => number): CandidateAction[] {
  const n = 1 + Math.floor(r() * 20);
  return Array.from({ length: n }, (_, i) => cand(`c${i.toString().padStart(2, '0')}`, Math.round(r() * 100) / 10, r() < 0.4 ? 0 : Math.floor(r() * 3_000_000)));
}

/** Brute force over every subset: the reference the exact search must match. */
function bruteForce(cs: CandidateAction[], maxActions: number, budget: number | null): number {
  let best = 0;
  for (let mask = 0; mask < 1 << cs.length; mask++) {
    let cost = 0;
    let score = 0;
    let count = 0;
    cs.forEach((c, i) => {
      if (mask & (1 << i) && c.score > 0) {
        cost += c.estimatedCost;
        score += c.score;
        count++;
      }
    });
    if (count <= maxActions && (budget === null || cost <= budget)) best = Math.max(best, score);
  }
  return Math.round(best * 1e6) / 1e6;
}

describe(selectPlan.name, () => {
  it('serves every requested goal when an action for it fits, in place of the weakest action whose goal stays served', () => {
    const fees = Array.from({ length: 6 }, (_, i) => cand(`f${i}`, 4 - i * 0.1, 0, { peers: [`p${i}`] }));
    const enable = cand('enable', 1.5, 0, { goal: 'connectivity', goals: ['reliability', 'connectivity'], peers: ['q'] });
    const open = cand('open', 1, 1_540, { goal: 'connectivity', goals: ['connectivity'], committedCapital: 2_000_000, peers: ['r'] });
    const pool = [...fees, enable, open];
    // One goal: the best total score, all six fee raises.
    expect(selectPlan(pool, 6, 5_000_000, { goals: ['routing_revenue'] }).actions.map((a) => a.id)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4', 'f5']);
    const both = selectPlan(pool, 6, 5_000_000, { goals: ['routing_revenue', 'connectivity'] }).actions.map((a) => a.id);
    expect(both).toEqual(['f0', 'f1', 'f2', 'f3', 'f4', 'enable']);
    // Not at the price of a rule: the only connectivity action over budget, or on a peer already acted on, stays out.
    expect(selectPlan([...fees, open], 6, 1_000_000, { goals: ['routing_revenue', 'connectivity'] }).actions.map((a) => a.id)).not.toContain('open');
    const clash = cand('clash', 1, 0, { goal: 'connectivity', goals: ['connectivity'], peers: ['p0'] });
    expect(selectPlan([...fees.slice(0, 1), clash], 1, null, { goals: ['routing_revenue', 'connectivity'] }).actions.map((a) => a.id)).toEqual(['f0']);
    // A goal's only action is never swapped out for another goal's.
    const lone = selectPlan([fees[0], enable, cand('cost', 0.5, 0, { goal: 'cost_optimization', goals: ['cost_optimization'], peers: ['s'] })], 2, null, { goals: ['routing_revenue', 'connectivity', 'cost_optimization'] });
    expect(lone.actions.map((a) => a.id)).toEqual(['f0', 'enable']);
  });

  it('beats a greedy cut that wastes budget', () => {
    // Greedy by score takes A (900k) and cannot afford B or C; B + C together score more within 1M.
    const cs = [cand('a', 5, 900_000), cand('b', 4, 500_000), cand('c', 4, 500_000)];
    const plan = selectPlan(cs, 5, 1_000_000);
    expect(plan.actions.map((a) => a.id).sort()).toEqual(['b', 'c']);
    expect(plan.score).toBe(8);
  });

  it('over 500 random cases: optimal, within budget and max_actions, monotone in budget', () => {
    const r = rng(42);
    for (let i = 0; i < 500; i++) {
      const cs = randomCandidates(r).slice(0, 14);
      const maxActions = 1 + Math.floor(r() * 10);
      const budget = r() < 0.2 ? null : Math.floor(r() * 5_000_000);
      const plan = selectPlan(cs, maxActions, budget);
      expect(plan.actions.length).toBeLessThanOrEqual(maxActions);
      if (budget !== null) expect(plan.totalCost).toBeLessThanOrEqual(budget);
      expect(plan.totalCost).toBe(plan.actions.reduce((s, a) => s + a.estimatedCost, 0));
      expect(plan.score).toBeCloseTo(bruteForce(cs, maxActions, budget), 6);
      if (budget !== null) {
        const richer = selectPlan(cs, maxActions, budget + Math.floor(r() * 2_000_000));
        expect(richer.score).toBeGreaterThanOrEqual(plan.score - 1e-9);
      }
    }
  });

  it('is deterministic and orders actions by score', () => {
    const cs = randomCandidates(rng(7));
    const a = selectPlan(cs, 5, 2_000_000);
    expect(selectPlan([...cs].reverse(), 5, 2_000_000).actions.map((x) => x.id)).toEqual(a.actions.map((x) => x.id));
    const scores = a.actions.map((x) => x.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it('a zero budget only takes free actions', () => {
    const plan = selectPlan([cand('free', 1, 0), cand('paid', 10, 1)], 5, 0);
    expect(plan.actions.map((a) => a.id)).toEqual(['free']);
  });

  it('counts committed capital against the budget but never as cost', () => {
    const open = cand('open', 5, 1_540, { committedCapital: 2_000_000 });
    expect(selectPlan([open], 5, 2_000_000).actions).toEqual([]);
    const plan = selectPlan([open], 5, 2_001_540);
    expect(plan.actions.map((a) => a.id)).toEqual(['open']);
    expect(plan).toMatchObject({ totalCost: 1_540, totalCapital: 2_000_000 });
  });

  it('without a budget, commits no more new capital than the node already has in channels', () => {
    // start9-like: 37,000 sat in channels, three 20,000 sat opens advised.
    const opens = ['a', 'b', 'c'].map((id, i) => cand(id, 3 - i, 1_540, { committedCapital: 20_000, peers: [id] }));
    const limit = planCapitalLimit(37_000, 20_000, null);
    expect(limit).toBe(37_000);
    const plan = selectPlan(opens, 5, null, { capitalLimit: limit });
    expect(plan.actions.map((a) => a.id)).toEqual(['a']);
    expect(plan.totalCapital).toBeLessThanOrEqual(37_000);
    // One capped open always fits, even for a node whose capital is below the cap.
    expect(selectPlan(opens, 5, null, { capitalLimit: planCapitalLimit(5_000, 20_000, null) }).actions).toHaveLength(1);
    // A budget is the operator's own word: it replaces the limit.
    expect(planCapitalLimit(37_000, 20_000, 100_000)).toBeUndefined();
    expect(selectPlan(opens, 5, 100_000, { capitalLimit: planCapitalLimit(37_000, 20_000, 100_000) }).actions).toHaveLength(3);
  });

  it('takes at most one action per peer, preferring the better plan', () => {
    const p = ['02' + 'aa'.repeat(32)];
    const plan = selectPlan([cand('cut', 4, 0, { peers: p }), cand('raise', 3, 0, { peers: p }), cand('close', 5, 1_700, { peers: p, closesChannels: 1 }), cand('other', 1, 0)], 5, null);
    expect(plan.actions.map((a) => a.id)).toEqual(['close', 'other']);
  });

  it('never closes every channel of the node', () => {
    const closes = [cand('c1', 5, 1_700, { peers: ['a'], closesChannels: 1 }), cand('c2', 4, 1_700, { peers: ['b'], closesChannels: 1 })];
    expect(selectPlan(closes, 5, null, { totalChannels: 2 }).actions.map((a) => a.id)).toEqual(['c1']);
    expect(selectPlan([cand('all', 9, 3_400, { closesChannels: 2 })], 5, null, { totalChannels: 2 }).actions).toEqual([]);
    expect(selectPlan(closes, 5, null, { totalChannels: 3 }).actions).toHaveLength(2);
  });

  it('over 300 random cases with peers and closes: valid, and as good as brute force', () => {
    const r = rng(11);
    for (let i = 0; i < 300; i++) {
      const n = 1 + Math.floor(r() * 12);
      const cs = Array.from({ length: n }, (_, k) => {
        const costly = r() < 0.5;
        return cand(`c${k.toString().padStart(2, '0')}`, Math.round(r() * 100) / 10, costly ? Math.floor(r() * 10_000) : 0, {
          committedCapital: costly && r() < 0.5 ? Math.floor(r() * 2_000_000) : 0,
          peers: [`p${Math.floor(r() * 5)}`],
          closesChannels: costly && r() < 0.4 ? 1 : 0,
        });
      });
      const maxActions = 1 + Math.floor(r() * 6);
      const budget = r() < 0.3 ? null : Math.floor(r() * 3_000_000);
      const totalChannels = 1 + Math.floor(r() * 4);
      const plan = selectPlan(cs, maxActions, budget, { totalChannels });
      const peers = plan.actions.flatMap((a) => a.peers);
      expect(new Set(peers).size).toBe(peers.length);
      expect(plan.actions.reduce((s, a) => s + a.closesChannels, 0)).toBeLessThan(totalChannels);
      if (budget !== null) expect(plan.totalCost + plan.totalCapital).toBeLessThanOrEqual(budget);
      expect(plan.actions.length).toBeLessThanOrEqual(maxActions);
      expect(plan.score).toBeCloseTo(bruteForceValid(cs, maxActions, budget, totalChannels), 6);
    }
  });
});

/** Brute force under every plan rule: the reference for the constrained search. */
function bruteForceValid(cs: CandidateAction[], maxActions: number, budget: number | null, totalChannels: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << cs.length; mask++) {
    const chosen = cs.filter((c, i) => mask & (1 << i) && c.score > 0);
    if (chosen.length !== cs.filter((_, i) => mask & (1 << i)).length) continue;
    const peers = chosen.flatMap((c) => c.peers);
    const use = chosen.reduce((s, c) => s + c.estimatedCost + c.committedCapital, 0);
    const closes = chosen.reduce((s, c) => s + c.closesChannels, 0);
    if (chosen.length > maxActions || new Set(peers).size !== peers.length || closes >= totalChannels || (budget !== null && use > budget)) continue;
    best = Math.max(best, chosen.reduce((s, c) => s + c.score, 0));
  }
  return Math.round(best * 1e6) / 1e6;
}

describe(candidateActions.name, () => {
  const PEER = (n: number) => '02' + n.toString(16).padStart(2, '0').repeat(32);
  const rec = (rule: string, priority: Recommendation['priority'], category: Recommendation['category'], more: Partial<Recommendation> = {}): Recommendation =>
    ({ id: rule, rule, priority, category, confidence: 1, amount_suggestion: null, channels_affected: 1, target_nodes: [], action: rule, reason: '', estimated_impact: '', commands: null, ...more }) as unknown as Recommendation;
  const cmd = (lnd: string) => ({ lnd, cln: null, revert: null, placeholders: [], notes: [] });
  const recs = [
    rec('fee_underpriced', 'high', 'revenue', { target_nodes: [PEER(1)], commands: cmd('lncli updatechanpolicy --base_fee_msat 1000 --fee_rate_ppm 500 --time_lock_delta 80 --chan_point <CHANNEL_POINT>') }),
    rec('few_channels', 'high', 'connectivity', { amount_suggestion: 2_000_000, target_nodes: [PEER(2), PEER(3)], commands: cmd(`lncli openchannel --node_key ${PEER(2)} --connect <HOST> --local_amt 2000000`) }),
    rec('not_routable', 'critical', 'operational'),
    rec('liquidity_saturated', 'high', 'liquidity', { amount_suggestion: 500_000, target_nodes: [PEER(4)], commands: cmd('loop out --channel <CHAN_ID> --amt 500000') }),
    rec('small_channel', 'medium', 'operational', { target_nodes: [PEER(5)], commands: cmd('lncli closechannel --chan_point <CHANNEL_POINT>') }),
    rec('concentration', 'medium', 'connectivity', { target_nodes: [PEER(1)] }),
  ];
  const costs = { onchainFeeRateSatVb: 10, feeRateSource: 'static', networkMedianFeePpm: 100 };
  const req = (p: Partial<PlanRequest> = {}): PlanRequest => ({ context: 'intermediate', goals: ['routing_revenue'], maxActions: 5, budgetLimit: null, timeframePreference: null, ...p });
  const byId = (cs: CandidateAction[]) => new Map(cs.map((c) => [c.id, c]));

  it('costs a channel open as its on-chain fee, with the capacity as committed capital', () => {
    const cs = byId(candidateActions(recs, req(), 'en', costs));
    expect(cs.get('fee_underpriced')).toMatchObject({ estimatedCost: 0, committedCapital: 0, manual: false, peers: [PEER(1)] });
    expect(cs.get('few_channels')).toMatchObject({ estimatedCost: 154 * 10, committedCapital: 2_000_000, peers: [PEER(2)] });
    expect(cs.get('few_channels')!.costBasis).toContain('10 sat/vB (static)');
    expect(cs.get('small_channel')).toMatchObject({ estimatedCost: 170 * 10, committedCapital: 0, closesChannels: 1 });
  });

  it('an action without a command is manual, never costed as a 0-sat open', () => {
    const diversify = byId(candidateActions(recs, req({ goals: ['reliability'] }), 'en', costs)).get('concentration')!;
    expect(diversify).toMatchObject({ manual: true, estimatedCost: 0, committedCapital: 0 });
    expect(diversify.costBasis).toMatch(/manual action \(no command\)/);
  });

  it('sizes an open down to the budget, with the command to match', () => {
    const open = byId(candidateActions(recs, req({ goals: ['connectivity'], budgetLimit: 1_000_000 }), 'en', costs)).get('few_channels')!;
    expect(open.committedCapital).toBe(990_000);
    expect(open.estimatedCost + open.committedCapital).toBeLessThanOrEqual(1_000_000);
    expect(open.rec.commands!.lnd).toContain('--local_amt 990000');
    expect(open.rec.action).toMatch(/in this plan: 990,000 sat, to fit the budget/);
  });

  it('a beginner gets only easy and medium actions, three at most', () => {
    const cs = candidateActions(recs, req({ context: 'beginner', goals: ['routing_revenue', 'connectivity', 'reliability', 'liquidity'] }), 'en', costs);
    const plan = selectPlan(cs, effectiveMaxActions(req({ context: 'beginner', maxActions: 10 })), null);
    expect(plan.actions.length).toBeLessThanOrEqual(BEGINNER_MAX_ACTIONS);
    expect(plan.actions.every((a) => a.difficulty !== 'hard')).toBe(true);
    expect(plan.actions.map((a) => a.id)).not.toContain('not_routable');
  });

  it('the goals drive the selection: no fee change for reliability, no close for connectivity', () => {
    const reliability = selectPlan(candidateActions(recs, req({ goals: ['reliability'] }), 'en', costs), 5, null);
    expect(reliability.actions.map((a) => a.rec.rule)).not.toContain('fee_underpriced');
    const connectivity = selectPlan(candidateActions(recs, req({ goals: ['connectivity'] }), 'en', costs), 5, null);
    expect(connectivity.actions.map((a) => a.rec.rule)).not.toContain('small_channel');
    expect(connectivity.actions.every((a) => a.goals.includes('connectivity') || a.rec.priority === 'critical')).toBe(true);
    const revenue = byId(candidateActions(recs, req({ goals: ['routing_revenue'] }), 'en', costs));
    expect(revenue.get('fee_underpriced')!.score).toBeGreaterThan(0);
    expect(revenue.get('small_channel')!.score).toBe(0);
  });
});
