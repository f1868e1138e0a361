import { NodeFlowDto } from './flow.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GraphFreshnessDto } from '../../graph/graph-freshness.dto';

export class NodeDescriptionDto {
  /** Alias announced by the node; attacker-controlled text, to be displayed as data only. Null when the source has none. */
  alias!: string | null;
  /** Colour as `#rrggbb`; null when the source does not carry colours (the 2026 embedded snapshot does not). */
  color!: string | null;
  /** Feature bits as the source reports them; null when the source does not carry them. */
  features!: Record<string, unknown> | null;
}

export class NodeMetricsDto {
  /** Announced channels in the snapshot, including those with no enabled direction. */
  total_channels!: number;
  /** Sum of announced channel capacities, sat. */
  total_capacity!: number;
  /** Routing fees earned over the last 24 h, sat; null unless a source for the node's own forwards is configured. */
  routing_revenue_24h!: number | null;
  /**
   * Channels with at least one enabled direction, on either side (the network's view: the channel still
   * exists for routing). A channel whose own direction is disabled counts here; see `outbound_usable_channels`.
   */
  active_channels!: number;
  /** Capacity of the active channels, sat. */
  active_capacity!: number;
  /** Distinct peers over all announced channels. */
  distinct_peers!: number;
  /** Distinct peers over active channels. */
  active_peers!: number;
  /** Channels whose own (outbound) direction is enabled: the ones the node itself can forward out through. */
  outbound_usable_channels!: number;
  /** Capacity of those channels, sat. */
  outbound_usable_capacity!: number;
  /** Channels whose own direction is not enabled (null or disabled policy) while the peer's is enabled. */
  own_direction_disabled_channels!: number;
  /** Capacity of those channels, sat. */
  own_direction_disabled_capacity!: number;
  /** Distinct peers with at least one channel enabled in both directions (fewer than two: the node cannot route). */
  bidirectional_peers!: number;
  /** Mean announced channel capacity, sat. */
  mean_channel_size!: number | null;
  /** Median announced channel capacity, sat. */
  median_channel_size!: number | null;
  /** Median fee rate of the node's enabled outbound policies, ppm. */
  median_outbound_fee_rate_ppm!: number | null;
  /** Median base fee of the node's enabled outbound policies, msat. */
  median_outbound_base_fee_msat!: number | null;
}

export class ChannelPolicyDto {
  /** Base fee, msat; null when a live source does not report it (mempool gives only the fee rate). */
  base_fee_msat!: number | null;
  /** Proportional fee, parts per million. */
  fee_rate_ppm!: number;
  /** CLTV expiry delta, blocks; null when a live source does not report it (mempool). */
  cltv_delta!: number | null;
  min_htlc_msat!: number | null;
  max_htlc_msat!: number | null;
  /**
   * Inbound fee (bLIP-18, LND 0.18+), msat; negative is a discount. Null when the source has none: Core Lightning's
   * listchannels carries no inbound fees (the embedded snapshot, GRAPH_SOURCE=cln); LND's describegraph does.
   */
  inbound_base_fee_msat!: number | null;
  /** Inbound fee rate, ppm; negative is a discount. Null when the source has none (see inbound_base_fee_msat). */
  inbound_fee_rate_ppm!: number | null;
  /** True when the last channel_update disabled this direction. */
  disabled!: boolean;
  /** Unix seconds of the channel_update; null when the source has no timestamps. */
  last_update!: number | null;
  /**
   * Set on the node's own channels when its own node API gave their current fees (`lnd`: `/v1/fees`, inbound fees
   * included; `cln`: `listpeerchannels`), fresher than the gossip the other fields come from. Absent otherwise.
   */
  @ApiPropertyOptional({ enum: ['lnd', 'cln'] })
  fee_source?: 'lnd' | 'cln';
}

