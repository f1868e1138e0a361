import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { HealthCheckService, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { ServiceUnavailableException } from '@nestjs/common';
import { QueueRedisConnection } from '../bulk/store/queue-redis.connection';
import { AppCacheService } from '../cache/app-cache.service';
import { UPSTREAM_CLIENTS, UpstreamProbe } from '../clients/common/upstream.types';
import { appConfig, openaiConfig } from '../config/configuration';
import { LlmUsageMetrics } from '../metrics/llm-usage.metrics';
import { GraphService } from '../graph/graph.service';
import { GraphHistoryService } from '../graph/history/graph-history.service';
import { HealthResponseDto, ServiceState } from './health.dto';

const startedAt = Date.now();
const uptimeSeconds = () => Math.round((Date.now() - startedAt) / 1000);

/**
 * Runs the Terminus indicators and folds them into the product document's health shape. Only the graph is
 * critical: without it no request can be answered. Everything else degrades the service, never downs it.
 */
@Injectable()
export class HealthChecksService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly graphs: GraphService,
    private readonly history: GraphHistoryService,
    private readonly cache: AppCacheService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(openaiConfig.KEY) private readonly openai: ConfigType<typeof openaiConfig>,
    @Inject(UPSTREAM_CLIENTS) private readonly upstreams: UpstreamProbe[],
    private readonly llm: LlmUsageMetrics,
    private readonly queueRedis: QueueRedisConnection,
  ) {}

  uptimeSeconds(): number {
    return uptimeSeconds();
  }

  /** Readiness: the graph is loaded. */
  async ready(): Promise<boolean> {
    const r = await this.run([() => this.graphIndicator()]);
    return r.status === 'ok';
  }

  async report(verbose: boolean): Promise<HealthResponseDto> {
    // Probes are cheap, bounded (2 s) and cached a few seconds by each client: health never hammers upstreams.
    const probes = await Promise.all(this.upstreams.map((u) => u.probeReport()));
    const state = (name: string) => probes.find((p) => p.upstream === name)?.state ?? 'not_configured';
    const checks = await this.run([() => this.graphIndicator(), () => this.cacheIndicator()]);
    const cacheStats = this.cache.stats();
    const services: HealthResponseDto['services'] = {
      sparkseer_api: state('sparkseer'),
      openai_api: this.openaiState(),
      // Connected but skipped (errors, or slower than its budget): the cache serves from memory meanwhile.
      // Without REDIS_URL the in-memory cache is the configured one and it answers (cache_stats.backend: memory).
      cache: cacheStats.redis === 'not_configured' ? 'connected' : cacheStats.redis === 'connected' && cacheStats.fallback_active ? 'degraded' : cacheStats.redis,
      lnbits_api: state('lnbits'),
      lnd_api: state('lnd'),
      mempool_api: state('mempool'),
      cln_api: state('cln'),
    };
    const reasons: string[] = [];
    if (!this.graphs.isReady) reasons.push('graph not loaded: node queries cannot be answered');
    const graphProblem = this.graphs.liveSourceProblem();
    if (graphProblem) reasons.push(graphProblem);
    if (services.cache === 'disconnected') reasons.push('Redis is configured but not answering: the cache runs in memory on this instance');
    if (services.cache === 'degraded') reasons.push('Redis answers with errors or too slowly: the cache runs in memory on this instance for now');
    for (const [name, state] of Object.entries(services)) {
      if (name !== 'cache' && (state === 'disconnected' || state === 'degraded')) reasons.push(`${name} is ${state}`);
    }
    const status = !this.graphs.isReady ? 'unhealthy' : reasons.length > 0 ? 'degraded' : 'healthy';
    const body: HealthResponseDto = {
      status,
      services,
      version: this.app.version,
      cache_stats: { ...cacheStats },
      uptime_seconds: uptimeSeconds(),
      graph: this.graphSummary(),
      reasons,
    };
    if (verbose) {
      const mem = process.memoryUsage();
      body.details = {
        checks: checks.details,
        environment: this.app.environment,
        node_version: process.version,
        history_snapshots_loaded: this.history.loaded,
        memory_mb: { rss: Math.round(mem.rss / 1e6), heap_used: Math.round(mem.heapUsed / 1e6), external: Math.round(mem.external / 1e6) },
        upstream_probes: probes,
        // A detail, not a reason: the service works now, and a degraded status would fail deploy health gates.
        bulk_queue_redis: { ...this.queueRedis.eviction, warning: this.queueRedis.warning },
        openai_last_call: this.llm.lastOutcome(),
        unknown_means: 'OpenAI is configured but no model call has been made yet (it is never probed, to spend no tokens)',
      };
    }
    return body;
  }

  /** Terminus throws 503 when an indicator is down; here that result is data, not an error. */
  private async run(fns: Array<() => Promise<HealthIndicatorResult> | HealthIndicatorResult>) {
    try {
      return await this.health.check(fns);
    } catch (err) {
      if (err instanceof ServiceUnavailableException) return err.getResponse() as Awaited<ReturnType<HealthCheckService['check']>>;
      throw err;
    }
  }

  private graphIndicator(): HealthIndicatorResult {
    const check = this.indicators.check('graph');
    const summary = this.graphSummary();
    return summary.loaded ? check.up({ ...summary }) : check.down({ ...summary });
  }

  private cacheIndicator(): HealthIndicatorResult {
    // A dead Redis degrades (memory fallback) but never downs the service.
    return this.indicators.check('cache').up({ ...this.cache.stats() });
  }

  /** OpenAI is judged by its last real call rather than probed: a probe would spend tokens. */
  private openaiState(): ServiceState {
    if (!this.openai.apiKey) return 'not_configured';
    const last = this.llm.lastOutcome();
    if (!last) return 'unknown';
    if (last.outcome === 'ok') return 'connected';
    return last.outcome === 'timeout' || last.outcome === 'upstream_error' || last.outcome === 'rate_limited' ? 'disconnected' : 'degraded';
  }

  private graphSummary(): HealthResponseDto['graph'] {
    const refresh = this.graphs.refreshState();
    if (!this.graphs.isReady) {
      return {
        loaded: false, nodes: null, channels: null, routable_nodes: null, snapshot_date: null, snapshot_date_source: null, format: null,
        version: null, source: null, loaded_at: null, age_days: null, max_age_days: this.graphs.maxAgeDays, stale: null, warning: null, refresh,
      };
    }
    const { graph, ranks, loadedAt, source } = this.graphs.current();
    const age = this.graphs.freshness();
    return {
      loaded: true,
      nodes: graph.nodeCount,
      channels: graph.channelCount,
      routable_nodes: ranks.routableNodes,
      snapshot_date: graph.meta.snapshotDate,
      snapshot_date_source: graph.meta.snapshotDateSource,
      format: graph.meta.format,
      version: graph.meta.version,
      source,
      loaded_at: loadedAt.toISOString(),
      age_days: age.age_days,
      max_age_days: age.max_age_days,
      stale: age.stale,
      warning: age.warning,
      refresh,
    };
  }
}
