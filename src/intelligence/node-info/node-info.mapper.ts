import { GraphState } from '../../graph/graph.service';
import { HistoryPoint } from '../../graph/history/graph-history.service';
import { blockHeightOfScid } from '../../graph/model/short-channel-id';
import { NodeSummary, summarizeNode } from '../../graph/stats/node-stats';
import type { OwnChannelBalance } from '../../clients/common/own-channel.types';
import type { MempoolNodeDetails } from '../../clients/mempool/mempool.types';
import type { SparkseerNodeStats } from '../../clients/sparkseer/sparkseer.types';
import type { CentralityColumn } from '../../graph/analytics/centralities';
import type { CentralityState } from '../../graph/centrality.service';
import type { FlowState } from '../../graph/flow.service';
import { nodeFlowDto } from '../flow/flow.mapper';
import { CentralityDto, ChannelDto, ChannelPolicyDto, HistoryPointDto, LiveNodeDto, NetworkPositionDto, NodeMetricsDto, OwnNodeDto, SparkseerStatsDto } from '../dto/node-info.dto';
import type { OwnNodeData } from '../live/own-node.service';
import { liveDegreeAndCapacity, livePosition } from '../live-node/live-node.analysis';
import type { LiveChannel, LiveNode, LivePolicy } from '../live-node/live-node.types';

/** Pure mapping from the graph to the node-info answer; no I/O, so it is easy to test and cheap to run. */
export function nodeMetrics(state: GraphState, v: number, s: NodeSummary = summarizeNode(state.graph, v)): NodeMetricsDto {
  return metricsFromSummary(s);
}

export function metricsFromSummary(s: NodeSummary): NodeMetricsDto {
  return {
    total_channels: s.totalChannels,
    total_capacity: s.totalCapacitySat,
    routing_revenue_24h: null,
    active_channels: s.activeChannels,
    active_capacity: s.activeCapacitySat,
    distinct_peers: s.distinctPeers,
    active_peers: s.activePeers,
    outbound_usable_channels: s.outboundUsableChannels,
    outbound_usable_capacity: s.outboundUsableCapacitySat,
    own_direction_disabled_channels: s.ownDisabledChannels,
    own_direction_disabled_capacity: s.ownDisabledCapacitySat,
    bidirectional_peers: s.bidirectionalPeers,
    mean_channel_size: s.meanChannelSat,
    median_channel_size: s.medianChannelSat,
    median_outbound_fee_rate_ppm: s.medianOutboundFeePpm,
    median_outbound_base_fee_msat: s.medianOutboundBaseFeeMsat,
  };
}

export function nodeChannels(state: GraphState, v: number): ChannelDto[] {
  const g = state.graph;
  const policy = (slot: number): ChannelPolicyDto | null => {
    const p = g.policy(slot);
    return p
      ? {
          base_fee_msat: p.feeBaseMsat,
          fee_rate_ppm: p.feeRatePpm,
          cltv_delta: p.cltvDelta,
          min_htlc_msat: p.minHtlcMsat,
          max_htlc_msat: p.maxHtlcMsat,
          inbound_base_fee_msat: p.inboundFeeBaseMsat,
          inbound_fee_rate_ppm: p.inboundFeeRatePpm,
          disabled: p.disabled,
          last_update: p.lastUpdate,
        }
      : null;
  };
  const chans = Array.from(g.channelsOf(v)).sort((a, b) => g.chanCapacitySat[b] - g.chanCapacitySat[a] || a - b);
  return chans.map((c) => {
    const peer = g.peerOf(c, v);
    return {
      short_channel_id: g.chanScid[c],
      block_height: blockHeightOfScid(g.chanScid[c]),
      channel_point: g.chanPoint[c],
      peer_pubkey: g.pubkeys[peer],
      peer_alias: g.aliases[peer],
      capacity: g.chanCapacitySat[c],
      usable: g.isUsable(c),
      local_policy: policy(g.outboundSlot(c, v)),
      remote_policy: policy(g.inboundSlot(c, v)),
    };
  });
}

function centrality(col: CentralityColumn, v: number): CentralityDto | null {
  return col.rank[v] === 0 ? null : { value: col.raw[v], normalized: col.normalized[v], rank: col.rank[v], percentile: col.percentile[v] };
}

