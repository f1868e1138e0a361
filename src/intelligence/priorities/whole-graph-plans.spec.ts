import { join } from 'node:path';
import { computeCentralities } from '../../graph/analytics/centralities';
import { ChannelCandidate, prepareCandidateContext, preselectCandidates, suggestCapacity, suggestFees } from '../../graph/analytics/channel-candidates';
import type { GraphState } from '../../graph/graph.service';
import { loadGraphSnapshot } from '../../graph/loaders/graph-snapshot.loader';
import { computeNetworkRanks } from '../../graph/stats/node-stats';
import { buildCandidatePool, toCandidatePeer } from '../candidates/candidate-pool';
import { MIN_USEFUL_CHANNEL_SAT, openCap } from '../candidates/open-sizing';
import { analyseNode, networkFeeIndex } from '../recommendations/node-analysis';
import { recommend } from '../recommendations/recommendations.engine';
import { candidateActions, effectiveMaxActions, OPEN_TX_VBYTES } from './planner/candidate-actions';
import { budgetUse, planCapitalLimit, selectPlan } from './planner/plan-selection';
import { Goal, PlanRequest } from './planner/plan.types';

/**
 * Properties of every node's advice and plans on the embedded 2026 snapshot (17,324 nodes). The simulation
 * of rank gains costs about a second per node, so each node is given the network's ten best-placed peers as
 * candidates, vetted and sized for it by the production code, with a stand-in gain of one rank place (the
 * gains are not under test here; sizing, vetting and their use by the rules and plans are).
 */
const SNAPSHOT = join(__dirname, '../../../data/ln-graph/cln_gossmap_2026-02-03.derived-describegraph.json.gz');
const FEE_RATE = 10;
const GOAL_SETS: Goal[][] = [['routing_revenue'], ['connectivity'], ['reliability'], ['reliability', 'cost_optimization'], ['liquidity'], ['routing_revenue', 'connectivity']];

interface NodeOutcome {
  v: number;
  totalChannels: number;
  /** Capital the node has in channels, sat. */
  ownCapital: number;
  cap: number;
  opens: Array<{ rule: string; amount: number; target: string }>;
  bestVetted: string | null;
  rejected: Set<string>;
  advisedCandidates: string[];
  /** The revenue-and-connectivity request has a connectivity action that takes no budget and closes nothing. */
  freeConnectivity: boolean;
  plans: Array<{ goals: Goal[]; budget: number | null; plan: ReturnType<typeof selectPlan> }>;
}

