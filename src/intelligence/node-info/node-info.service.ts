import { Injectable } from '@nestjs/common';
import { AppCacheService } from '../../cache/app-cache.service';
import { CentralityService } from '../../graph/centrality.service';
import { FlowService } from '../../graph/flow.service';
import type { Unstamped } from '../../graph/graph-freshness';
import { GraphService, GraphState } from '../../graph/graph.service';
import { GraphHistoryService } from '../../graph/history/graph-history.service';
import { NetworkPositionDto, NodeInfoResponseDto, NodeMetricsDto } from '../dto/node-info.dto';
import { Enrichment, NodeEnrichmentService } from '../live/node-enrichment.service';
import { liveNodeSummary } from '../live-node/live-node.analysis';
import { LiveNodeResolver } from '../live-node/live-node.resolver';
import {
  attachBalances,
  historyPoints,
  liveNetworkPosition,
  liveNode,
  liveNodeChannels,
  metricsFromSummary,
  networkPosition,
  nodeChannels,
  nodeMetrics,
  ownNodeSummary,
  sparkseerStats,
} from './node-info.mapper';

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
    private readonly liveNodes: LiveNodeResolver,
    private readonly flow: FlowService,
  ) {}

  async getNodeInfo(pubkey: string, opts: NodeInfoOptions): Promise<Unstamped<NodeInfoResponseDto>> {
    const state = this.graphs.current();
    const centralities = this.centralities.current();
    const flow = this.flow.current();
    // The centrality and flow statuses are part of the key: an answer cached while computing is not served once ready.
    const key = this.cache.key('node_info', state.graph.meta.version, centralities?.status ?? 'computing', flow?.status ?? 'computing', pubkey, opts.includeHistorical ? 'h' : 'n');
    if (opts.useCache) {
      const cached = await this.cache.get<Unstamped<NodeInfoResponseDto>>(key);
      if (cached) return { ...cached, cache_hit: true };
    }
    const v = state.graph.indexOf(pubkey);
    if (v < 0) return this.fromLiveSource(pubkey, state, key, opts);

    const metrics = nodeMetrics(state, v);
    const position = networkPosition(state, v, centralities, flow);
    const live = await this.enrichment.enrich(pubkey, opts.useCache);
    const channels = nodeChannels(state, v);
    const answer: Unstamped<NodeInfoResponseDto> = {
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
    await this.addLiveExtras(answer, live, metrics, position, opts);
    await this.cache.set(key, answer, 'node_info');
    return answer;
  }

  /**
   * A node the graph does not know, from the first live source that knows it (404 when none does, 503 when
   * one failed with nothing to serve). Cached as live data (the upstream TTL), not as long as graph answers.
   */
  private async fromLiveSource(pubkey: string, state: GraphState, key: string, opts: NodeInfoOptions): Promise<Unstamped<NodeInfoResponseDto>> {
    const graphDate = state.graph.meta.snapshotDate;
    const found = await this.liveNodes.resolve(pubkey, graphDate, opts.useCache);
    const node = found.node;
    const metrics = metricsFromSummary(liveNodeSummary(node));
    const position = liveNetworkPosition(state, node);
    const channels = liveNodeChannels(node);
    const notInGraph = `node not in the graph of ${graphDate} (${state.source}): served from the live source ${found.source}; centralities are not available and its network position is ranked against the graph`;
    const warnings = [...found.warnings];
    if (!node.complete) warnings.push(`${found.source} listed only part of the node’s channels (paging cap): channel counts and capacity are lower bounds`);
    if (found.source === 'mempool') warnings.push('mempool reports only the node’s own fee rate per channel: base fees, CLTV deltas, HTLC limits and the peers’ policies are null');
    const live = await this.enrichment.enrich(pubkey, opts.useCache);
    const answer: Unstamped<NodeInfoResponseDto> = {
      pubkey,
      node_info: { alias: node.alias, color: node.color, features: null },
      metrics,
      channels,
      network_position: position,
      timestamp: new Date().toISOString(),
      source: [found.source, state.source, ...live.sources.filter((s) => s !== found.source)].join('+'),
      cache_hit: false,
      warnings: [...warnings, ...live.warnings],
      live_source: found.source,
      stale: found.stale,
    };
    if (found.fetchedAt) answer.live_fetched_at = found.fetchedAt;
    await this.addLiveExtras(answer, live, metrics, position, opts);
    answer.warnings.unshift(notInGraph);
    await this.cache.set(key, answer, 'upstream');
    return answer;
  }

  private async addLiveExtras(answer: Unstamped<NodeInfoResponseDto>, live: Enrichment, metrics: NodeMetricsDto, position: NetworkPositionDto, opts: NodeInfoOptions): Promise<void> {
    const channels = answer.channels;
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
      answer.historical = historyPoints(await this.history.pointsFor(answer.pubkey), metrics, position);
      answer.source += '+embedded-history';
    }
  }
}
