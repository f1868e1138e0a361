import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CONTEXTS, DIFFICULTIES, GOALS, TIMEFRAMES } from '../priorities/planner/plan.types';
import { GraphFreshnessDto } from '../../graph/graph-freshness.dto';
import { CommandsDto, NodeRoleDto } from './recommendations.dto';

export class PrioritiesRequestDto {
  /** The operator's experience: a beginner gets at most three easy or medium actions. */
  @IsOptional()
  @IsIn(CONTEXTS, { message: `context must be one of: ${CONTEXTS.join(', ')}` })
  @ApiPropertyOptional({ enum: CONTEXTS, default: 'intermediate' })
  context?: (typeof CONTEXTS)[number];

  /** What the operator wants to improve; advice outside these goals counts for less. */
  @IsOptional()
  @IsArray({ message: 'goals must be an array' })
  @ArrayMinSize(1, { message: 'goals must not be empty' })
  @ArrayUnique({ message: 'goals must not repeat a goal' })
  @IsIn(GOALS, { each: true, message: `each goal must be one of: ${GOALS.join(', ')}` })
  @ApiPropertyOptional({ enum: GOALS, isArray: true, default: ['routing_revenue'] })
  goals?: (typeof GOALS)[number][];

  /** How many actions the plan may have. */
  @IsOptional()
  @IsInt({ message: 'max_actions must be an integer between 1 and 10' })
  @Min(1, { message: 'max_actions must be an integer between 1 and 10' })
  @Max(10, { message: 'max_actions must be an integer between 1 and 10' })
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10, default: 5 })
  max_actions?: number;

  /**
   * Satoshis the plan may use: fees it spends (on-chain, rebalancing) plus capital it commits to new channels.
   * A channel open larger than what the budget leaves is sized down to fit (at least 20,000 sat). No limit when absent.
   */
  @IsOptional()
  @IsInt({ message: 'budget_limit must be a whole number of sats, 0 or more' })
  @Min(0, { message: 'budget_limit must be a whole number of sats, 0 or more' })
  @Max(2_100_000_000_000_000, { message: 'budget_limit cannot exceed 21 million BTC in sats' })
  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 1_000_000 })
  budget_limit?: number;

  /** Actions with this timeframe are preferred. */
  @IsOptional()
  @IsIn(TIMEFRAMES, { message: `timeframe_preference must be one of: ${TIMEFRAMES.join(', ')}` })
  @ApiPropertyOptional({ enum: TIMEFRAMES })
  timeframe_preference?: (typeof TIMEFRAMES)[number];
}

export class PriorityActionDto {
  /** 1 = do first. */
  priority!: number;
  /** The recommendation this action comes from (see /recommendations). */
  id!: string;
  rule!: string;
  category!: string;
  action!: string;
  /** Why this action, at this place in the plan (the model's words when a model answered). */
  reasoning!: string;
  impact!: string;
  @ApiProperty({ enum: DIFFICULTIES })
  difficulty!: (typeof DIFFICULTIES)[number];
  @ApiProperty({ enum: TIMEFRAMES })
  timeframe!: (typeof TIMEFRAMES)[number];
  /** The main command line (lncli when LND has one), from our templates, never from the model. */
  command!: string | null;
  commands!: CommandsDto | null;
  /**
   * True when the action has no command: the operator does it by hand, and its cost is not estimated
   * (estimated_cost 0 says nothing about what it will cost; cost_basis says so).
   */
  manual!: boolean;
  /** Goals this action serves (routing_revenue, connectivity, liquidity, reliability, cost_optimization). */
  goals!: string[];
  /** Sats this action spends: on-chain fees (about 154 vB per open, 170 vB per close), rebalancing or swap fees. Never channel capital. */
  estimated_cost!: number;
  /** Sats this action locks in a new channel: capital, recoverable by closing the channel; 0 for other actions. */
  committed_capital!: number;
  /** How the cost was estimated, with the fee rate and its source. */
  cost_basis!: string;
  /** What to watch to know it worked. */
  success_metrics!: string[];
}

export class PrioritiesResponseDto {
  pubkey!: string;
  /** What the node is, with the evidence, as in /recommendations: the plan's actions come from advice given for this role. */
  node_role!: NodeRoleDto;
  priority_actions!: PriorityActionDto[];
  /** A narrative of the plan: the model's when one answered, else written by the deterministic engine. */
  openai_analysis!: string;
  key_metrics!: string[];
  /** Sats the plan spends (sum of estimated_cost): fees, never capital. */
  total_estimated_cost!: number;
  /** Sats the plan commits to new channels (sum of committed_capital). */
  total_committed_capital!: number;
  /**
   * (30 × the change in the payment-flow model's median routing revenue per day, with every fee step and channel
   * open of the plan applied together − total_estimated_cost) / total_estimated_cost. A model, not a measurement
   * (README "Payment-flow model"); `warnings` gives the revenue before and after. Null while the model is not
   * ready, or when the plan costs nothing (`warnings` then still gives the modelled revenue before and after) or has
   * nothing the model can apply.
   */
  expected_roi!: number | null;
  expected_roi_formula!: string;
  /** Sum of the engine's scores of the chosen actions (higher = better fit to goals and context). */
  plan_score!: number;
  /** The model that answered, or `deterministic`. */
  model_used!: string;
  @ApiProperty({ enum: ['fr', 'en'] })
  language!: 'fr' | 'en';
  generated_at!: string;
  source!: string;
  cache_hit!: boolean;
  /** Why the model's plan was not used, when it was not; what data is missing. */
  warnings!: string[];
  /** The graph's date and age now, and a warning when it is older than GRAPH_MAX_AGE_DAYS. */
  graph!: GraphFreshnessDto;
}
