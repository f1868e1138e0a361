import { CandidateAction, Goal, Plan, PlanLimits } from './plan.types';

/**
 * Without a budget, a plan's new channels together commit at most the capital the node already has in
 * channels (or one capped open, if larger): each open is sized to that capital, and five of them must not
 * add up to several times what the operator has shown it can fund. A budget, when given, is the
 * operator's own word and replaces this limit.
 */
export function planCapitalLimit(ownCapacitySat: number, openCapSat: number, budget: number | null): number | undefined {
  return budget === null ? Math.max(ownCapacitySat, openCapSat) : undefined;
}

/** Costly candidates considered by the exact search; the rest of the costly ones are the least valuable. */
export const MAX_COSTLY_CANDIDATES = 16;

/** Sats an action takes from the budget: what it spends plus the capital it commits. */
export const budgetUse = (c: CandidateAction) => c.estimatedCost + c.committedCapital;

/**
 * The best plan within a budget and a number of actions (then each requested goal served, see coverGoals): maximum total score, exactly over the costly
 * candidates (a 0/1 knapsack with a cardinality limit, by branch and bound, not a greedy cut), with the rules an operator would
 * insist on: at most one action per peer, never every channel of the node closed, the budget counting
 * both fees spent and capital committed, and without a budget no more new capital than the node's own. Actions that take no budget (fee changes…) fill the remaining slots
 * best first, skipping any that touch a peer already acted on; this is exact when each of them acts on one
 * peer at most (one per peer under a count limit is a matroid). Ties go to the plan using less budget, then
 * to the smaller ids, so the result is deterministic.
 */
export function selectPlan(candidates: CandidateAction[], maxActions: number, budget: number | null, limits: PlanLimits = {}): Plan {
  const byValue = (a: CandidateAction, b: CandidateAction) => b.score - a.score || budgetUse(a) - budgetUse(b) || (a.id < b.id ? -1 : 1);
  const maxCloses = limits.totalChannels === undefined ? Infinity : Math.max(0, limits.totalChannels - 1);
  const maxCapital = limits.capitalLimit ?? Infinity;
  const eligible = candidates.filter((c) => c.score > 0 && (budget === null || budgetUse(c) <= budget) && c.closesChannels <= maxCloses && c.committedCapital <= maxCapital);
  const free = eligible.filter((c) => budgetUse(c) === 0).sort(byValue);
  const costly = eligible.filter((c) => budgetUse(c) > 0).sort(byValue).slice(0, MAX_COSTLY_CANDIDATES);

  // peer → the search node that last used it: no set is allocated per subset.
  const usedBy = new Map<string, number>();
  const takePeers = (c: CandidateAction, marker: number) => {
    if (c.peers.some((p) => usedBy.get(p) === marker)) return false;
    for (const p of c.peers) usedBy.set(p, marker);
    return true;
  };
  const freeScores = free.map((c) => c.score);
  /** Highest total of `slots` scores among costly[from..] and every free action: an upper bound for what can be added. */
  const bound = (from: number, slots: number) => {
    let total = 0;
    let i = from;
    let j = 0;
    for (let k = 0; k < slots; k++) {
      // eslint-disable-next-line security/detect-object-injection -- integer indices within bounds
      const a = i < costly.length ? costly[i].score : -1;
      // eslint-disable-next-line security/detect-object-injection -- integer indices within bounds
      const b = j < freeScores.length ? freeScores[j] : -1;
      if (a < 0 && b < 0) break;
      if (a >= b) {
        total += a;
        i++;
      } else {
        total += b;
        j++;
      }
    }
    return total;
  };

  let best = { chosen: [] as CandidateAction[], score: -1, use: 0, free: [] as CandidateAction[] };
  let marker = 0;
  const chosen: CandidateAction[] = [];
  // Depth-first over subsets of the costly candidates (best first), each completed with the free ones; a
  // branch is cut when even its best possible completion scores less than the best plan found.
  const explore = (from: number, use: number, closes: number, score: number, capital: number) => {
    const m = ++marker;
    for (const c of chosen) takePeers(c, m);
    let total = score;
    let closed = closes;
    const filled: CandidateAction[] = [];
    for (const c of free) {
      if (chosen.length + filled.length >= maxActions) break;
      if (closed + c.closesChannels > maxCloses || !takePeers(c, m)) continue;
      closed += c.closesChannels;
      total += c.score;
      filled.push(c);
    }
    if (total > best.score + 1e-12 || (Math.abs(total - best.score) <= 1e-12 && use < best.use)) best = { chosen: [...chosen], score: total, use, free: filled };
    if (chosen.length >= maxActions) return;
    for (let i = from; i < costly.length; i++) {
      if (score + bound(i, maxActions - chosen.length) < best.score - 1e-12) break;
      // eslint-disable-next-line security/detect-object-injection -- integer loop index
      const c = costly[i];
      const nextUse = use + budgetUse(c);
      if ((budget !== null && nextUse > budget) || closes + c.closesChannels > maxCloses || capital + c.committedCapital > maxCapital) continue;
      const probe = ++marker;
      let clash = false;
      for (const held of chosen) takePeers(held, probe);
      if (!takePeers(c, probe)) clash = true;
      if (clash) continue;
      chosen.push(c);
      explore(i + 1, nextUse, closes + c.closesChannels, score + c.score, capital + c.committedCapital);
      chosen.pop();
    }
  };
  explore(0, 0, 0, 0, 0);
  const actions = coverGoals([...best.chosen, ...best.free], eligible, maxActions, budget, maxCloses, maxCapital, limits.goals ?? [], byValue).sort(byValue);
  return {
    actions,
    totalCost: actions.reduce((s, a) => s + a.estimatedCost, 0),
    totalCapital: actions.reduce((s, a) => s + a.committedCapital, 0),
    score: Math.max(0, Math.round(actions.reduce((t, a) => t + a.score, 0) * 1e6) / 1e6),
  };
}