describe('advice and plans over every node of the 2026 snapshot', () => {
  const outcomes: NodeOutcome[] = [];

  beforeAll(() => {
    const graph = loadGraphSnapshot(SNAPSHOT);
    const state: GraphState = { graph, ranks: computeNetworkRanks(graph), loadedAt: new Date(), loadMs: 0, source: 'embedded-graph:2026-02-03', origin: 'embedded' };
    const ctx = prepareCandidateContext(graph, computeCentralities(graph));
    const median = networkFeeIndex(state).facts.medianChannelSat;
    const network = preselectCandidates(ctx, -1, { limit: 10 });
    const standIn = (c: number): ChannelCandidate => {
      const change = { before: null, after: 0, rankBefore: 2, rankAfter: 1, gain: 1 };
      return { node: c, pubkey: graph.pubkeys[c], alias: graph.aliases[c], betweenness: change, closeness: change, eigenvector: change, meanHopDistance: { before: null, after: 1, change: null }, capacity: suggestCapacity(graph, c), fees: suggestFees(graph, c, 0) };
    };
    const standIns = network.map(standIn);
    for (let v = 0; v < graph.nodeCount; v++) {
      const analysis = analyseNode(state, v);
      const peers = new Set(analysis.channels.map((c) => c.peerPubkey));
      const pool = buildCandidatePool(graph, v, standIns.filter((c) => c.node !== v && !peers.has(c.pubkey)), median);
      analysis.candidates = pool.map(toCandidatePeer);
      const { recommendations } = recommend(analysis, 'en');
      const opens = recommendations
        .filter((r) => /openchannel/.test(r.commands?.lnd ?? ''))
        .map((r) => ({ rule: r.rule, amount: r.amount_suggestion ?? 0, target: /--node_key (\w+)/.exec(r.commands!.lnd!)![1] }));
      const plans: NodeOutcome['plans'] = [];
      let freeConnectivity = false;
      const cap = openCap(analysis.summary, median);
      for (const goals of GOAL_SETS) {
        for (const budget of [null, 1_000_000]) {
          const req: PlanRequest = { context: 'expert', goals, maxActions: 10, budgetLimit: budget, timeframePreference: null };
          const cands = candidateActions(recommendations, req, 'en', { onchainFeeRateSatVb: FEE_RATE, feeRateSource: 'test', networkMedianFeePpm: 100 });
          if (goals.length === 2 && goals[1] === 'connectivity') freeConnectivity = cands.some((c) => c.goals.includes('connectivity') && c.score > 0 && budgetUse(c) === 0 && c.closesChannels === 0);
          const limits = { totalChannels: analysis.summary.totalChannels, capitalLimit: planCapitalLimit(analysis.summary.totalCapacitySat, cap, budget), goals };
          plans.push({ goals, budget, plan: selectPlan(cands, effectiveMaxActions(req), budget, limits) });
        }
      }
      const vetted = pool.filter((c) => c.vetting.passed);
      outcomes.push({
        v,
        totalChannels: analysis.summary.totalChannels,
        ownCapital: analysis.summary.totalCapacitySat,
        cap,
        opens,
        bestVetted: vetted[0]?.pubkey ?? null,
        rejected: new Set(pool.filter((c) => !c.vetting.passed).map((c) => c.pubkey)),
        // Every open's command, whichever rule leads it: a candidate the few-peers or no-hub advice also opens to is merged into that item.
        advisedCandidates: opens.map((o) => o.target),
        freeConnectivity,
        plans,
      });
    }
  }, 120_000);

  it('covers every node', () => {
    expect(outcomes).toHaveLength(17_324);
    expect(outcomes.filter((o) => o.opens.length > 0).length).toBeGreaterThan(1_000);
  });

  it('no open is larger than the node’s capital rule', () => {
    const over = outcomes.flatMap((o) => o.opens.filter((x) => x.amount > o.cap).map((x) => ({ v: o.v, ...x, cap: o.cap })));
    expect(over).toEqual([]);
    const planned = outcomes.flatMap((o) => o.plans.flatMap((p) => p.plan.actions.filter((a) => a.committedCapital > o.cap).map((a) => ({ v: o.v, rule: a.rec.rule }))));
    expect(planned).toEqual([]);
  });

  it('no open, advised or planned, is a channel the node’s own advice would call small', () => {
    const small = outcomes.flatMap((o) => {
      const floor = Math.min(MIN_USEFUL_CHANNEL_SAT, o.cap);
      const planned = o.plans.flatMap((p) => p.plan.actions.filter((a) => a.committedCapital > 0).map((a) => ({ rule: a.rec.rule, amount: a.committedCapital, budget: p.budget })));
      return [...o.opens, ...planned].filter((x) => x.amount < floor).map((x) => ({ v: o.v, ...x, floor }));
    });
    expect(small).toEqual([]);
  });

  it('every rule proposes the same amount for an open to the same peer', () => {
    const split = outcomes.filter((o) => {
      const amounts = new Map<string, Set<number>>();
      for (const x of o.opens) amounts.set(x.target, (amounts.get(x.target) ?? new Set()).add(x.amount));
      return [...amounts.values()].some((a) => a.size > 1);
    });
    expect(split.map((o) => ({ v: o.v, opens: o.opens }))).toEqual([]);
  });

  it('without a budget, a plan commits no more new capital than the node has in channels (or one capped open)', () => {
    const over = outcomes.flatMap((o) => o.plans.filter((p) => p.budget === null && p.plan.totalCapital > Math.max(o.ownCapital, o.cap)).map((p) => ({ v: o.v, goals: p.goals, capital: p.plan.totalCapital, own: o.ownCapital })));
    expect(over).toEqual([]);
  });

  it('a node’s best vetted candidate is in its advice, and a rejected candidate never is', () => {
    const missing = outcomes.filter((o) => o.bestVetted !== null && !o.advisedCandidates.includes(o.bestVetted)).map((o) => o.v);
    expect(missing).toEqual([]);
    const advisedRejected = outcomes.filter((o) => o.opens.some((x) => o.rejected.has(x.target))).map((o) => o.v);
    expect(advisedRejected).toEqual([]);
  });

  it('a plan never closes every channel of a node', () => {
    const all = outcomes.flatMap((o) => o.plans.filter((p) => o.totalChannels > 0 && p.plan.actions.reduce((s, a) => s + a.closesChannels, 0) >= o.totalChannels).map((p) => ({ v: o.v, goals: p.goals })));
    expect(all).toEqual([]);
  });

  it('a plan takes at most one action per peer', () => {
    const repeated = outcomes.flatMap((o) =>
      o.plans.filter((p) => {
        const peers = p.plan.actions.flatMap((a) => a.peers);
        return new Set(peers).size !== peers.length;
      }).map((p) => ({ v: o.v, goals: p.goals })),
    );
    expect(repeated).toEqual([]);
  });

  it('estimated_cost never includes capital; the budget covers both; every action has a command or is manual', () => {
    const bad: Array<{ v: number; what: string }> = [];
    for (const o of outcomes) {
      for (const { plan, budget } of o.plans) {
        if (plan.totalCost !== plan.actions.reduce((s, a) => s + a.estimatedCost, 0)) bad.push({ v: o.v, what: 'total_estimated_cost is not the sum of estimated_cost' });
        if (budget !== null && plan.totalCost + plan.totalCapital > budget) bad.push({ v: o.v, what: 'over budget' });
        for (const a of plan.actions) {
          if (a.committedCapital > 0 && a.estimatedCost !== OPEN_TX_VBYTES * FEE_RATE) bad.push({ v: o.v, what: `${a.rec.rule}: open costed ${a.estimatedCost}` });
          if (a.manual !== ((a.rec.commands?.lnd ?? a.rec.commands?.cln ?? null) === null)) bad.push({ v: o.v, what: `${a.rec.rule}: manual flag wrong` });
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('a plan for revenue and connectivity serves both whenever its advice has an action for each (one per peer)', () => {
    const bad = outcomes.flatMap((o) =>
      o.plans
        .filter((p) => p.goals.length === 2 && p.goals[1] === 'connectivity' && p.budget === null)
        .filter((p) => {
          const served = (g: Goal) => p.plan.actions.some((a) => a.goals.includes(g));
          return p.plan.actions.length > 0 && o.freeConnectivity && !served('connectivity');
        })
        .map((p) => ({ v: o.v, actions: p.plan.actions.map((a) => a.rec.rule) })),
    );
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('the goals drive the plan: no fee change for reliability, no close for connectivity', () => {
    const feeRules = /^fee_/;
    const bad = outcomes.flatMap((o) =>
      o.plans
        .filter((p) => (p.goals.length === 1 && p.goals[0] === 'reliability' && p.plan.actions.some((a) => feeRules.test(a.rec.rule))) || (p.goals[0] === 'connectivity' && p.plan.actions.some((a) => a.closesChannels > 0)))
        .map((p) => ({ v: o.v, goals: p.goals })),
    );
    expect(bad).toEqual([]);
  });
});