export class ChannelDto {
  /** `BLOCKxTXxOUTPUT`; null when the source has no channel ids (the 2026 embedded snapshot). */
  short_channel_id!: string | null;
  /** Block height of the funding transaction, decoded from the short channel id. */
  block_height!: number | null;
  /** Funding outpoint `txid:index`; null when the source does not have it. */
  channel_point!: string | null;
  peer_pubkey!: string;
  /** Peer alias (attacker-controlled text). */
  peer_alias!: string | null;
  /** Capacity, sat. */
  capacity!: number;
  /** At least one direction has an enabled policy; false for zombie or disabled channels. */
  usable!: boolean;
  /** The analysed node's outbound policy on this channel; null when it never published one. */
  local_policy!: ChannelPolicyDto | null;
  /** The peer's policy toward the analysed node; null when it never published one. */
  remote_policy!: ChannelPolicyDto | null;
  /** Live balances, only for the operator's own node (from its LND). */
  balance?: ChannelBalanceDto;
}

export class ChannelBalanceDto {
  local_sat!: number;
  remote_sat!: number;
  /** The channel is active in LND now (peer online). */
  active!: boolean;
  /** Routing fees this channel earned as the outgoing channel over the forwarding window, msat. */
  forwarded_fees_msat!: number | null;
}

export class LiveNodeDto {
  alias!: string;
  color!: string;
  active_channel_count!: number;
  /** sat. */
  capacity!: number;
  /** Unix seconds. */
  first_seen!: number;
  /** Unix seconds. */
  updated_at!: number;
  country!: string | null;
  as_organization!: string | null;
}

export class SparkseerRanksDto {
  betweenness!: number | null;
  closeness!: number | null;
  eigenvector!: number | null;
  weighted_betweenness!: number | null;
  weighted_closeness!: number | null;
  weighted_eigenvector!: number | null;
}

export class SparkseerStatsDto {
  /** Sparkseer's centrality ranks (1 = most central). */
  ranks!: SparkseerRanksDto;
  median_outbound_fee_rate_ppm!: number | null;
  median_inbound_fee_rate_ppm!: number | null;
  liquidity_flexibility_score!: number | null;
  htlc_response_time_median!: number | null;
}

export class OwnNodeDto {
  /** The operator's node API these figures come from: `lnd` (LND REST) or `cln` (Core Lightning clnrest). */
  @ApiProperty({ enum: ['lnd', 'cln'] })
  source!: 'lnd' | 'cln';
  /** Sum of local balances over the node's channels, sat. */
  local_balance!: number;
  remote_balance!: number;
  channels!: number;
  active_channels!: number;
  forwards_24h!: number;
  routing_revenue_24h_msat!: number;
  forwarding_window_days!: number;
  /** False when the node's forwarding log was cut at the paging cap. */
  forwarding_complete!: boolean;
}

export class WalletDto {
  name!: string;
  balance_msat!: number;
}

export class RankedValueDto {
  value!: number;
  /** 1 = highest value in the network; equal values share the best rank. */
  rank!: number;
  /** Share of all nodes (0–100) with a strictly lower value. */
  percentile!: number;
}

export class CentralityDto {
  /** Raw score. */
  value!: number;
  /** Score normalised as described for this centrality. */
  normalized!: number;
  /** Among routable nodes: 1 = most central, ties share the best rank. */
  rank!: number;
  /** Share of routable nodes (0–100) with a strictly lower score. */
  percentile!: number;
}

/**
 * Where the node stands in the routable graph: undirected, channels with at least one enabled direction,
 * parallel channels to one peer collapsed. `degree` counts distinct peers over such channels, `capacity`
 * sums their capacity; their ranks run over every node of the snapshot (1 = highest, ties share the best
 * rank), percentiles give the share of nodes with a strictly lower value.
 *
 * Centralities, computed on hop distances among the n routable nodes; ranks among routable nodes only
 * (1 = most central, equal scores share the best rank; scores compared at 12 significant digits):
 * - `betweenness`: exact (Brandes); value = Σ over unordered pairs {s,t} of the share of shortest s–t paths
 *   through the node; normalized = value / ((n−1)(n−2)/2).
 * - `closeness`: harmonic, value = Σ 1/d(node, u) (unreachable nodes add 0), normalized = value / (n−1).
 * - `eigenvector`: on the largest connected component, unit norm; normalized = value / max (top node = 1);
 *   routable nodes outside that component score 0.
 * A node with no usable channel is `routable: false` and has no centrality (null), rather than a last rank.
 * Centralities are computed in the background after each graph load; meanwhile `status` is `computing`.
 */
