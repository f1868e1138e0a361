import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsNodePubkey } from '../../common/validation/decorators';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

/** Most changes (policy changes plus new channels) one what-if may carry. */
export const MAX_WHAT_IF_CHANGES = 10;
export const MAX_FEE_RATE_PPM = 100_000;
export const MAX_BASE_FEE_MSAT = 100_000_000;
// The flow engine's own bounds (21,000 BTC): above any real channel, and exact as JavaScript numbers.
const MAX_MSAT = 2_100_000_000_000_000;
const MAX_SAT = 2_100_000_000_000;

/** p10, p50 and p90 of a figure over the model's seeded runs. */
export class FlowSpreadDto {
  p10!: number;
  p50!: number;
  p90!: number;
}

/** Modelled figures of a node or a channel, per day, each with its spread over the seeded runs. */
export class FlowFiguresDto {
  /** Payments forwarded per day. */
  forwards_per_day!: FlowSpreadDto;
  /** Amount forwarded per day, sat. */
  volume_sat_per_day!: FlowSpreadDto;
  /** Routing fees earned per day, sat (fractions kept: small nodes earn less than a sat a day). */
  revenue_sat_per_day!: FlowSpreadDto;
}

/**
 * The node in the payment-flow model of the current graph (README "Payment-flow model"): payments sampled from a
 * stated demand, each routed the way LND picks a route. A model, not a measurement: it knows no balances, no real
 * demand, no private channels. Computed in the background after each graph load; meanwhile `status` is `computing`,
 * and `unavailable` when the model is turned off (FLOW_MODEL=false) or failed.
 */
export class NodeFlowDto {
  @ApiProperty({ enum: ['ready', 'computing', 'unavailable'] })
  status!: 'ready' | 'computing' | 'unavailable';
  forwards_per_day!: FlowSpreadDto | null;
  volume_sat_per_day!: FlowSpreadDto | null;
  revenue_sat_per_day!: FlowSpreadDto | null;
  /** The node's forwarded volume over the forwarded volume of every hop of the simulated payments (0–1). */
  share_of_network_flow!: FlowSpreadDto | null;
  /** Payments sampled per seeded run, and how many runs the spread is taken over. */
  payments_per_run!: number | null;
  runs!: number | null;
  /** When the model was computed (ISO 8601). */
  computed_at!: string | null;
}

// ---------- what-if request ----------

const RATE_MSG = `must be a whole number of ppm between 0 and ${MAX_FEE_RATE_PPM}`;
const INBOUND_RATE_MSG = `must be a whole number of ppm between -${MAX_FEE_RATE_PPM} and ${MAX_FEE_RATE_PPM} (inbound fees may be negative: discounts)`;
const BASE_MSG = `must be a whole number of msat between 0 and ${MAX_BASE_FEE_MSAT}`;
const INBOUND_BASE_MSG = `must be a whole number of msat between -${MAX_BASE_FEE_MSAT} and ${MAX_BASE_FEE_MSAT}`;

/** A change of the node's own (outgoing) policy on its channel(s) to one peer, or on one channel named by id. */
export class PolicyChangeDto {
  /** The peer at the other end; every channel of the node with that peer changes. Give exactly one of `peer` and `short_channel_id`. */
  @IsOptional()
  @IsNodePubkey()
  @ApiPropertyOptional({ description: 'Peer pubkey (66 hex characters); every channel of the node with that peer changes. Give exactly one of peer and short_channel_id.' })
  peer?: string;

  /** One channel of the node, as a short channel id (`850000x1234x0`) or its 64-bit decimal form (graphs without ids, like the embedded snapshot, need `peer`). */
  @IsOptional()
  @Matches(/^(\d{1,7}x\d{1,7}x\d{1,5}|\d{1,20})$/, { message: 'short_channel_id must be a short channel id like 850000x1234x0 or its decimal form' })
  @ApiPropertyOptional({ pattern: '^(\\d{1,7}x\\d{1,7}x\\d{1,5}|\\d{1,20})$' })
  short_channel_id?: string;

