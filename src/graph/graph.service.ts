import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { CLN_CLIENT, ClnApi } from '../clients/cln/cln.types';
import { LND_CLIENT, LndApi } from '../clients/lnd/lnd.types';
import { GraphNotReadyError } from '../common/errors/domain.error';
import { graphConfig } from '../config/configuration';
import { GraphFreshness, graphFreshness } from './graph-freshness';
import { LightningGraph } from './model/lightning-graph';
import { FileGraphOrigin } from './origins/file-graph.origin';
import { GraphDownloadClient } from './origins/graph-download.client';
import { GraphOrigin, GraphOriginKind } from './origins/graph-origin';
import { graphSanityProblem } from './origins/graph-sanity';
import { ClnGraphOrigin } from './origins/cln-graph.origin';
import { LndGraphOrigin } from './origins/lnd-graph.origin';
import { UrlGraphOrigin } from './origins/url-graph.origin';
import { computeNetworkRanks, NetworkRanks } from './stats/node-stats';

/** One consistent view of the graph: a request works on one state even if a new graph is swapped in. */
export interface GraphState {
  graph: LightningGraph;
  ranks: NetworkRanks;
  loadedAt: Date;
  /** How long reading and indexing the snapshot took, ms. */
  loadMs: number;
  /** `<origin label>:<date>`: `embedded-graph:2026-02-03`, `graph-file:…`, `graph-url:…`, `lnd-graph:…`, `cln-graph:…`. */
  source: string;
  origin: GraphOriginKind;
}

/** How the configured graph source has been refreshing, for health. Times are ISO strings. */
export interface GraphRefreshState {
  /** The source configured (GRAPH_SOURCE / GRAPH_SNAPSHOT). */
  configured_origin: GraphOriginKind;
  /** The source of the graph served now: differs from the configured one while a fallback serves. */
  serving_origin: GraphOriginKind | null;
  /** Whether the configured source is live (a node or a published dump), watched by health. */
  live: boolean;
  /** GRAPH_REFRESH_INTERVAL; 0 = loaded once at boot. */
  interval_seconds: number;
  last_attempt_at: string | null;
  last_success_at: string | null;
  /** The last failed load of the configured source, with why; null once a load succeeds after it. */
  last_failure: { at: string; reason: string } | null;
  consecutive_failures: number;
}

/** The configured source counts as overdue after this many intervals without a successful load. */
const OVERDUE_INTERVALS = 2;

/**
 * Holds the Lightning graph the API answers from, loaded from explicit origins (a snapshot file, an https dump, the live graph of the operator's LND or Core Lightning): the configured one first, then
 * fallbacks for boot (the LND graph falls back to the snapshot, a snapshot URL to the embedded file). Boot
 * waits for the first load: a corrupt or unknown snapshot file stops the process with the loader's message.
 * With `GRAPH_REFRESH_INTERVAL`, the configured origin is reloaded in the background, checked (graph-sanity)
 * and swapped in atomically; a failed or refused refresh keeps the current graph and is reported in health.
 */
