/**
 * How old the graph an answer comes from is, and what to do when it is too old. Pure: the graph service gives
 * the facts, this decides the figures and the words, and answers carry the result as their `graph` object.
 */
export interface GraphFreshnessInput {
  /** `embedded-graph:2026-02-03`, `graph-url:…`, `lnd-graph:…`. */
  source: string;
  /** UTC date (YYYY-MM-DD) the graph describes. */
  snapshotDate: string;
  loadedAt: Date;
  /** GRAPH_MAX_AGE_DAYS. */
  maxAgeDays: number;
  now: Date;
}

export interface GraphFreshness {
  source: string;
  snapshot_date: string;
  /** Whole days between the snapshot's date and today (UTC); 0 for a graph of today. */
  age_days: number;
  max_age_days: number;
  /** True when age_days > max_age_days. */
  stale: boolean;
  loaded_at: string;
  /** What the age means and what to do; null while the graph is fresh. */
  warning: string | null;
}

const DAY_MS = 86_400_000;

/** Whole days from `date` (YYYY-MM-DD, UTC) to `now`'s UTC date; never negative (a clock behind the data is not "future"). */
export function ageInDays(date: string, now: Date): number {
  const then = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(then)) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.max(0, Math.floor((today - then) / DAY_MS));
}

export function graphFreshness(i: GraphFreshnessInput): GraphFreshness {
  const age = ageInDays(i.snapshotDate, i.now);
  const stale = age > i.maxAgeDays;
  return {
    source: i.source,
    snapshot_date: i.snapshotDate,
    age_days: age,
    max_age_days: i.maxAgeDays,
    stale,
    loaded_at: i.loadedAt.toISOString(),
    warning: stale ? staleWarning(i.snapshotDate, age, i.maxAgeDays) : null,
  };
}

function staleWarning(date: string, age: number, max: number): string {
  return (
    `The Lightning graph these figures come from is dated ${date}, ${age} day${age === 1 ? '' : 's'} old (more than GRAPH_MAX_AGE_DAYS=${max}): ` +
    'channels and nodes opened since are missing, closed ones may still be counted, and fees may have changed. ' +
    'To get current data, configure a live graph source (GRAPH_SOURCE=lnd with LND_REST_URL, or GRAPH_SOURCE=cln with CLN_REST_URL) ' +
    'or point GRAPH_SNAPSHOT at a fresher describegraph/listchannels export (a file or an https:// URL refreshed every GRAPH_REFRESH_INTERVAL).'
  );
}

/** An answer before GraphService.stamp adds its `graph` object (services build and cache these). */
export type Unstamped<T extends { graph: GraphFreshness }> = Omit<T, 'graph'>;