export function networkPosition(state: GraphState, v: number, c: CentralityState | null, flow: FlowState | null): NetworkPositionDto {
  const r = state.ranks;
  const t = c?.status === 'ready' ? c.table : null;
  return {
    status: !c || c.status === 'computing' ? 'computing' : c.status === 'ready' ? 'ready' : 'unavailable',
    snapshot_date: state.graph.meta.snapshotDate,
    graph_version: state.graph.meta.version,
    total_nodes: state.graph.nodeCount,
    routable_nodes: r.routableNodes,
    routable: r.degree[v] > 0,
    degree: { value: r.degree[v], rank: r.degreeRank[v], percentile: r.degreePercentile[v] },
    capacity: { value: r.capacitySat[v], rank: r.capacityRank[v], percentile: r.capacityPercentile[v] },
    betweenness: t ? centrality(t.betweenness, v) : null,
    closeness: t ? centrality(t.closeness, v) : null,
    eigenvector: t ? centrality(t.eigenvector, v) : null,
    mean_hop_distance: t && !Number.isNaN(t.meanHopDistance[v]) ? Math.round(t.meanHopDistance[v] * 1e4) / 1e4 : null,
    computed_at: c?.computedAt?.toISOString() ?? null,
    flow: nodeFlowDto(flow, v),
  };
}

export function historyPoints(points: HistoryPoint[], now: NodeMetricsDto, position: NetworkPositionDto): HistoryPointDto[] {
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return points.map((p) => ({
    snapshot_date: p.snapshotDate,
    source_file: p.sourceFile,
    present: p.present,
    total_channels: p.totalChannels,
    total_capacity: p.totalCapacitySat,
    active_channels: p.activeChannels,
    distinct_peers: p.distinctPeers,
    median_fee_rate_ppm: p.medianFeePpm,
    degree_rank: p.degreeRank,
    capacity_rank: p.capacityRank,
    nodes_in_snapshot: p.nodeCount,
    change: {
      total_channels: diff(now.total_channels, p.totalChannels),
      total_capacity: diff(now.total_capacity, p.totalCapacitySat),
      distinct_peers: diff(now.distinct_peers, p.distinctPeers),
      median_fee_rate_ppm: diff(now.median_outbound_fee_rate_ppm, p.medianFeePpm),
      degree_rank: diff(position.degree.rank, p.degreeRank),
      capacity_rank: diff(position.capacity.rank, p.capacityRank),
    },
  }));
}

/** Live balances onto the graph's channels: by short channel id, then channel point, then peer and capacity. */
export function attachBalances(channels: ChannelDto[], own: OwnNodeData): void {
  const unmatched = new Set(own.channels);
  const take = (pred: (c: OwnChannelBalance) => boolean) => {
    for (const c of unmatched) {
      if (pred(c)) {
        unmatched.delete(c);
        return c;
      }
    }
    return undefined;
  };
  for (const ch of channels) {
    const live =
      (ch.short_channel_id && take((c) => c.shortChannelId === ch.short_channel_id)) ||
      (ch.channel_point && take((c) => c.channelPoint === ch.channel_point)) ||
      take((c) => c.remotePubkey === ch.peer_pubkey && c.capacitySat === ch.capacity);
    if (live) {
      ch.balance = { local_sat: live.localBalanceSat, remote_sat: live.remoteBalanceSat, active: live.active, forwarded_fees_msat: own.feesByChanIdMsat[live.chanId] ?? null };
      // The node's current fees, as the advice reads them: gossip can lag a policy change by hours.
      const policy = own.policiesByChanId?.[live.chanId];
      if (policy && ch.local_policy) {
        ch.local_policy = {
          ...ch.local_policy,
          base_fee_msat: policy.baseFeeMsat,
          fee_rate_ppm: policy.feeRatePpm,
          ...(policy.inboundBaseFeeMsat !== undefined ? { inbound_base_fee_msat: policy.inboundBaseFeeMsat } : {}),
          ...(policy.inboundFeeRatePpm !== undefined ? { inbound_fee_rate_ppm: policy.inboundFeeRatePpm } : {}),
          fee_source: own.source,
        };
      }
    }
  }
}

export function liveNode(m: MempoolNodeDetails): LiveNodeDto {
  return {
    alias: m.alias,
    color: m.color,
    active_channel_count: m.activeChannelCount,
    capacity: m.capacitySat,
    first_seen: m.firstSeen,
    updated_at: m.updatedAt,
    country: m.country,
    as_organization: m.asOrganization,
  };
}

