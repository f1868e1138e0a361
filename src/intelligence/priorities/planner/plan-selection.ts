import { CandidateAction, Plan, PlanLimits } from './plan.types';

/** Costly candidates considered by the exact search; the rest of the costly ones are the least valuable. */
export const MAX_COSTLY_CANDIDATES = 16;

/** Sats an action takes from the budget: what it spends plus the capital it commits. */
export const budgetUse = (c: CandidateAction) => c.estimatedCost + c.committedCapital;

/**
 * The best plan within a budget and a number of actions: maximum total score, exactly over the costly
 * candidates (a 0/1 knapsack with a cardinality limit, not a greedy cut), with three rules an operator would
 * insist on: at most one action per peer, never every channel of the node closed, and the budget counting
 * both fees spent and capital committed. Actions that take no budget (fee changes…) fill the remaining slots
 * best first, skipping any that touch a peer already acted on; this is exact when each of them acts on one
 * peer at most (one per peer under a count limit is a matroid). Ties go to the plan using less budget, then
 * to the smaller ids, so the result is deterministic.
 */
export function selectPlan(candidates: CandidateAction[], maxActions: number, budget: number | null, limits: PlanLimits = {}): Plan {
  const byValue = (a: CandidateAction, b: CandidateAction) => b.score - a.score || budgetUse(a) - budgetUse(b) || (a.id < b.id ? -1 : 1);
  const maxCloses = limits.totalChannels === undefined ? Infinity : Math.max(0, limits.totalChannels - 1);
  const eligible = candidates.filter((c) => c.score > 0 && (budget === null || budgetUse(c) <= budget) && c.closesChannels <= maxCloses);
  const free = eligible.filter((c) => budgetUse(c) === 0).sort(byValue);
  const costly = eligible.filter((c) => budgetUse(c) > 0).sort(byValue).slice(0, MAX_COSTLY_CANDIDATES);

  // peer → the mask that last used it: no set is allocated per mask.
  const usedBy = new Map<string, number>();
  const takePeers = (c: CandidateAction, marker: number) => {
    if (c.peers.some((p) => usedBy.get(p) === marker)) return false;
    for (const p of c.peers) usedBy.set(p, marker);
    return true;
  };

  let best = { mask: 0, score: -1, use: 0, free: [] as CandidateAction[] };
  for (let mask = 0; mask < 1 << costly.length; mask++) {
    let use = 0;
    let score = 0;
    let count = 0;
    let closes = 0;
    let ok = true;
    for (let i = 0; i < costly.length && ok; i++) {
      if (!(mask & (1 << i))) continue;
      // eslint-disable-next-line security/detect-object-injection -- integer loop index
      const c = costly[i];
      use += budgetUse(c);
      score += c.score;
      closes += c.closesChannels;
      count++;
      ok = count <= maxActions && (budget === null || use <= budget) && closes <= maxCloses && takePeers(c, mask);
    }
    if (!ok) continue;
    const filled: CandidateAction[] = [];
    for (const c of free) {
      if (count + filled.length >= maxActions) break;
      if (closes + c.closesChannels > maxCloses || !takePeers(c, mask)) continue;
      closes += c.closesChannels;
      score += c.score;
      filled.push(c);
    }
    if (score > best.score + 1e-12 || (Math.abs(score - best.score) <= 1e-12 && use < best.use)) best = { mask, score, use, free: filled };
  }
  const actions = [...costly.filter((_, i) => best.mask & (1 << i)), ...best.free].sort(byValue);
  return {
    actions,
    totalCost: actions.reduce((s, a) => s + a.estimatedCost, 0),
    totalCapital: actions.reduce((s, a) => s + a.committedCapital, 0),
    score: Math.max(0, Math.round(best.score * 1e6) / 1e6),
  };
}
