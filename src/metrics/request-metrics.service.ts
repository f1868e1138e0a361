import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { AppCacheService } from '../cache/app-cache.service';
import { LatencyWindow } from './latency-window';

interface RouteTotals {
  method: string;
  route: string;
  count: number;
  errors5xx: number;
  errors4xx: number;
  totalSeconds: number;
  window: LatencyWindow;
}

export interface RouteMetrics {
  method: string;
  route: string;
  request_count: number;
  average_response_time: number;
  error_rate: number;
  client_error_rate: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Request counts and latencies, recorded by {@link TimingInterceptor}, served both as the product document's
 * JSON and in the Prometheus text format. Latencies are in seconds, as in the product document.
 */
@Injectable()
export class RequestMetricsService {
  readonly registry = new Registry();
  private readonly routes = new Map<string, RouteTotals>();
  private lastUpdated = new Date();
  private readonly duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by route pattern',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly cacheOps = new Counter({
    name: 'cache_operations_total',
    help: 'Cache reads by result, and store errors',
    labelNames: ['result'] as const,
    registers: [this.registry],
    collect: () => {
      const s = this.cache.stats();
      this.cacheOps.reset();
      this.cacheOps.inc({ result: 'hit' }, s.hits);
      this.cacheOps.inc({ result: 'miss' }, s.misses);
      this.cacheOps.inc({ result: 'error' }, s.errors);
    },
  });

  constructor(private readonly cache: AppCacheService) {
    collectDefaultMetrics({ register: this.registry });
  }

  record(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route}`;
    let t = this.routes.get(key);
    if (!t) {
      t = { method, route, count: 0, errors5xx: 0, errors4xx: 0, totalSeconds: 0, window: new LatencyWindow() };
      this.routes.set(key, t);
    }
    t.count++;
    t.totalSeconds += seconds;
    if (status >= 500) t.errors5xx++;
    else if (status >= 400) t.errors4xx++;
    t.window.add(seconds);
    this.duration.observe({ method, route, status_code: String(status) }, seconds);
    this.lastUpdated = new Date();
  }

  /** The product document's shape, plus a per-route breakdown. `error_rate` counts 5xx answers only. */
  summary() {
    let count = 0;
    let seconds = 0;
    let e5 = 0;
    let e4 = 0;
    const routes: RouteMetrics[] = [];
    for (const t of this.routes.values()) {
      count += t.count;
      seconds += t.totalSeconds;
      e5 += t.errors5xx;
      e4 += t.errors4xx;
      const [p50, p95, p99] = t.window.percentiles([50, 95, 99]);
      routes.push({
        method: t.method,
        route: t.route,
        request_count: t.count,
        average_response_time: round(t.totalSeconds / t.count),
        error_rate: round(t.errors5xx / t.count, 4),
        client_error_rate: round(t.errors4xx / t.count, 4),
        p50: p50 === null ? null : round(p50),
        p95: p95 === null ? null : round(p95),
        p99: p99 === null ? null : round(p99),
      });
    }
    routes.sort((a, b) => b.request_count - a.request_count);
    return {
      request_count: count,
      average_response_time: count ? round(seconds / count) : 0,
      cache_hit_ratio: this.cache.stats().hit_ratio,
      error_rate: count ? round(e5 / count, 4) : 0,
      client_error_rate: count ? round(e4 / count, 4) : 0,
      last_updated: this.lastUpdated.toISOString(),
      routes,
    };
  }

  prometheus(): Promise<string> {
    return this.registry.metrics();
  }
}
