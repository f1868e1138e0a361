import type { Registry } from 'prom-client';

/** The upstreams this service calls; used in metric labels, logs and errors. */
/** `graph_download`: an https GRAPH_SNAPSHOT (a describegraph/listchannels dump), not an API. */
export const UPSTREAM_NAMES = ['sparkseer', 'lnbits', 'lnd', 'mempool', 'cln', 'graph_download'] as const;
export type UpstreamName = (typeof UPSTREAM_NAMES)[number];

/**
 * What a health probe reports: `degraded` means the circuit breaker is open (calls fail fast without reaching
 * the upstream); `disconnected` means the probe itself failed.
 */
export type UpstreamState = 'connected' | 'disconnected' | 'degraded' | 'not_configured';

export type BreakerState = 'closed' | 'open' | 'half_open' | 'isolated';

export interface UpstreamProbeReport {
  upstream: UpstreamName;
  state: UpstreamState;
  /** ISO time of the probe this answer comes from (cached answers keep their original time). */
  checkedAt: string;
  /** Duration of the probe call; null when no call was made (not configured, breaker open). */
  latencyMs: number | null;
  /** Why the probe failed (an UpstreamError kind), when it did. */
  errorKind?: string;
  /** HTTP status the upstream answered the probe with, when it failed with one. */
  status?: number;
}

/** What every client exposes for health checks. */
export interface UpstreamProbe {
  readonly upstream: UpstreamName;
  /** True when the settings the upstream needs are present. */
  readonly configured: boolean;
  /** A cheap call with its own short timeout, cached for a few seconds. */
  probe(): Promise<UpstreamState>;
  /** The same probe with the details behind the state. */
  probeReport(): Promise<UpstreamProbeReport>;
}

/** Every client, as `UpstreamProbe[]`: inject it in health checks. */
export const UPSTREAM_CLIENTS = Symbol('UPSTREAM_CLIENTS');

/** Optional prom-client Registry that {@link UpstreamMetrics} registers its metrics into (its own otherwise). */
export const UPSTREAM_METRICS_REGISTRY = Symbol('UPSTREAM_METRICS_REGISTRY');
export type UpstreamMetricsRegistry = Registry;

/** Optional per-upstream overrides of {@link ResilienceOptions} (tests use short timeouts and backoffs). */
export const CLIENT_RESILIENCE_OVERRIDES = Symbol('CLIENT_RESILIENCE_OVERRIDES');
