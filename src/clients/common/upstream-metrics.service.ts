import { Inject, Injectable, Optional } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { LatencyWindow } from '../../metrics/latency-window';
import type { UpstreamErrorKind } from './upstream.error';
import { BreakerState, UPSTREAM_METRICS_REGISTRY, UpstreamName } from './upstream.types';

export type CallOutcome = 'success' | 'not_found' | 'error';

const BREAKER_GAUGE: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2, isolated: 3 };

interface Totals {
  configured: boolean;
  calls: number;
  successes: number;
  notFound: number;
  errors: number;
  errorsByKind: Partial<Record<UpstreamErrorKind, number>>;
  retries: number;
  breaker: BreakerState;
  lastErrorAt: string | null;
  lastErrorKind: UpstreamErrorKind | null;
  window: LatencyWindow;
}

/** One upstream in {@link UpstreamMetrics.snapshot}: snake_case like the rest of /api/v1/metrics. */
export interface UpstreamMetricsEntry {
  configured: boolean;
  /** Logical calls (a retried call counts once). */
  calls: number;
  successes: number;
  not_found: number;
  errors: number;
  errors_by_kind: Partial<Record<UpstreamErrorKind, number>>;
  /** Extra attempts made by the retry policy. */
  retries: number;
  breaker_state: BreakerState;
  /** Whole-call latency over the recent window, in milliseconds. */
  latency_ms: { p50: number | null; p95: number | null; p99: number | null };
  last_error_at: string | null;
  last_error_kind: UpstreamErrorKind | null;
}

const METRIC_NAMES = {
  calls: 'upstream_requests_total',
  errors: 'upstream_errors_total',
  retries: 'upstream_retries_total',
  breaker: 'upstream_circuit_state',
  duration: 'upstream_request_duration_seconds',
} as const;

/**
 * Counters and latencies per upstream, kept in memory for `snapshot()` (JSON) and as prom-client metrics
 * for the Prometheus text format. The metrics live in the registry given at construction (e.g. the app's
 * `RequestMetricsService.registry`) or in this service's own; `registerInto` adds them to another one later.
 */
@Injectable()
export class UpstreamMetrics {
  readonly registry: Registry;
  private readonly totals = new Map<UpstreamName, Totals>();
  private readonly calls: Counter<'upstream' | 'operation' | 'outcome'>;
  private readonly errorsByKind: Counter<'upstream' | 'kind'>;
  private readonly retries: Counter<'upstream'>;
  private readonly breaker: Gauge<'upstream'>;
  private readonly duration: Histogram<'upstream' | 'outcome'>;

