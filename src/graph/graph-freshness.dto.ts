import type { GraphFreshness } from './graph-freshness';

/**
 * The graph the answer was computed from, and how old it is now (computed when the answer is sent, also for
 * cached answers). `warning` says what to configure when the graph is older than GRAPH_MAX_AGE_DAYS.
 */
export class GraphFreshnessDto implements GraphFreshness {
  /** `<origin>:<date>`: `embedded-graph` (shipped snapshot), `graph-file`, `graph-url` (https GRAPH_SNAPSHOT), `lnd-graph` (live). */
  source!: string;
  /** UTC date (YYYY-MM-DD) the graph describes: the dump's newest channel update or the date in its name; the load time for a live graph. */
  snapshot_date!: string;
  /** Whole days from snapshot_date to today (UTC). */
  age_days!: number;
  /** GRAPH_MAX_AGE_DAYS. */
  max_age_days!: number;
  /** True when age_days is more than max_age_days. */
  stale!: boolean;
  /** When this instance loaded the graph (ISO 8601). */
  loaded_at!: string;
  /** Null while the graph is fresh; otherwise its age and what to configure for current data. */
  warning!: string | null;
}
