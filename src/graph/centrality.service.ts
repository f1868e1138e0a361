import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { AppCacheService } from '../cache/app-cache.service';
import { AnalyticsNotReadyError } from '../common/errors/domain.error';
import { appConfig } from '../config/configuration';
import { CentralityTable, CentralityTableJson, computeCentralitiesInWorkers, deserializeCentralityTable, serializeCentralityTable } from './analytics/centralities';
import { CandidateContext, prepareCandidateContext } from './analytics/channel-candidates';
import { GraphService, GraphState } from './graph.service';

export type CentralityStatus = 'computing' | 'ready' | 'failed';

export interface CentralityState {
  status: CentralityStatus;
  graphVersion: string;
  table: CentralityTable | null;
  context: CandidateContext | null;
  computedAt: Date | null;
  /** Where the table came from: computed here, or read from the shared cache (another instance computed it). */
  origin: 'computed' | 'cache' | null;
  error: string | null;
}

/**
 * Network centralities of the current graph, computed in worker threads after each graph load, never on the
 * request path: the API is ready before they are, and answers `computing` meanwhile. The table is kept in
 * memory and in the shared cache under the graph version, so another instance on the same graph reads it
 * instead of recomputing.
 */
@Injectable()
export class CentralityService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CentralityService.name);
  private state: CentralityState | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly graphs: GraphService,
    private readonly cache: AppCacheService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {
    this.graphs.onSwap((s) => void this.computeFor(s));
  }

  onApplicationBootstrap(): void {
    // Not awaited: readiness must not wait for the centralities.
    if (this.graphs.isReady && !this.state) void this.computeFor(this.graphs.current());
  }

  current(): CentralityState | null {
    const s = this.state;
    return s && this.graphs.isReady && s.graphVersion === this.graphs.current().graph.meta.version ? s : null;
  }

  /** The candidate-simulation context of the current graph; ANALYTICS_NOT_READY while computing. */
  readyContext(): CandidateContext {
    const s = this.current();
    if (s?.status !== 'ready' || !s.context) throw new AnalyticsNotReadyError();
    return s.context;
  }

  /** Resolves when the computation for the current graph has finished (ready or failed). */
  async settled(): Promise<CentralityState | null> {
    while (this.running) await this.running;
    return this.current();
  }

  private computeFor(graphState: GraphState): Promise<void> {
    const version = graphState.graph.meta.version;
    this.state = { status: 'computing', graphVersion: version, table: null, context: null, computedAt: null, origin: null, error: null };
    const run = this.compute(graphState).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async compute({ graph }: GraphState): Promise<void> {
    const version = graph.meta.version;
    const key = this.cache.key('centralities', version);
    try {
      let table: CentralityTable | null = null;
      let origin: CentralityState['origin'] = 'cache';
      const shared = await this.cache.get<CentralityTableJson>(key, 'centralities');
      if (shared) {
        try {
          table = deserializeCentralityTable(shared);
          if (table.graphVersion !== version) table = null;
        } catch {
          table = null;
        }
      }
      if (!table) {
        origin = 'computed';
        table = await computeCentralitiesInWorkers(graph, { workers: this.app.workers });
        await this.cache.set(key, serializeCentralityTable(table), 'centralities');
      }
      const context = prepareCandidateContext(graph, table);
      if (this.state?.graphVersion !== version) return; // a newer graph arrived meanwhile
      this.state = { status: 'ready', graphVersion: version, table, context, computedAt: new Date(), origin, error: null };
      this.logger.log(`centralities of graph ${version} ${origin === 'cache' ? 'read from the shared cache' : `computed in ${Math.round(table.computeMs)} ms`}: ${table.routableCount} routable nodes`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.error(`centralities of graph ${version} failed: ${message}`);
      if (this.state?.graphVersion === version) this.state = { ...this.state, status: 'failed', error: message };
    }
  }
}