/**
 * A plan asked to serve several goals serves each of them when it can: the best-scoring plan may spend every slot
 * on one goal (six fee raises for "routing revenue and connectivity"). For each requested goal no action serves,
 * the best eligible action serving it goes in, in place of the lowest-valued action whose goals the rest of the
 * plan still covers when the plan is full, provided the result keeps every rule (budget, capital, closes, one
 * action per peer). A goal nothing can serve within those rules stays uncovered.
 */
function coverGoals(
  plan: CandidateAction[],
  eligible: CandidateAction[],
  maxActions: number,
  budget: number | null,
  maxCloses: number,
  maxCapital: number,
  goals: readonly Goal[],
  byValue: (a: CandidateAction, b: CandidateAction) => number,
): CandidateAction[] {
  if (goals.length < 2) return plan;
  const valid = (xs: CandidateAction[]) => {
    const peers = xs.flatMap((x) => x.peers);
    if (new Set(peers).size !== peers.length) return false;
    const sum = (f: (x: CandidateAction) => number) => xs.reduce((t, x) => t + f(x), 0);
    return (budget === null || sum(budgetUse) <= budget) && sum((x) => x.closesChannels) <= maxCloses && sum((x) => x.committedCapital) <= maxCapital;
  };
  const covered = (xs: CandidateAction[], g: Goal) => xs.some((x) => x.goals.includes(g));
  let out = plan;
  for (const g of goals) {
    if (covered(out, g)) continue;
    const removable = [...out].sort(byValue).reverse().filter((v) => goals.every((h) => !v.goals.includes(h) || covered(out.filter((x) => x !== v), h)));
    // With a free slot, adding comes first; replacing still serves when the action shares a peer with one taken.
    const victims = out.length < maxActions ? [null, ...removable] : removable;
    search: for (const c of eligible.filter((x) => x.goals.includes(g) && !out.includes(x)).sort(byValue)) {
      for (const v of victims) {
        const next = [...out.filter((x) => x !== v), c];
        if (valid(next)) {
          out = next;
          break search;
        }
      }
    }
  }
  return out;
}