  constructor(@Optional() @Inject(UPSTREAM_METRICS_REGISTRY) registry?: Registry) {
    this.registry = registry ?? new Registry();
    const r = this.registry;
    // A second instance on the same registry (tests, hot reload) shares the already registered metrics.
    this.calls = (r.getSingleMetric(METRIC_NAMES.calls) as Counter<'upstream' | 'operation' | 'outcome'>) ??
      new Counter({ name: METRIC_NAMES.calls, help: 'Calls to upstream APIs (a retried call counts once), by operation and outcome', labelNames: ['upstream', 'operation', 'outcome'] as const, registers: [r] });
    this.errorsByKind = (r.getSingleMetric(METRIC_NAMES.errors) as Counter<'upstream' | 'kind'>) ??
      new Counter({ name: METRIC_NAMES.errors, help: 'Failed upstream calls, by kind (timeout, network, http, rate_limited, circuit_open, ...)', labelNames: ['upstream', 'kind'] as const, registers: [r] });
    this.retries = (r.getSingleMetric(METRIC_NAMES.retries) as Counter<'upstream'>) ??
      new Counter({ name: METRIC_NAMES.retries, help: 'Retry attempts made by the resilience layer', labelNames: ['upstream'] as const, registers: [r] });
    this.breaker = (r.getSingleMetric(METRIC_NAMES.breaker) as Gauge<'upstream'>) ??
      new Gauge({ name: METRIC_NAMES.breaker, help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open, 3 isolated', labelNames: ['upstream'] as const, registers: [r] });
    this.duration = (r.getSingleMetric(METRIC_NAMES.duration) as Histogram<'upstream' | 'outcome'>) ??
      new Histogram({
        name: METRIC_NAMES.duration,
        help: 'Duration of whole upstream calls (retries included), in seconds',
        labelNames: ['upstream', 'outcome'] as const,
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
        registers: [r],
      });
  }

  /** Adds these metrics to another registry too (idempotent; skips names that registry already has). */
  registerInto(registry: Registry): void {
    for (const m of [this.calls, this.errorsByKind, this.retries, this.breaker, this.duration]) {
      const name = (m as unknown as { name: string }).name;
      if (!registry.getSingleMetric(name)) registry.registerMetric(m);
    }
  }

  /** Called by each client at construction, so the snapshot lists every upstream, called or not. */
  declare(upstream: UpstreamName, configured: boolean): void {
    const t = this.entry(upstream);
    t.configured = configured;
    this.breaker.set({ upstream }, BREAKER_GAUGE[t.breaker]);
  }

  recordCall(upstream: UpstreamName, operation: string, outcome: CallOutcome, seconds: number, kind?: UpstreamErrorKind): void {
    const t = this.entry(upstream);
    t.calls++;
    if (outcome === 'success') t.successes++;
    else if (outcome === 'not_found') t.notFound++;
    else {
      t.errors++;
      const k = kind ?? 'internal';
      // eslint-disable-next-line security/detect-object-injection -- k is the closed UpstreamErrorKind union, set by our clients
      t.errorsByKind[k] = (t.errorsByKind[k] ?? 0) + 1;
      t.lastErrorAt = new Date().toISOString();
      t.lastErrorKind = k;
      this.errorsByKind.inc({ upstream, kind: k });
    }
    t.window.add(seconds);
    this.calls.inc({ upstream, operation, outcome });
    this.duration.observe({ upstream, outcome }, seconds);
  }

  recordRetry(upstream: UpstreamName): void {
    this.entry(upstream).retries++;
    this.retries.inc({ upstream });
  }

  setBreakerState(upstream: UpstreamName, state: BreakerState): void {
    this.entry(upstream).breaker = state;
    // eslint-disable-next-line security/detect-object-injection -- state is the closed BreakerState union
    this.breaker.set({ upstream }, BREAKER_GAUGE[state]);
  }

  snapshot(): { upstreams: Partial<Record<UpstreamName, UpstreamMetricsEntry>> } {
    const upstreams: Partial<Record<UpstreamName, UpstreamMetricsEntry>> = {};
    for (const [name, t] of this.totals) {
      const [p50, p95, p99] = t.window.percentiles([50, 95, 99]).map((s) => (s === null ? null : Math.round(s * 1e6) / 1e3));
      // eslint-disable-next-line security/detect-object-injection -- name is an UpstreamName key of our own Map
      upstreams[name] = {
        configured: t.configured,
        calls: t.calls,
        successes: t.successes,
        not_found: t.notFound,
        errors: t.errors,
        errors_by_kind: { ...t.errorsByKind },
        retries: t.retries,
        breaker_state: t.breaker,
        latency_ms: { p50, p95, p99 },
        last_error_at: t.lastErrorAt,
        last_error_kind: t.lastErrorKind,
      };
    }
    return { upstreams };
  }

  private entry(upstream: UpstreamName): Totals {
    let t = this.totals.get(upstream);
    if (!t) {
      t = {
        configured: false,
        calls: 0,
        successes: 0,
        notFound: 0,
        errors: 0,
        errorsByKind: {},
        retries: 0,
        breaker: 'closed',
        lastErrorAt: null,
        lastErrorKind: null,
        window: new LatencyWindow(1024),
      };
      this.totals.set(upstream, t);
    }
    return t;
  }
}
