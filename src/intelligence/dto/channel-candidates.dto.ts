import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsNodePubkey } from '../../common/validation/decorators';
import { GraphFreshnessDto } from '../../graph/graph-freshness.dto';
import { FlowSpreadDto } from './flow.dto';
import { ModelledChangeDto } from './recommendations.dto';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

export class ChannelCandidatesQuery {
  /** How many candidates to return, best first. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'limit must be an integer between 1 and 50' })
  @Min(1, { message: 'limit must be an integer between 1 and 50' })
  @Max(50, { message: 'limit must be an integer between 1 and 50' })
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50, default: 10 })
  limit?: number;

  /** Only candidates whose usable channels add up to at least this many sat. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'min_capacity must be a whole number of sats between 0 and 2100000000000000' })
  @Min(0, { message: 'min_capacity must be a whole number of sats between 0 and 2100000000000000' })
  @Max(2_100_000_000_000_000, { message: 'min_capacity must be a whole number of sats between 0 and 2100000000000000' })
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 2_100_000_000_000_000, default: 0 })
  min_capacity?: number;
}

export class CandidateInputDto {
  @IsNodePubkey()
  pubkey!: string;

  /** The channel size the operator has in mind, sat (compared with the suggested sizes). */
  @IsOptional()
  @IsInt({ message: 'capacity must be a whole number of sats between 20000 and 2100000000000000' })
  @Min(20_000, { message: 'capacity must be a whole number of sats between 20000 and 2100000000000000' })
  @Max(2_100_000_000_000_000, { message: 'capacity must be a whole number of sats between 20000 and 2100000000000000' })
  @ApiPropertyOptional({ type: 'integer', minimum: 20_000 })
  capacity?: number;
}

export class EvaluateCandidatesDto {
  /** Up to 50 peers the operator is considering. */
  @IsArray({ message: 'candidates must be an array' })
  @ArrayMinSize(1, { message: 'candidates must list at least one peer' })
  @ArrayMaxSize(50, { message: 'candidates may list at most 50 peers' })
  @ValidateNested({ each: true })
  @Type(() => CandidateInputDto)
  candidates!: CandidateInputDto[];
}

export class RankChangeDto {
  /** Raw score before the channel; null when the node had no usable channel. */
  before!: number | null;
  after!: number;
  rank_before!: number;
  rank_after!: number;
  /** rank_before − rank_after: places climbed (positive = better). */
  gain!: number;
}

export class HopDistanceChangeDto {
  before!: number | null;
  after!: number;
  /** after − before: negative = the rest of the network gets closer. */
  change!: number | null;
}

/** What an operator checks before opening a channel to the candidate, beyond the rank gains. */
export class CandidateVettingDto {
  /** No rejection reason: the candidate may be advised. Candidates that fail are listed after those that pass and never advised. */
  passed!: boolean;
  /** Why the candidate is not advised (empty when it passed). */
  reasons!: string[];
  /** Worth knowing, not disqualifying (too little fee data, overlap with the node's peers). */
  concerns!: string[];
  /** The candidate's announced channels, zombies included. */
  announced_channels!: number;
  /** Share (0–1) of those channels with no enabled direction; more than 0.5 rejects the candidate. */
  zombie_share!: number;
  /** Lower median of the fee rates its peers charge to forward toward it (demand for liquidity into it); under 10 ppm rejects it. Null when no such fee is enabled. */
  inbound_fee_median_ppm!: number | null;
  /** Share (0–1) of those fees at 1 ppm or less. */
  inbound_fee_at_most_1ppm_share!: number | null;
  /** How many enabled fees toward the candidate were seen. */
  inbound_fee_sample_size!: number;
  /** The node's peers that already have a usable channel with the candidate. */
  shared_peers!: number;
  /** shared_peers over the node's distinct peers (0–1); null when the node has no peer. */
  shared_peer_share!: number | null;
}

/** The channel the model opened: its size and both sides' fees. */
export class CandidateFlowAssumptionsDto {
  capacity_sat!: number;
  /** The node's side: the candidate's passive fee (the crowd's median toward it). */
  local_fee_rate_ppm!: number;
  /** The node's own median base fee. */
  local_base_fee_msat!: number;
  /** The candidate's side: its own median outbound fee. */
  remote_fee_rate_ppm!: number;
  remote_base_fee_msat!: number;
}