export class NetworkPositionDto {
  @ApiProperty({ enum: ['ready', 'computing', 'unavailable'] })
  status!: 'ready' | 'computing' | 'unavailable';
  /** Date of the graph snapshot (YYYY-MM-DD). */
  snapshot_date!: string;
  /** Content hash of the graph snapshot. */
  graph_version!: string;
  total_nodes!: number;
  routable_nodes!: number;
  routable!: boolean;
  degree!: RankedValueDto;
  capacity!: RankedValueDto;
  betweenness!: CentralityDto | null;
  closeness!: CentralityDto | null;
  eigenvector!: CentralityDto | null;
  /** Mean hop distance from the node to the nodes it can reach. */
  mean_hop_distance!: number | null;
  /** When the centralities were computed (ISO 8601). */
  computed_at!: string | null;
  /**
   * Why the centralities are null, for a node served from a live source: it is not in the graph they are
   * computed on. Its degree and capacity are then ranked against the graph's nodes (rank = 1 + nodes with a
   * higher value, percentile = share of the graph's nodes with a lower value).
   */
  reason?: string;
  /** The node in the payment-flow model: modelled forwards, volume, revenue per day and share of network flow (p10/p50/p90). */
  flow!: NodeFlowDto;
}

export class HistoryChangeDto {
  total_channels!: number | null;
  total_capacity!: number | null;
  distinct_peers!: number | null;
  median_fee_rate_ppm!: number | null;
  /** Negative: the node moved up. */
  degree_rank!: number | null;
  /** Negative: the node moved up. */
  capacity_rank!: number | null;
}

export class HistoryPointDto {
  snapshot_date!: string;
  source_file!: string;
  /** False when the node is not in that snapshot (it had no public channel then). */
  present!: boolean;
  total_channels!: number | null;
  total_capacity!: number | null;
  active_channels!: number | null;
  distinct_peers!: number | null;
  median_fee_rate_ppm!: number | null;
  degree_rank!: number | null;
  capacity_rank!: number | null;
  /** Nodes in that snapshot, to read the ranks against. */
  nodes_in_snapshot!: number;
  /** Now minus then, for each figure; null when either side is missing. */
  change!: HistoryChangeDto;
}

export class NodeInfoResponseDto {
  pubkey!: string;
  node_info!: NodeDescriptionDto;
  metrics!: NodeMetricsDto;
  /** Every announced channel of the node, largest first. */
  channels!: ChannelDto[];
  network_position!: NetworkPositionDto;
  /** Present when `include_historical=true`: the node at each older embedded snapshot, oldest last. */
  historical?: HistoryPointDto[];
  /** The mempool Lightning explorer's live view of the node, when MEMPOOL_BASE_URL is set. */
  live?: LiveNodeDto;
  /** Sparkseer's figures for the node, when SPARKSEER_API_KEY is set. */
  sparkseer?: SparkseerStatsDto;
  /** Live balances and forwards, when the node is the operator's own LND. */
  own_node?: OwnNodeDto;
  /** The operator's LNBits wallet, shown with the operator's own node. */
  wallet?: WalletDto;
  /**
   * Set when the graph does not know the node and a live source answered: the source's name (`lnd`, `mempool`).
   * Metrics, channels and policies then come from that source, as far as it reports them.
   */
  live_source?: string;
  /** With `live_source`: true when the source failed and its last good answer is served (see `warnings`). */
  stale?: boolean;
  /** With `stale: true`: when that answer was fetched (ISO 8601). */
  live_fetched_at?: string;
  /** When this answer was computed (ISO 8601); a cached answer keeps its original time. */
  timestamp!: string;
  /** The sources that answered, joined with `+`, e.g. `embedded-graph:2026-02-03`. */
  source!: string;
  cache_hit!: boolean;
  /** What is missing from this answer and why (e.g. no routing revenue source configured). */
  warnings!: string[];
  /** The graph's date and age now, and a warning when it is older than GRAPH_MAX_AGE_DAYS. */
  graph!: GraphFreshnessDto;
}
