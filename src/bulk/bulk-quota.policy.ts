import type { AnalysisType } from './bulk.types';

/**
 * Types whose per-item cost is counted against the caps: a channel-candidate simulation costs 50–400 ms of CPU
 * per node, thousands of times the other types (priorities ≈ 0.3 ms, recommendations ≈ 0.2 ms), so it alone
 * decides how long a job holds the workers.
 */
export const CAPPED_TYPES: readonly AnalysisType[] = ['channel_candidates'];

export interface BulkLimits {
  /** Items with a capped type in one job (BULK_MAX_EXPENSIVE_ITEMS_PER_JOB). */
  expensivePerJob: number;
  /** Items with a capped type in one key's queued and running jobs (BULK_MAX_EXPENSIVE_ITEMS_PER_KEY). */
  expensivePerKey: number;
  /** Items of one key's jobs still kept in the job store, finished or not (BULK_MAX_STORED_ITEMS_PER_KEY). */
  storedPerKey: number;
}

/** What one key's jobs hold in the store right now. */
export interface OwnerUsage {
  unfinishedExpensiveItems: number;
  storedItems: number;
}

/** Items of a job that count against the expensive caps: all of them when a capped type is asked, else none. */
export function expensiveItems(types: readonly AnalysisType[], items: number): number {
  return types.some((t) => CAPPED_TYPES.includes(t)) ? items : 0;
}

/** Why a job of `items` nodes asking `types` is too large for any key, or null. */
export function jobLimitProblem(items: number, types: readonly AnalysisType[], limits: BulkLimits): string | null {
  if (expensiveItems(types, items) <= limits.expensivePerJob) return null;
  return `a job with ${CAPPED_TYPES.join(' or ')} may list at most ${limits.expensivePerJob} distinct pubkeys (this one has ${items}); split it into several jobs`;
}

/** Why this key may not store one more job of `items` nodes asking `types` now, or null. */
export function keyQuotaProblem(usage: OwnerUsage, items: number, types: readonly AnalysisType[], limits: BulkLimits): string | null {
  const expensive = expensiveItems(types, items);
  if (expensive > 0 && usage.unfinishedExpensiveItems + expensive > limits.expensivePerKey) {
    return (
      `this API key already has ${usage.unfinishedExpensiveItems} ${CAPPED_TYPES.join('/')} items in queued or running jobs and may have at most ` +
      `${limits.expensivePerKey}; wait for them to finish (or cancel one) before submitting ${expensive} more`
    );
  }
  if (usage.storedItems + items > limits.storedPerKey) {
    return (
      `this API key's jobs already keep ${usage.storedItems} items of results in the job store and may keep at most ${limits.storedPerKey}; ` +
      `results are removed when their retention time ends (BULK_RESULT_TTL), then ${items} more fit`
    );
  }
  return null;
}
