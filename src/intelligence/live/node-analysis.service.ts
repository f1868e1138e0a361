import { Inject, Injectable } from '@nestjs/common';
import { AppCacheService } from '../../cache/app-cache.service';
import { SPARKSEER_CLIENT, SparkseerApi } from '../../clients/sparkseer/sparkseer.types';
import { CentralityService } from '../../graph/centrality.service';
import { GraphService, GraphState } from '../../graph/graph.service';
import { toCandidatePeer } from '../candidates/candidate-pool';
import { CandidatePoolService } from '../candidates/candidate-pool.service';
import { analyseNode, NodeAnalysis } from '../recommendations/node-analysis';
import { analyseLiveNode, LIVE_NODE_CONFIDENCE_FACTOR } from '../live-node/live-node.analysis';
import { LiveNodeResolver } from '../live-node/live-node.resolver';
import { liveValue } from './live-source';
import { OwnNodeService } from './own-node.service';

export interface AnalysedNode {
  state: GraphState;
  analysis: NodeAnalysis;
  warnings: string[];
}

const GRAPH_ONLY = 'Liquidity and cost advice needs the node’s own balances and forwards: configure LND_REST_URL (LND) or CLN_REST_URL (Core Lightning) for your own node';

/**
 * The rules' input for a node: the graph view, plus, for the operator's own node, live balances and
 * forwarded fees from its LND or Core Lightning and Sparkseer's suggested fees (Sparkseer's services describe the key owner only).
 */
@Injectable()
export class NodeAnalysisService {
  constructor(
    private readonly graphs: GraphService,
    private readonly ownNode: OwnNodeService,
    @Inject(SPARKSEER_CLIENT) private readonly sparkseer: SparkseerApi,
    private readonly cache: AppCacheService,
    private readonly centralities: CentralityService,
    private readonly pools: CandidatePoolService,
    private readonly liveNodes: LiveNodeResolver,
  ) {}

  /** Part of every advice cache key: advice computed before the centralities were ready lacks candidates. */
  centralityStatus(): string {
    return this.centralities.current()?.status ?? 'computing';
  }

  async analyse(pubkey: string): Promise<AnalysedNode> {
    const state = this.graphs.current();
    const v = state.graph.indexOf(pubkey);
    const warnings: string[] = [];
    const sources: string[] = [];
    let analysis: NodeAnalysis;
    if (v >= 0) {
      analysis = analyseNode(state, v);
    } else {
      // Not in the graph: from the first live source that knows it (404/503 from the resolver otherwise).
      const found = await this.liveNodes.resolve(pubkey, state.graph.meta.snapshotDate);
      const live = analyseLiveNode(state, found.node, found.source);
      analysis = live.analysis;
      warnings.push(
        `node not in the graph of ${state.graph.meta.snapshotDate}: analysed from the live source ${found.source} (${live.peersInGraph} of ${found.node.channels.length} channels lead to peers the graph knows, whose competition is compared); ` +
          `confidence lowered ×${LIVE_NODE_CONFIDENCE_FACTOR}; no channel-candidate advice (simulated on the graph's centralities, which do not include this node)`,
        ...found.warnings,
      );
      if (!found.node.reportsPeerPolicies) {
        warnings.push(`${found.source} does not report the peers’ policies: a channel it lists as inactive is read as having no enabled direction, an active one as enabled both ways`);
      }
      if (live.assumedPolicyFields.length > 0) {
        const assumed = `${found.source} does not report ${live.assumedPolicyFields.join(' or ')}: the network medians (base fee ${analysis.network.medianBaseFeeMsat} msat, CLTV delta ${analysis.network.medianCltvDelta}) stand in for them in rules and commands`;
        warnings.push(assumed);
        analysis.commandNote = `${assumed}; put the node’s own values in these lines before running them.`;
      }
    }

    const [own, fees, candidates] = await Promise.all([
      this.ownNode.dataFor(pubkey),
      this.sparkseer.configured && this.sparkseer.ownerPubkey === pubkey
        ? liveValue(this.cache, `sparkseer:fees:${pubkey}`, () => this.sparkseer.getSuggestedFees(pubkey), { useCache: true })
        : null,
      v >= 0 ? this.simulatedCandidates(v) : null,
    ]);
    if (candidates) analysis.candidates = candidates;
    else if (v >= 0) warnings.push('channel-candidate advice appears once the network centralities are computed');
    if (own?.source && own.data?.ok) {
      const o = own.data.value;
      const byPeerCap = new Map(o.channels.map((c) => [`${c.remotePubkey}:${c.capacitySat}`, c]));
      const byScid = new Map(o.channels.filter((c) => c.shortChannelId).map((c) => [c.shortChannelId as string, c]));
      for (const ch of analysis.channels) {
        const live = (ch.shortChannelId && byScid.get(ch.shortChannelId)) || byPeerCap.get(`${ch.peerPubkey}:${ch.capacitySat}`);
        if (!live) continue;
        ch.balance = { localSat: live.localBalanceSat, remoteSat: live.remoteBalanceSat, active: live.active };
        // The node's current policy (LND's with its inbound fee) replaces the gossiped one; the graph keeps what
        // the source lacks (time_lock_delta, HTLC limits, enabled or not).
        const policy = o.policiesByChanId?.[live.chanId];
        if (policy && ch.local) {
          ch.local = {
            ...ch.local,
            baseFeeMsat: policy.baseFeeMsat,
            feeRatePpm: policy.feeRatePpm,
            ...(policy.inboundBaseFeeMsat !== undefined ? { inboundBaseFeeMsat: policy.inboundBaseFeeMsat } : {}),
            ...(policy.inboundFeeRatePpm !== undefined ? { inboundFeeRatePpm: policy.inboundFeeRatePpm } : {}),
            source: o.source,
          };
        }
        ch.forwardedFeesMsat = o.feesByChanIdMsat[live.chanId] ?? 0;
        ch.channelPoint ??= live.channelPoint;
        // The node's own short channel id: Core Lightning commands name the channel by it.
        ch.shortChannelId ??= live.shortChannelId;
      }
      analysis.forwardingWindowDays = o.windowDays;
      analysis.ownNodeSource = own.source;
      sources.push(own.source);
      if (own.data.stale) warnings.push(`${own.source} data is stale (last fetched ${own.data.fetchedAt}): ${own.data.reason}`);
    } else {
      for (const u of own?.unavailable ?? []) warnings.push(`${u.source} unavailable: ${u.reason}`);
      if (own?.source && own.data && !own.data.ok) warnings.push(`${own.source} unavailable: ${own.data.reason}`);
      warnings.push(GRAPH_ONLY);
    }
    if (fees?.ok && fees.value) {
      analysis.sparkseerSuggestedFees = fees.value.items.map((f) => ({ peerPubkey: f.peerPubkey, passiveFeePpm: f.passiveFeeRatePpm, activeFeePpm: f.activeFeeRatePpm }));
      sources.push('sparkseer');
    } else if (fees && !fees.ok) {
      warnings.push(`sparkseer unavailable: ${fees.reason}`);
    }
    // A live source that is also the own-node source (LND) is named once.
    const named = analysis.source.split('+');
    analysis.source = [analysis.source, ...sources.filter((x) => !named.includes(x))].join('+');
    return { state, analysis, warnings };
  }

  /** The node's shared candidate pool (see CandidatePoolService), as the rules read it; null while centralities compute. */
  private async simulatedCandidates(v: number): Promise<NodeAnalysis['candidates'] | null> {
    const pool = await this.pools.poolIfReady(v);
    if (!pool) return null;
    return pool.candidates.map(toCandidatePeer);
  }
}
