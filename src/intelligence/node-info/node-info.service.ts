import { Injectable } from '@nestjs/common';
import { AppCacheService } from '../../cache/app-cache.service';
import { NodeNotFoundError } from '../../common/errors/domain.error';
import { CentralityService } from '../../graph/centrality.service';
import { FlowService } from '../../graph/flow.service';
import { GraphService } from '../../graph/graph.service';
import { GraphHistoryService } from '../../graph/history/graph-history.service';
import { NodeInfoResponseDto } from '../dto/node-info.dto';
import { NodeEnrichmentService } from '../live/node-enrichment.service';
import { attachBalances, historyPoints, liveNode, networkPosition, nodeChannels, nodeMetrics, ownNodeSummary, sparkseerStats } from './node-info.mapper';

export interface NodeInfoOptions {
  includeHistorical: boolean;
  useCache: boolean;
}

const NO_REVENUE_SOURCE = 'routing_revenue_24h is null: no source of the node’s own forwarding history is configured';

/** Node info from the graph, cache-aside: keys carry the graph version, so a new graph never serves old data. */
@Injectable()
export class NodeInfoService {
  constructor(
    private readonly graphs: GraphService,
    private readonly history: GraphHistoryService,
    private readonly cache: AppCacheService,
    private readonly enrichment: NodeEnrichmentService,
    private readonly centralities: CentralityService,
    private readonly flow: FlowService,
  ) {}

  async getNodeInfo(pubkey: string, opts: NodeInfoOptions): Promise<NodeInfoResponseDto> {
    const state = this.graphs.current();
    const centralities = this.centralities.current();
    const flow = this.flow.current();
    // The centrality and flow statuses are part of the key: an answer cached while computing is not served once ready.
    const key = this.cache.key('node_info', state.graph.meta.version, centralities?.status ?? 'computing', flow?.status ?? 'computing', pubkey, opts.includeHistorical ? 'h' : 'n');
    if (opts.useCache) {
      const cached = await this.cache.get<NodeInfoResponseDto>(key);
      if (cached) return { ...cached, cache_hit: true };
    }
    const v = state.graph.indexOf(pubkey);
    if (v < 0) throw new NodeNotFoundError(pubkey, state.graph.meta.snapshotDate);

    const metrics = nodeMetrics(state, v);
    const position = networkPosition(state, v, centralities, flow);
    const live = await this.enrichment.enrich(pubkey, opts.useCache);
    const channels = nodeChannels(state, v);
    const answer: NodeInfoResponseDto = {
      pubkey,
      node_info: {
        alias: state.graph.aliases[v] ?? live.mempool?.alias ?? null,
        color: state.graph.colors[v] ?? live.mempool?.color ?? null,
        features: state.graph.features[v],
      },
      metrics,
      channels,
      network_position: position,
      timestamp: new Date().toISOString(),
      source: [state.source, ...live.sources].join('+'),
      cache_hit: false,
      warnings: live.warnings,
    };
    if (live.mempool) answer.live = liveNode(live.mempool);
    if (live.sparkseer) answer.sparkseer = sparkseerStats(live.sparkseer);
    if (live.wallet) answer.wallet = { name: live.wallet.name, balance_msat: live.wallet.balanceMsat };
    if (live.ownNode) {
      answer.own_node = ownNodeSummary(live.ownNode);
      metrics.routing_revenue_24h = Math.floor(live.ownNode.revenue24hMsat / 1000);
      attachBalances(channels, live.ownNode);
    } else {
      answer.warnings.unshift(NO_REVENUE_SOURCE);
    }
    if (opts.includeHistorical) {
      answer.historical = historyPoints(await this.history.pointsFor(pubkey), metrics, position);
      answer.source += '+embedded-history';
    }
    await this.cache.set(key, answer, 'node_info');
    return answer;
  }
}