@Injectable()
export class GraphService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(GraphService.name);
  private state: GraphState | null = null;
  private readonly swapListeners: Array<(state: GraphState) => void> = [];
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<unknown> | null = null;
  /** Configured origin first, then the boot fallbacks in order. */
  private readonly origins: GraphOrigin[];
  private readonly attempts: {
    lastAttemptAt: Date | null;
    lastSuccessAt: Date | null;
    lastFailure: { at: Date; reason: string } | null;
    consecutiveFailures: number;
  } = { lastAttemptAt: null, lastSuccessAt: null, lastFailure: null, consecutiveFailures: 0 };

  constructor(
    @Inject(graphConfig.KEY) private readonly cfg: ConfigType<typeof graphConfig>,
    @Inject(LND_CLIENT) lnd: LndApi,
    @Inject(CLN_CLIENT) cln: ClnApi,
    download: GraphDownloadClient,
  ) {
    const snapshot = new FileGraphOrigin(cfg.embedded ? 'embedded' : 'file', cfg.snapshotPath, cfg.listnodesPath);
    const url = cfg.snapshotUrl ? new UrlGraphOrigin(download) : null;
    const live: Partial<Record<typeof cfg.source, GraphOrigin>> = { lnd: new LndGraphOrigin(lnd), cln: new ClnGraphOrigin(cln) };
    const primary = live[cfg.source];
    this.origins = [primary, url, snapshot].filter((o): o is GraphOrigin => o !== null && o !== undefined);
  }

  async onModuleInit(): Promise<void> {
    await this.boot();
    if (this.cfg.refreshIntervalMs > 0) {
      this.timer = setInterval(() => void this.refresh(), this.cfg.refreshIntervalMs);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The configured origin. */
  get configuredOrigin(): GraphOrigin {
    return this.origins[0];
  }

  /** A background reload that never throws and never overlaps another one. */
  async refresh(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = this.reload().catch((err: unknown) => {
      this.logger.warn(`graph refresh failed, keeping the graph of ${this.state?.graph.meta.snapshotDate ?? 'none'}: ${reasonOf(err)}`);
    });
    try {
      await this.refreshing;
    } finally {
      this.refreshing = null;
    }
  }

  /** Loads the configured origin, checks it and swaps it in atomically; the old graph serves until then. Throws on failure. */
  async reload(): Promise<GraphState> {
    return this.loadFrom(this.configuredOrigin);
  }

  /** The first load: the configured origin, else each fallback in turn; fails only when none loads. */
  private async boot(): Promise<GraphState> {
    let lastError: unknown;
    for (const origin of this.origins) {
      try {
        return await this.loadFrom(origin);
      } catch (err) {
        lastError = err;
        const next = this.origins[this.origins.indexOf(origin) + 1];
        if (!next) break;
        this.logger.warn(`${origin.kind} graph unavailable at boot (${reasonOf(err)}); trying the ${next.kind} graph, the ${this.configuredOrigin.kind} graph replaces it when a refresh succeeds`);
      }
    }
    throw lastError;
  }

  private async loadFrom(origin: GraphOrigin): Promise<GraphState> {
    const configured = origin === this.configuredOrigin;
    const t0 = performance.now();
    if (configured) this.attempts.lastAttemptAt = new Date();
    try {
      const graph = await origin.load();
      const previous = this.state?.origin === origin.kind ? this.state.graph : null;
      const problem = graphSanityProblem(graph, previous);
      if (problem) throw new Error(`refused: ${problem}`);
      const state: GraphState = {
        graph,
        ranks: computeNetworkRanks(graph),
        loadedAt: new Date(),
        loadMs: Math.round(performance.now() - t0),
        source: `${origin.label}:${graph.meta.snapshotDate}`,
        origin: origin.kind,
      };
      this.state = state;
      if (configured) Object.assign(this.attempts, { lastSuccessAt: state.loadedAt, lastFailure: null, consecutiveFailures: 0 });
      this.logger.log(
        `graph ${graph.meta.sourceFile} (${origin.kind}, ${graph.meta.format}, ${graph.meta.snapshotDate}) loaded in ${state.loadMs} ms: ` +
          `${graph.nodeCount} nodes, ${graph.channelCount} channels, ${state.ranks.routableNodes} routable nodes`,
      );
      for (const listener of this.swapListeners) listener(state);
      return state;
    } catch (err) {
      if (configured) {
        this.attempts.lastFailure = { at: new Date(), reason: reasonOf(err) };
        this.attempts.consecutiveFailures++;
      }
      throw err;
    }
  }

  get isReady(): boolean {
    return this.state !== null;
  }

  /** The current state; throws GRAPH_NOT_READY before the first load. */
  current(): GraphState {
    if (!this.state) throw new GraphNotReadyError();
    return this.state;
  }

  get maxAgeDays(): number {
    return this.cfg.maxAgeDays;
  }

  /** The current graph's date and age against GRAPH_MAX_AGE_DAYS; throws GRAPH_NOT_READY before the first load. */
  freshness(now = new Date()): GraphFreshness {
    const s = this.current();
    return graphFreshness({ source: s.source, snapshotDate: s.graph.meta.snapshotDate, loadedAt: s.loadedAt, maxAgeDays: this.cfg.maxAgeDays, now });
  }

  /**
   * The one place answers get their `graph` object. Called on the way out, after any cache: a cached answer
   * shows the age of the graph now, not the age it had when it was cached.
   */
  stamp<T extends object>(answer: T, now = new Date()): T & { graph: GraphFreshness } {
    return { ...answer, graph: this.freshness(now) };
  }

  refreshState(): GraphRefreshState {
    const a = this.attempts;
    return {
      configured_origin: this.configuredOrigin.kind,
      serving_origin: this.state?.origin ?? null,
      live: this.configuredOrigin.live,
      interval_seconds: this.cfg.refreshIntervalMs / 1000,
      last_attempt_at: a.lastAttemptAt?.toISOString() ?? null,
      last_success_at: a.lastSuccessAt?.toISOString() ?? null,
      last_failure: a.lastFailure ? { at: a.lastFailure.at.toISOString(), reason: a.lastFailure.reason } : null,
      consecutive_failures: a.consecutiveFailures,
    };
  }

  /**
   * Why the configured live graph source is not keeping the graph current, or null. Never a problem for the
   * embedded snapshot or a file, however old: their age is reported in every answer instead.
   */
  liveSourceProblem(now = new Date()): string | null {
    const origin = this.configuredOrigin;
    if (!origin.live) return null;
    const a = this.attempts;
    const serving = this.state ? `serving the ${this.state.origin} graph of ${this.state.graph.meta.snapshotDate}` : 'no graph loaded';
    if (a.lastFailure) {
      return `the ${origin.kind} graph source failed ${a.consecutiveFailures} time(s) in a row, last at ${a.lastFailure.at.toISOString()}: ${a.lastFailure.reason}; ${serving}`;
    }
    const interval = this.cfg.refreshIntervalMs;
    if (interval > 0 && a.lastSuccessAt && now.getTime() - a.lastSuccessAt.getTime() > OVERDUE_INTERVALS * interval) {
      return `the ${origin.kind} graph source has not refreshed since ${a.lastSuccessAt.toISOString()} (GRAPH_REFRESH_INTERVAL=${interval / 1000} s); ${serving}`;
    }
    return null;
  }

  /** Called with every newly loaded graph (analytics recompute on it). */
  onSwap(listener: (state: GraphState) => void): void {
    this.swapListeners.push(listener);
  }
}

function reasonOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // An UpstreamError's message is generic; its scrubbed cause says what happened (never headers or secrets).
  const cause = err.cause instanceof Error ? err.cause.message : '';
  return cause && !err.message.includes(cause) ? `${err.message} (${cause})` : err.message;
}