/**
 * The payment-flow model's reading of opening the channel (README "Payment-flow model"): the node's forwards and
 * revenue per day before and after, and the new channel's own, p10/p50/p90 over the seeded runs. A model under a
 * stated demand, not a measurement; `note` names the assumptions.
 */
export class CandidateModelledFlowDto {
  node_forwards_per_day!: ModelledChangeDto;
  node_revenue_sat_per_day!: ModelledChangeDto;
  /** Payments the node would forward per day out through the new channel, toward the candidate. */
  channel_forwards_per_day!: FlowSpreadDto;
  /** Revenue the node would earn per day on that direction, sat. */
  channel_revenue_sat_per_day!: FlowSpreadDto;
  assumed!: CandidateFlowAssumptionsDto;
  /** True when the model's median forwards of the node rise with the channel. */
  adds_flow!: boolean;
  note!: string;
}

export class ChannelCandidateDto {
  pubkey!: string;
  /** Attacker-controlled text; display as data. */
  alias!: string | null;
  /** The candidate's usable capacity, sat. */
  capacity!: number;
  /** The candidate's distinct usable peers. */
  channel_count!: number;
  gain_in_betweenness_rank!: number;
  gain_in_closeness_rank!: number;
  gain_in_eigenvector_rank!: number;
  /** 25th percentile of the candidate's usable channel sizes, rounded up to 10k sat, at least 20k sat. */
  minimum_viable_capacity!: number;
  /** Median of the candidate's usable channel sizes, rounded up to 10k sat, at least 20k sat. */
  ideal_capacity!: number;
  capacity_rule!: string;
  /**
   * The channel size to open, sized to the node's own capital: the larger of `ideal_capacity` and the node's
   * median channel, capped at max(the node's median channel, 25 % of its total capacity), rounded down to
   * 10k sat, at least 20k sat. Recommendations and plans use this figure.
   */
  suggested_capacity!: number;
  /** How suggested_capacity was sized, with the figures used. */
  suggested_capacity_rule!: string;
  /** The size the operator asked about (evaluate only), else null. */
  requested_capacity!: number | null;
  /** Median fee rate the candidate's other peers charge toward it (priced like the crowd). */
  passive_fee_ppm!: number;
  /** 75th percentile of those fees (priced for scarce liquidity, rebalanced actively). */
  active_fee_ppm!: number;
  fee_rule!: string;
  vetting!: CandidateVettingDto;
  betweenness!: RankChangeDto;
  closeness!: RankChangeDto;
  eigenvector!: RankChangeDto;
  mean_hop_distance!: HopDistanceChangeDto;
  /** On the first five candidates once the payment-flow model is ready and their what-ifs are done (see `modelled_flow_status`); null otherwise. */
  modelled_flow!: CandidateModelledFlowDto | null;
}

export class SkippedCandidateDto {
  pubkey!: string;
  /** unknown-node, same-node or already-peer. */
  reason!: string;
}

export class ChannelCandidatesResponseDto {
  pubkey!: string;
  /** The node had at least one usable channel. */
  routable!: boolean;
  candidates!: ChannelCandidateDto[];
  skipped!: SkippedCandidateDto[];
  /** How the peers were chosen, how many were simulated. */
  pool!: { rule: string; size: number; simulated: number };
  /** How the gains were computed, with the approximation used for ranks. */
  method!: string;
  graph_version!: string;
  snapshot_date!: string;
  computed_at!: string;
  compute_ms!: number;
  /**
   * The payment-flow model behind `modelled_flow`: `ready` (the first five candidates carry it), `pending` (some of
   * their what-ifs are still computing: ask again in a few seconds), `computing` (the model of this graph is being
   * built) or `unavailable` (FLOW_MODEL=false, or the model failed).
   */
  @ApiProperty({ enum: ['ready', 'pending', 'computing', 'unavailable'] })
  modelled_flow_status!: 'ready' | 'pending' | 'computing' | 'unavailable';
  /** The graph's date and age now, and a warning when it is older than GRAPH_MAX_AGE_DAYS. */
  graph!: GraphFreshnessDto;
}
