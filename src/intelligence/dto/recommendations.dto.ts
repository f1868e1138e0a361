import { FlowSpreadDto } from './flow.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { GraphFreshnessDto } from '../../graph/graph-freshness.dto';
import { PRIORITIES, REC_CATEGORIES, REC_TYPES } from '../recommendations/recommendation.types';

export class RecommendationsQuery {
  /** Only advice of this category. */
  @IsOptional()
  @IsIn(REC_CATEGORIES, { message: `category must be one of: ${REC_CATEGORIES.join(', ')}` })
  @ApiPropertyOptional({ enum: REC_CATEGORIES })
  category?: (typeof REC_CATEGORIES)[number];

  /** Only advice of this priority. */
  @IsOptional()
  @IsIn(PRIORITIES, { message: `priority must be one of: ${PRIORITIES.join(', ')}` })
  @ApiPropertyOptional({ enum: PRIORITIES })
  priority?: (typeof PRIORITIES)[number];
}

export class EvidenceDto {
  name!: string;
  @ApiProperty({ anyOf: [{ type: 'number', nullable: true }, { type: 'string', nullable: true }] })
  value!: number | string | null;
  unit!: string;
  /** Where the number comes from, e.g. `embedded-graph:2026-02-03`, `lnd`, `sparkseer`. */
  source!: string;
  /** Date of the data behind it (YYYY-MM-DD). */
  date!: string | null;
}

export class PlaceholderDto {
  /** The marker in the command line, e.g. `<CHANNEL_POINT>`. */
  token!: string;
  meaning!: string;
  /** A command that prints the value. */
  how_to_find!: string;
}

export class RevertCommandsDto {
  lnd!: string | null;
  cln!: string | null;
}

export class CommandsDto {
  /** `lncli` line, built from a template with validated values; null when LND has no command for it. */
  lnd!: string | null;
  /** `lightning-cli` line; null when Core Lightning has no command for it. */
  cln!: string | null;
  /** Lines that restore the current values; null when the action cannot be undone (open, close). */
  revert!: RevertCommandsDto | null;
  /** Markers the operator must fill in because the data lacks the identifier. */
  placeholders!: PlaceholderDto[];
  notes!: string[];
}

export class CoveredChannelDto {
  /** Short channel id or channel point, when the source has one (the embedded snapshot has neither). */
  channel_id!: string | null;
  peer_pubkey!: string;
  capacity_sat!: number;
}

export class NodeRoleDto {
  /**
   * `cannot_route` (fewer than two distinct peers with a channel enabled both ways), `leaf` (2–4 such peers),
   * `merchant_sink` (most own fees ≥ 10,000 ppm, or ≥ 90 % at ≤ 1 ppm with 5+ peers), `hub` (top 50 by distinct
   * usable peers) or `router`. Decided before the rules run: a node that cannot route gets no routing-fee advice.
   */
  @ApiProperty({ enum: ['cannot_route', 'leaf', 'merchant_sink', 'router', 'hub'] })
  role!: 'cannot_route' | 'leaf' | 'merchant_sink' | 'router' | 'hub';
  can_route!: boolean;
  /** The figures behind the role. */
  evidence!: EvidenceDto[];
}

export class ModelledChangeDto {
  before!: FlowSpreadDto;
  after!: FlowSpreadDto;
}

/**
 * The payment-flow model's reading of a fee recommendation's first step (README "Payment-flow model"): the node's
 * forwards and revenue per day before and after, p10/p50/p90 over the seeded runs. A model under a stated demand,
 * not a measurement; `note` names the assumptions and says where the model and the market comparison disagree.
 */
export class ModelledImpactDto {
  forwards_per_day!: ModelledChangeDto;
  revenue_sat_per_day!: ModelledChangeDto;
  /** True when the model's median moves the way the market comparison expects (more revenue for a raise, more forwards for a cut); false when it moves the other way or not at all (`note` says which). */
  agrees_with_market!: boolean;
  note!: string;
}

export class RecommendationDto {
  /** Stable for the same node, rule, channel and suggestion. */
  id!: string;
  /** The rule that fired, e.g. `fee_underpriced`. */
  rule!: string;
  @ApiProperty({ enum: REC_TYPES })
  type!: (typeof REC_TYPES)[number];
  @ApiProperty({ enum: REC_CATEGORIES })
  category!: (typeof REC_CATEGORIES)[number];
  action!: string;
  reason!: string;
  @ApiProperty({ enum: PRIORITIES })
  priority!: (typeof PRIORITIES)[number];
  estimated_impact!: string;
  /** Short channel id or channel point of the channel concerned, when known. */
  channel_id!: string | null;
  target_nodes!: string[];
  @ApiProperty({ anyOf: [{ type: 'number', nullable: true }, { type: 'string', nullable: true }] })
  current_value!: number | string | null;
  @ApiProperty({ anyOf: [{ type: 'number', nullable: true }, { type: 'string', nullable: true }] })
  suggested_value!: number | string | null;
  channels_affected!: number;
  /** Satoshis to commit (channel size, rebalance amount), when relevant. */
  amount_suggestion!: number | null;
  @ApiProperty({ enum: ['inbound', 'outbound', null], nullable: true })
  direction!: 'inbound' | 'outbound' | null;
  evidence!: EvidenceDto[];
  /** 0–1. */
  confidence!: number;
  commands!: CommandsDto | null;
  /** Every channel the recommendation covers when it covers several (parallel channels to one peer, zombie lists); empty otherwise. */
  covered_channels!: CoveredChannelDto[];
  /** On the first three fee recommendations, once the payment-flow model of the graph is ready. */
  modelled_impact?: ModelledImpactDto;
}

export class RecommendationsResponseDto {
  pubkey!: string;
  /** Sorted by priority (critical first), then estimated impact. */
  recommendations!: RecommendationDto[];
  total_count!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  by_category!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  by_priority!: Record<string, number>;
  /** Per rule, findings beyond the ten most important that were left out. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  omitted!: Record<string, number>;
  /** What the node is, with the evidence, before any advice. */
  node_role!: NodeRoleDto;
  @ApiProperty({ enum: ['fr', 'en'] })
  language!: 'fr' | 'en';
  generated_at!: string;
  source!: string;
  cache_hit!: boolean;
  warnings!: string[];
  /** The graph's date and age now, and a warning when it is older than GRAPH_MAX_AGE_DAYS. */
  graph!: GraphFreshnessDto;
}