export function sparkseerStats(s: SparkseerNodeStats): SparkseerStatsDto {
  return {
    ranks: {
      betweenness: s.ranks.betweenness,
      closeness: s.ranks.closeness,
      eigenvector: s.ranks.eigenvector,
      weighted_betweenness: s.ranks.weightedBetweenness,
      weighted_closeness: s.ranks.weightedCloseness,
      weighted_eigenvector: s.ranks.weightedEigenvector,
    },
    median_outbound_fee_rate_ppm: s.medianOutboundFeeRatePpm,
    median_inbound_fee_rate_ppm: s.medianInboundFeeRatePpm,
    liquidity_flexibility_score: s.liquidityFlexibilityScore,
    htlc_response_time_median: s.htlcResponseTimeMedian,
  };
}

export function ownNodeSummary(o: OwnNodeData): OwnNodeDto {
  return {
    source: o.source,
    local_balance: o.channels.reduce((s, c) => s + c.localBalanceSat, 0),
    remote_balance: o.channels.reduce((s, c) => s + c.remoteBalanceSat, 0),
    channels: o.channels.length,
    active_channels: o.channels.filter((c) => c.active).length,
    forwards_24h: o.forwards24h,
    routing_revenue_24h_msat: o.revenue24hMsat,
    forwarding_window_days: o.windowDays,
    forwarding_complete: o.complete,
  };
}

function livePolicyDto(p: LivePolicy | null, channelActive: boolean | null): ChannelPolicyDto | null {
  if (!p || p.feeRatePpm === null) return null;
  return {
    base_fee_msat: p.baseFeeMsat,
    fee_rate_ppm: p.feeRatePpm,
    cltv_delta: p.cltvDelta,
    min_htlc_msat: p.minHtlcMsat,
    max_htlc_msat: p.maxHtlcMsat,
    inbound_base_fee_msat: p.inboundBaseFeeMsat,
    inbound_fee_rate_ppm: p.inboundFeeRatePpm,
    // mempool gives no per-direction flag: its channel status (inactive) stands for it.
    disabled: p.disabled ?? channelActive === false,
    last_update: p.lastUpdate,
  };
}

/** A live source's channels in the node-info shape, largest first like the graph's. */
export function liveNodeChannels(node: LiveNode): ChannelDto[] {
  const byCapacity = (a: LiveChannel, b: LiveChannel) => b.capacitySat - a.capacitySat || (a.peerPubkey < b.peerPubkey ? -1 : a.peerPubkey > b.peerPubkey ? 1 : 0);
  return [...node.channels].sort(byCapacity).map((c) => ({
    short_channel_id: c.shortChannelId,
    block_height: blockHeightOfScid(c.shortChannelId),
    channel_point: c.channelPoint,
    peer_pubkey: c.peerPubkey,
    peer_alias: c.peerAlias,
    capacity: c.capacitySat,
    usable: c.active !== false,
    local_policy: livePolicyDto(c.policy, c.active),
    remote_policy: livePolicyDto(c.peerPolicy, c.active),
  }));
}

export const LIVE_POSITION_REASON =
  'the node is not in the graph the centralities and the flow model are computed on: betweenness, closeness, eigenvector, mean hop distance and flow figures are null; degree and capacity are ranked against the graph’s nodes';

/** Degree and capacity of a live node placed among the graph's distributions; no centralities. */
export function liveNetworkPosition(state: GraphState, node: LiveNode): NetworkPositionDto {
  const pos = livePosition(state, node);
  return {
    status: 'unavailable',
    snapshot_date: state.graph.meta.snapshotDate,
    graph_version: state.graph.meta.version,
    total_nodes: state.graph.nodeCount,
    routable_nodes: state.ranks.routableNodes,
    routable: liveDegreeAndCapacity(node).degree > 0,
    degree: { value: pos.degree.value, rank: pos.degree.rank, percentile: pos.degree.percentile },
    capacity: { value: pos.capacity.value, rank: pos.capacity.rank, percentile: pos.capacity.percentile },
    betweenness: null,
    closeness: null,
    eigenvector: null,
    mean_hop_distance: null,
    computed_at: null,
    reason: LIVE_POSITION_REASON,
    // The flow model routes payments over the graph, which does not hold this node.
    flow: { status: 'unavailable', forwards_per_day: null, volume_sat_per_day: null, revenue_sat_per_day: null, share_of_network_flow: null, payments_per_run: null, runs: null, computed_at: null },
  };
}