  @IsOptional()
  @IsInt({ message: `fee_rate_ppm ${RATE_MSG}` })
  @Min(0, { message: `fee_rate_ppm ${RATE_MSG}` })
  @Max(MAX_FEE_RATE_PPM, { message: `fee_rate_ppm ${RATE_MSG}` })
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_FEE_RATE_PPM })
  fee_rate_ppm?: number;

  @IsOptional()
  @IsInt({ message: `base_fee_msat ${BASE_MSG}` })
  @Min(0, { message: `base_fee_msat ${BASE_MSG}` })
  @Max(MAX_BASE_FEE_MSAT, { message: `base_fee_msat ${BASE_MSG}` })
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_BASE_FEE_MSAT })
  base_fee_msat?: number;

  /** Inbound fee rate the node charges on payments entering through this channel (LND 0.18+); negative = discount. */
  @IsOptional()
  @IsInt({ message: `inbound_fee_rate_ppm ${INBOUND_RATE_MSG}` })
  @Min(-MAX_FEE_RATE_PPM, { message: `inbound_fee_rate_ppm ${INBOUND_RATE_MSG}` })
  @Max(MAX_FEE_RATE_PPM, { message: `inbound_fee_rate_ppm ${INBOUND_RATE_MSG}` })
  @ApiPropertyOptional({ type: 'integer', minimum: -MAX_FEE_RATE_PPM, maximum: MAX_FEE_RATE_PPM })
  inbound_fee_rate_ppm?: number;

  @IsOptional()
  @IsInt({ message: `inbound_base_fee_msat ${INBOUND_BASE_MSG}` })
  @Min(-MAX_BASE_FEE_MSAT, { message: `inbound_base_fee_msat ${INBOUND_BASE_MSG}` })
  @Max(MAX_BASE_FEE_MSAT, { message: `inbound_base_fee_msat ${INBOUND_BASE_MSG}` })
  @ApiPropertyOptional({ type: 'integer', minimum: -MAX_BASE_FEE_MSAT, maximum: MAX_BASE_FEE_MSAT })
  inbound_base_fee_msat?: number;

  @IsOptional()
  @IsInt({ message: `max_htlc_msat must be a whole number of msat between 1 and ${MAX_MSAT}` })
  @Min(1, { message: `max_htlc_msat must be a whole number of msat between 1 and ${MAX_MSAT}` })
  @Max(MAX_MSAT, { message: `max_htlc_msat must be a whole number of msat between 1 and ${MAX_MSAT}` })
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_MSAT })
  max_htlc_msat?: number;

  /** True: the node disables its direction of the channel(s); false: enables it. */
  @IsOptional()
  @IsBoolean({ message: 'disabled must be true or false' })
  @ApiPropertyOptional()
  disabled?: boolean;
}

/** One direction's policy of a new channel. */
export class NewChannelPolicyDto {
  @IsInt({ message: `fee_rate_ppm ${RATE_MSG}` })
  @Min(0, { message: `fee_rate_ppm ${RATE_MSG}` })
  @Max(MAX_FEE_RATE_PPM, { message: `fee_rate_ppm ${RATE_MSG}` })
  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_FEE_RATE_PPM })
  fee_rate_ppm!: number;

  @IsInt({ message: `base_fee_msat ${BASE_MSG}` })
  @Min(0, { message: `base_fee_msat ${BASE_MSG}` })
  @Max(MAX_BASE_FEE_MSAT, { message: `base_fee_msat ${BASE_MSG}` })
  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_BASE_FEE_MSAT })
  base_fee_msat!: number;
}

/** A channel the node might open. */
export class NewChannelDto {
  @IsNodePubkey()
  peer!: string;

  @IsInt({ message: `capacity_sat must be a whole number of sats between 20000 and ${MAX_SAT}` })
  @Min(20_000, { message: `capacity_sat must be a whole number of sats between 20000 and ${MAX_SAT}` })
  @Max(MAX_SAT, { message: `capacity_sat must be a whole number of sats between 20000 and ${MAX_SAT}` })
  @ApiProperty({ type: 'integer', minimum: 20_000, maximum: MAX_SAT })
  capacity_sat!: number;

  /** The node's own policy toward the peer. */
  @IsObject({ message: 'local_policy must be an object with fee_rate_ppm and base_fee_msat' })
  @ValidateNested()
  @Type(() => NewChannelPolicyDto)
  local_policy!: NewChannelPolicyDto;

  /** The peer's policy toward the node. */
  @IsObject({ message: 'remote_policy must be an object with fee_rate_ppm and base_fee_msat' })
  @ValidateNested()
  @Type(() => NewChannelPolicyDto)
  remote_policy!: NewChannelPolicyDto;
}

/** Model parameters for this request only, each within bounds; unset = the instance's defaults (README "Payment-flow model"). */
export class FlowParametersDto {
  /** Who pays whom: endpoints drawn in proportion to their capacity, or uniformly among routable nodes. */
  @IsOptional()
  @IsIn(['capacity_weighted', 'uniform'], { message: 'demand must be capacity_weighted or uniform' })
  @ApiPropertyOptional({ enum: ['capacity_weighted', 'uniform'] })
  demand?: 'capacity_weighted' | 'uniform';

