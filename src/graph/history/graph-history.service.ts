import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { runWorkerTask } from '../../common/workers/worker-task';
import { graphConfig } from '../../config/configuration';
import { SnapshotSummary } from './snapshot-summary';

export interface HistoryPoint {
  snapshotDate: string;
  sourceFile: string;
  present: boolean;
  totalChannels: number | null;
  totalCapacitySat: number | null;
  activeChannels: number | null;
  distinctPeers: number | null;
  medianFeePpm: number | null;
  degreeRank: number | null;
  capacityRank: number | null;
  nodeCount: number;
}

interface IndexedSummary {
  summary: SnapshotSummary;
  index: Map<string, number>;
}

/**
 * A node's past from the older snapshots shipped with the project (2024-09-22, 2021-04-16). They are read
 * on the first request that asks for history, in a worker thread, so they cost neither boot time nor
 * readiness; only per-node numbers are kept.
 */
@Injectable()
export class GraphHistoryService {
  private readonly logger = new Logger(GraphHistoryService.name);
  private loading: Promise<IndexedSummary[]> | null = null;

  constructor(@Inject(graphConfig.KEY) private readonly cfg: ConfigType<typeof graphConfig>) {}

  get loaded(): boolean {
    return this.loading !== null;
  }

  async pointsFor(pubkey: string): Promise<HistoryPoint[]> {
    const summaries = await this.summaries();
    return summaries.map(({ summary: s, index }) => {
      const v = index.get(pubkey);
      const base = { snapshotDate: s.meta.snapshotDate, sourceFile: s.meta.sourceFile, nodeCount: s.nodeCount };
      if (v === undefined) {
        return { ...base, present: false, totalChannels: null, totalCapacitySat: null, activeChannels: null, distinctPeers: null, medianFeePpm: null, degreeRank: null, capacityRank: null };
      }
      return {
        ...base,
        present: true,
        totalChannels: s.totalChannels[v],
        totalCapacitySat: s.totalCapacitySat[v],
        activeChannels: s.activeChannels[v],
        distinctPeers: s.distinctPeers[v],
        medianFeePpm: Number.isNaN(s.medianFeePpm[v]) ? null : s.medianFeePpm[v],
        degreeRank: s.degreeRank[v],
        capacityRank: s.capacityRank[v],
      };
    });
  }

  private summaries(): Promise<IndexedSummary[]> {
    if (!this.loading) {
      const t0 = performance.now();
      this.loading = runWorkerTask<SnapshotSummary[]>(join(__dirname, 'history.worker'), { paths: this.cfg.historyPaths }).then(
        (list) => {
          this.logger.log(`history snapshots ${list.map((s) => s.meta.snapshotDate).join(', ')} indexed in ${Math.round(performance.now() - t0)} ms`);
          return list.map((summary) => ({ summary, index: new Map(summary.pubkeys.map((pk, i) => [pk, i])) }));
        },
        (err: unknown) => {
          // Let the next request try again rather than caching the failure forever.
          this.loading = null;
          throw err;
        },
      );
    }
    return this.loading;
  }
}
