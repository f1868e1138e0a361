import { CandidateAction, Plan } from './plan.types';

/** Costly candidates considered by the exact search; the rest of the costly ones are the least valuable. */
export const MAX_COSTLY_CANDIDATES = 16;

/**
 * The best plan within a budget and a number of actions: maximum total score, exactly (a 0/1 knapsack with a
 * cardinality limit, not a greedy cut). Free actions (fee changes…) do not use budget, so the search
 * enumerates subsets of the costly candidates (at most 2^16) and fills the remaining slots with the best
 * free ones. Ties go to the cheaper plan, then to the smaller ids, so the result is deterministic.
 */
export function selectPlan(candidates: CandidateAction[], maxActions: number, budget: number | null): Plan {
  const byValue = (a: CandidateAction, b: CandidateAction) => b.score - a.score || a.estimatedCost - b.estimatedCost || (a.id < b.id ? -1 : 1);
  const eligible = candidates.filter((c) => c.score > 0 && (budget === null || c.estimatedCost <= budget));
  const free = eligible.filter((c) => c.estimatedCost === 0).sort(byValue);
  const costly = eligible.filter((c) => c.estimatedCost > 0).sort(byValue).slice(0, MAX_COSTLY_CANDIDATES);
  const freePrefix = [0];
  for (const c of free) freePrefix.push(freePrefix[freePrefix.length - 1] + c.score);

  let best = { mask: 0, score: -1, cost: 0, freeCount: 0 };
  for (let mask = 0; mask < 1 << costly.length; mask++) {
    let cost = 0;
    let score = 0;
    let count = 0;
    for (let i = 0; i < costly.length; i++) {
      if (mask & (1 << i)) {
        // eslint-disable-next-line security/detect-object-injection -- integer loop index
        cost += costly[i].estimatedCost;
        // eslint-disable-next-line security/detect-object-injection -- integer loop index
        score += costly[i].score;
        count++;
      }
    }
    if (count > maxActions || (budget !== null && cost > budget)) continue;
    const freeCount = Math.min(free.length, maxActions - count);
    // eslint-disable-next-line security/detect-object-injection -- integer count, bounded by free.length
    score += freePrefix[freeCount];
    if (score > best.score + 1e-12 || (Math.abs(score - best.score) <= 1e-12 && cost < best.cost)) best = { mask, score, cost, freeCount };
  }
  const actions = [...costly.filter((_, i) => best.mask & (1 << i)), ...free.slice(0, best.freeCount)].sort(byValue);
  return { actions, totalCost: best.cost, score: Math.max(0, Math.round(best.score * 1e6) / 1e6) };
}