  /** Payments per day across the network the sampled payments stand for. */
  @IsOptional()
  @IsInt({ message: 'payments_per_day must be a whole number between 1000 and 100000000' })
  @Min(1000, { message: 'payments_per_day must be a whole number between 1000 and 100000000' })
  @Max(100_000_000, { message: 'payments_per_day must be a whole number between 1000 and 100000000' })
  @ApiPropertyOptional({ type: 'integer', minimum: 1000, maximum: 100_000_000 })
  payments_per_day?: number;

  /** Smallest and largest sampled amount, sat (log-uniform in between). */
  @IsOptional()
  @IsInt({ message: 'min_amount_sat must be a whole number between 1 and 10000000' })
  @Min(1, { message: 'min_amount_sat must be a whole number between 1 and 10000000' })
  @Max(10_000_000, { message: 'min_amount_sat must be a whole number between 1 and 10000000' })
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10_000_000 })
  min_amount_sat?: number;

  @IsOptional()
  @IsInt({ message: 'max_amount_sat must be a whole number between 1 and 100000000' })
  @Min(1, { message: 'max_amount_sat must be a whole number between 1 and 100000000' })
  @Max(100_000_000, { message: 'max_amount_sat must be a whole number between 1 and 100000000' })
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100_000_000 })
  max_amount_sat?: number;

  /** LND's apriori hop probability (default 0.6). */
  @IsOptional()
  @IsNumber({}, { message: 'hop_probability must be a number between 0.01 and 0.99' })
  @Min(0.01, { message: 'hop_probability must be a number between 0.01 and 0.99' })
  @Max(0.99, { message: 'hop_probability must be a number between 0.01 and 0.99' })
  @ApiPropertyOptional({ minimum: 0.01, maximum: 0.99 })
  hop_probability?: number;

  /** LND's fixed attempt cost, sat (default 100). */
  @IsOptional()
  @IsInt({ message: 'attempt_cost_sat must be a whole number between 0 and 100000' })
  @Min(0, { message: 'attempt_cost_sat must be a whole number between 0 and 100000' })
  @Max(100_000, { message: 'attempt_cost_sat must be a whole number between 0 and 100000' })
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100_000 })
  attempt_cost_sat?: number;

  /** LND's proportional attempt cost, ppm of the amount (default 1000). */
  @IsOptional()
  @IsInt({ message: 'attempt_cost_ppm must be a whole number between 0 and 100000' })
  @Min(0, { message: 'attempt_cost_ppm must be a whole number between 0 and 100000' })
  @Max(100_000, { message: 'attempt_cost_ppm must be a whole number between 0 and 100000' })
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100_000 })
  attempt_cost_ppm?: number;

  /** Seed of the first run; the same seed gives the same payments and paths. */
  @IsOptional()
  @IsInt({ message: 'seed must be a whole number between 0 and 4294967295' })
  @Min(0, { message: 'seed must be a whole number between 0 and 4294967295' })
  @Max(4_294_967_295, { message: 'seed must be a whole number between 0 and 4294967295' })
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 4_294_967_295 })
  seed?: number;
}

/**
 * A what-if on one node: changes of its policies and/or new channels, together at most 10. With no `parameters`
 * the answer comes from the instance's baseline model (fast: only the payments the changes can affect are re-routed);
 * with `parameters` a baseline under those parameters is simulated first (slower).
 */
export class SimulateRequestDto {
  @IsOptional()
  @IsArray({ message: 'policy_changes must be an array' })
  @ArrayMaxSize(MAX_WHAT_IF_CHANGES, { message: `policy_changes may list at most ${MAX_WHAT_IF_CHANGES} changes` })
  @ValidateNested({ each: true })
  @Type(() => PolicyChangeDto)
  policy_changes?: PolicyChangeDto[];

  @IsOptional()
  @IsArray({ message: 'new_channels must be an array' })
  @ArrayMaxSize(MAX_WHAT_IF_CHANGES, { message: `new_channels may list at most ${MAX_WHAT_IF_CHANGES} channels` })
  @ValidateNested({ each: true })
  @Type(() => NewChannelDto)
  new_channels?: NewChannelDto[];

  @IsOptional()
  // Without it an array passes ValidateNested (each element checked, none there).
  @IsObject({ message: 'parameters must be an object' })
  @ValidateNested()
  @Type(() => FlowParametersDto)
  parameters?: FlowParametersDto;
}

