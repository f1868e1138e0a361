import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { AppCacheService } from '../../cache/app-cache.service';
import { appConfig } from '../../config/configuration';
import { CandidateContext, ChannelCandidatesReport, preselectCandidates, simulateChannelCandidatesInWorkers } from '../../graph/analytics/channel-candidates';
import { CentralityService } from '../../graph/centrality.service';
import { GraphService } from '../../graph/graph.service';
import { networkFeeIndex } from '../recommendations/node-analysis';
import { buildCandidatePool, PooledCandidate } from './candidate-pool';

/** Preselected peers per node: the 300 best-placed by betweenness percentile and capacity percentile together. */
export const POOL_SIZE = 300;
/** How many of them are simulated (≤ 3 s on 2 cores for 50). */
export const SIMULATED = 50;

/** One node's vetted candidates, in the order every consumer reads. */
export interface CandidatePool {
  candidates: PooledCandidate[];
  skipped: ChannelCandidatesReport['skipped'];
  routable: boolean;
  /** Preselected peers before simulation. */
  preselected: number;
  computeMs: number;
}

/**
 * The one channel-candidate pool of a node, shared by `/channel-candidates`, recommendations and plans, so a
 * node's best candidate is the same everywhere. The simulation costs about a second of CPU per node: the pool
 * is cached under the graph version for a day, and concurrent requests for one node share one computation.
 */
@Injectable()
export class CandidatePoolService {
  private readonly inFlight = new Map<string, Promise<CandidatePool>>();

  constructor(
    private readonly graphs: GraphService,
    private readonly centralities: CentralityService,
    private readonly cache: AppCacheService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /** The pool of node v; ANALYTICS_NOT_READY while the centralities are computed. */
  poolOf(v: number): Promise<CandidatePool> {
    return this.compute(v, this.centralities.readyContext());
  }

  /** The pool of node v, or null while the centralities are computed. */
  poolIfReady(v: number): Promise<CandidatePool> | null {
    const c = this.centralities.current();
    return c?.status === 'ready' && c.context ? this.compute(v, c.context) : null;
  }

  /** Vets and sizes an operator's own shortlist (kept in its order; not cached). */
  async evaluate(v: number, candidates: number[]): Promise<CandidatePool> {
    const ctx = this.centralities.readyContext();
    const report = await simulateChannelCandidatesInWorkers(ctx, v, candidates, { workers: this.app.workers });
    return this.toPool(ctx, v, report, candidates.length, { keepOrder: true });
  }

  private compute(v: number, ctx: CandidateContext): Promise<CandidatePool> {
    const key = this.cache.key('candidate-pool', ctx.graph.meta.version, SIMULATED, v);
    const running = this.inFlight.get(key);
    if (running) return running;
    const work = (async () => {
      const cached = await this.cache.get<CandidatePool>(key, 'simulation');
      if (cached) return cached;
      const preselected = preselectCandidates(ctx, v, { limit: POOL_SIZE });
      const report = await simulateChannelCandidatesInWorkers(ctx, v, preselected.slice(0, SIMULATED), { workers: this.app.workers });
      const pool = this.toPool(ctx, v, report, preselected.length);
      await this.cache.set(key, pool, 'simulation');
      return pool;
    })().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  private toPool(ctx: CandidateContext, v: number, report: ChannelCandidatesReport, preselected: number, opts: { keepOrder?: boolean } = {}): CandidatePool {
    // The simulation's own graph (a refresh may have swapped the current one meanwhile); the network median is a fallback only.
    return {
      candidates: buildCandidatePool(ctx.graph, v, report.candidates, networkFeeIndex(this.graphs.current()).facts.medianChannelSat, opts),
      skipped: report.skipped,
      routable: report.routable,
      preselected,
      computeMs: report.computeMs,
    };
  }
}
