import type { Recommendation } from '../../recommendations/recommendations.engine';
import { BEGINNER_MAX_ACTIONS, candidateActions, effectiveMaxActions } from './candidate-actions';
import { selectPlan } from './plan-selection';
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

function cand(id: string, score: number, cost: number, difficulty: CandidateAction['difficulty'] = 'easy'): CandidateAction {
  return { id, score, estimatedCost: cost, difficulty, timeframe: 'immediate', goal: 'routing_revenue', costBasis: '', successMetrics: [], rec: {} as Recommendation };
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
});

describe(candidateActions.name, () => {
  const rec = (rule: string, priority: Recommendation['priority'], category: Recommendation['category'], amount: number | null = null): Recommendation =>
    ({ id: rule, rule, priority, category, confidence: 1, amount_suggestion: amount, channels_affected: 1, action: rule, reason: '', estimated_impact: '', commands: null }) as unknown as Recommendation;
  const recs = [rec('fee_underpriced', 'high', 'revenue'), rec('few_channels', 'high', 'connectivity', 2_000_000), rec('not_routable', 'critical', 'operational'), rec('liquidity_saturated', 'high', 'liquidity', 500_000)];
  const costs = { onchainFeeRateSatVb: 10, feeRateSource: 'static', networkMedianFeePpm: 100 };
  const req = (p: Partial<PlanRequest> = {}): PlanRequest => ({ context: 'intermediate', goals: ['routing_revenue'], maxActions: 5, budgetLimit: null, timeframePreference: null, ...p });

  it('costs a channel open as capacity plus the on-chain fee, a fee change as nothing', () => {
    const [fee, open] = candidateActions(recs, req(), 'en', costs);
    expect(fee.estimatedCost).toBe(0);
    expect(open.estimatedCost).toBe(2_000_000 + 154 * 10);
    expect(open.costBasis).toContain('10 sat/vB (static)');
  });

  it('a beginner gets only easy and medium actions, three at most', () => {
    const cs = candidateActions(recs, req({ context: 'beginner', goals: ['routing_revenue', 'connectivity', 'reliability', 'liquidity'] }), 'en', costs);
    const plan = selectPlan(cs, effectiveMaxActions(req({ context: 'beginner', maxActions: 10 })), null);
    expect(plan.actions.length).toBeLessThanOrEqual(BEGINNER_MAX_ACTIONS);
    expect(plan.actions.every((a) => a.difficulty !== 'hard')).toBe(true);
    expect(plan.actions.map((a) => a.id)).not.toContain('not_routable');
  });

  it('weights actions toward the requested goals', () => {
    const revenue = candidateActions(recs, req({ goals: ['routing_revenue'] }), 'en', costs);
    const connectivity = candidateActions(recs, req({ goals: ['connectivity'] }), 'en', costs);
    expect(revenue[0].score).toBeGreaterThan(connectivity[0].score);
    expect(connectivity[1].score).toBeGreaterThan(revenue[1].score);
  });
});
