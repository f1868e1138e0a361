import { Injectable } from '@nestjs/common';
import { GraphService } from '../graph/graph.service';
import { computeNetworkStats } from './network-stats';
import { NetworkStatsResponseDto } from './network-stats.dto';

/** The network distributions of the current graph, computed on the first request of each graph version (~20 ms). */
@Injectable()
export class NetworkStatsService {
  private cached: NetworkStatsResponseDto | null = null;

  constructor(private readonly graphs: GraphService) {}

  stats(): NetworkStatsResponseDto {
    const state = this.graphs.current();
    const g = state.graph;
    if (this.cached?.graph_version === g.meta.version) return this.cached;
    const s = computeNetworkStats(g);
    this.cached = {
      graph_version: g.meta.version,
      snapshot_date: g.meta.snapshotDate,
      source: state.source,
      nodes: s.nodes,
      channels: s.channels,
      usable_channels: s.usableChannels,
      routable_nodes: state.ranks.routableNodes,
      enabled_directions: s.enabledDirections,
      channel_size: s.channelSizeSat,
      fee_rate: s.feeRatePpm,
      base_fee: s.baseFeeMsat,
      computed_at: new Date().toISOString(),
    };
    return this.cached;
  }
}