// ---------- what-if answer ----------

export class FlowBeforeAfterDto {
  /** Null for a channel that does not exist yet. */
  before!: FlowFiguresDto | null;
  /** Null for a channel the change disables. */
  after!: FlowFiguresDto | null;
}

/** The node's totals: both always present. */
export class FlowTotalDto {
  before!: FlowFiguresDto;
  after!: FlowFiguresDto;
}

export class ChannelWhatIfDto extends FlowBeforeAfterDto {
  /** Short channel id; null for a new channel or when the graph has no ids (the embedded snapshot). */
  short_channel_id!: string | null;
  capacity_sat!: number;
  peer_pubkey!: string;
  peer_alias!: string | null;
  /** True for a channel the what-if opens. */
  new!: boolean;
  /** True when a change of this request applies to the channel. */
  changed!: boolean;
}

export class FlowModelInfoDto {
  /** Graph the model ran on. */
  graph_version!: string;
  payments_per_run!: number;
  runs!: number;
  /** The parameters used, request overrides applied (demand, paymentsPerDay, minAmountSat, maxAmountSat, seed, hopProbability, attemptCostSat, attemptCostPpm, cltvLimit). */
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string' }] } })
  parameters!: Record<string, number | string>;
  /** `fast`: only payments the changes can affect were re-routed; `full`: every payment re-routed. */
  @ApiProperty({ enum: ['fast', 'full'] })
  method!: 'fast' | 'full';
  /** What the figures assume (demand, amounts, route choice) and what the model cannot know. */
  assumptions!: string[];
}

export class SimulateResponseDto {
  pubkey!: string;
  /** The node's totals before and after. */
  total!: FlowTotalDto;
  /** Every channel of the node (and each new one), before and after; changed channels first. */
  channels!: ChannelWhatIfDto[];
  model!: FlowModelInfoDto;
  /** How long the model took, ms. */
  compute_ms!: number;
}

// ---------- fee curve ----------

const POINTS_MSG = 'points must be a whole number between 2 and 50';

export class PeerChannelParams {
  @IsNodePubkey()
  pubkey!: string;

  @IsNodePubkey()
  @ApiProperty({ description: 'The peer at the other end of the channel(s): 66 hex characters.' })
  peer!: string;
}

export class FeeCurveQuery {
  /** Lowest fee rate of the curve, ppm. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: `from ${RATE_MSG}` })
  @Min(0, { message: `from ${RATE_MSG}` })
  @Max(MAX_FEE_RATE_PPM, { message: `from ${RATE_MSG}` })
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_FEE_RATE_PPM, default: 0 })
  from?: number;

  /** Highest fee rate of the curve, ppm (at least `from`). Default: 2,000 ppm, or twice the current rate if higher. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: `to ${RATE_MSG}` })
  @Min(0, { message: `to ${RATE_MSG}` })
  @Max(MAX_FEE_RATE_PPM, { message: `to ${RATE_MSG}` })
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_FEE_RATE_PPM })
  to?: number;

  /** Rates evaluated, evenly spaced from `from` to `to`. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: POINTS_MSG })
  @Min(2, { message: POINTS_MSG })
  @Max(50, { message: POINTS_MSG })
  @ApiPropertyOptional({ type: 'integer', minimum: 2, maximum: 50, default: 11 })
  points?: number;
}

export class FeeCurvePointDto {
  fee_rate_ppm!: number;
  /** Forwards per day over the node's channel(s) to the peer. */
  forwards_per_day!: FlowSpreadDto;
  /** Fees the node earns per day on those channel(s), sat. */
  revenue_sat_per_day!: FlowSpreadDto;
  /** The node as a whole at this rate: its other channels gain or lose what these lose or gain. */
  node_forwards_per_day!: FlowSpreadDto;
  node_revenue_sat_per_day!: FlowSpreadDto;
}

export class FeeCurveResponseDto {
  pubkey!: string;
  peer_pubkey!: string;
  peer_alias!: string | null;
  /** The node's channels to the peer whose rate the curve sets (all of them together), and their short ids where the graph has them. */
  channel_count!: number;
  short_channel_ids!: string[];
  /** The node's current rate on those channels (the first one's, when parallel channels differ). */
  current_fee_rate_ppm!: number;
  /** Forwards and revenue over those channels at each rate, ascending. */
  points!: FeeCurvePointDto[];
  /** The point with the highest median modelled revenue of the node as a whole (the lowest such rate on ties). */
  best!: FeeCurvePointDto;
  model!: FlowModelInfoDto;
  compute_ms!: number;
}
