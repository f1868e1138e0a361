import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphFreshnessDto } from '../../graph/graph-freshness.dto';
import { PrioritiesRequestDto } from '../../intelligence/dto/priorities.dto';
import { ANALYSIS_TYPES, AnalysisType } from '../bulk.types';

export const MAX_BULK_PUBKEYS = 10_000;

export class BulkAnalysisRequestDto {
  /**
   * 1 to 10,000 node pubkeys. Each is checked on its own: a malformed or unknown one fails its item, not the
   * request. Duplicates (case-insensitive) are removed and listed in `duplicates_removed`.
   */
  @IsArray({ message: 'pubkeys must be an array of node pubkeys' })
  @ArrayMinSize(1, { message: 'pubkeys must list at least one node' })
  @ArrayMaxSize(MAX_BULK_PUBKEYS, { message: `pubkeys may list at most ${MAX_BULK_PUBKEYS} nodes` })
  @IsString({ each: true, message: 'each pubkey must be a string' })
  pubkeys!: string[];

  /**
   * What to compute per node. Cost per node on 2 cores (see README): basic and network_position ≈ 0.02 ms,
   * recommendations ≈ 0.2 ms, priorities ≈ 0.3 ms, channel_candidates ≈ 50–100 ms (10 simulated peers).
   * Requests with channel_candidates or priorities are always queued.
   * `recommendations` gives `node_role` (role, can_route, evidence, as in /recommendations), the
   * recommendations, `total_count` and `omitted`; `priorities` gives the same `node_role`, `total_estimated_cost`
   * (fees only), `total_committed_capital` (capital locked in new channels), `plan_score` and actions with
   * `estimated_cost`, `committed_capital` and `manual`. Both come from one run of the advice per node.
   * `network_position` is the object of /node/{pubkey}/info, with the modelled payment flow in `flow`.
   */
  @IsOptional()
  @IsArray({ message: 'analysis_types must be an array' })
  @ArrayMinSize(1, { message: 'analysis_types must not be empty' })
  @ArrayUnique({ message: 'analysis_types must not repeat a type' })
  @IsIn(ANALYSIS_TYPES, { each: true, message: `each analysis type must be one of: ${ANALYSIS_TYPES.join(', ')}` })
  @ApiPropertyOptional({ enum: ANALYSIS_TYPES, isArray: true, default: ['basic'] })
  analysis_types?: AnalysisType[];

  /** Accepted for compatibility: bulk results are computed from the in-memory graph, which is faster than a cache read. */
  @IsOptional()
  @IsBoolean({ message: 'use_cache must be true or false' })
  use_cache?: boolean;

  /** Plan settings for the `priorities` type (deterministic engine; no model is called per node). */
  @IsOptional()
  @ValidateNested()
  @Type(() => PrioritiesRequestDto)
  priorities_request?: PrioritiesRequestDto;

  /**
   * Called with a signed JSON summary when the job is done (needs SECRET_KEY). Must reach a public address
   * (every address its host resolves to, checked again when connecting), carry no credentials, and be https in
   * production; redirects are not followed. Internal receivers only when the operator lists them in
   * WEBHOOK_ALLOWED_HOSTS.
   */
  @IsOptional()
  @IsString({ message: 'callback_url must be an http(s) URL' })
  @MaxLength(2048, { message: 'callback_url must be at most 2048 characters' })
  // The full check (parsing, addresses, DNS) is the service's: odd IPv4 spellings must reach it to be judged.
  @Matches(/^https?:\/\/\S+$/i, { message: 'callback_url must be an http(s) URL' })
  callback_url?: string;
}

export class BulkStatusQuery {
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'page must be a whole number between 0 and 9007199254740991' })
  @Min(0, { message: 'page must be a whole number between 0 and 9007199254740991' })
  // Past 2^53 a number is no longer exact: such a page cannot be told from its neighbours.
  @Max(Number.MAX_SAFE_INTEGER, { message: 'page must be a whole number between 0 and 9007199254740991' })
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 })
  page?: number;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'page_size must be an integer between 1 and 1000' })
  @Min(1, { message: 'page_size must be an integer between 1 and 1000' })
  @Max(1000, { message: 'page_size must be an integer between 1 and 1000' })
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  page_size?: number;
}

export class BulkItemErrorDto {
  pubkey!: string;
  /** Stable code (VALIDATION_FAILED, NODE_NOT_FOUND, ANALYSIS_NOT_READY…) and message, e.g. `NODE_NOT_FOUND: not in the Lightning graph of 2026-02-03`. */
  error!: string;
}

export class BulkInlineResponseDto {
  @ApiProperty({ enum: ['inline'] })
  mode!: 'inline';
  total_analyzed!: number;
  successful!: number;
  failed!: number;
  /** One entry per successful node: `pubkey` plus one key per analysis type. */
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  results!: Array<Record<string, unknown>>;
  errors!: BulkItemErrorDto[];
  duplicates_removed!: string[];
  processing_time_seconds!: number;
  generated_at!: string;
  graph_version!: string;
  /** The graph the items were computed from: its date, its age now, and a warning when it is older than GRAPH_MAX_AGE_DAYS. */
  graph!: GraphFreshnessDto;
}

export class BulkJobAcceptedDto {
  @ApiProperty({ enum: ['queued'] })
  mode!: 'queued';
  job_id!: string;
  @ApiProperty({ enum: ['queued'] })
  status!: 'queued';
  total!: number;
  duplicates_removed!: string[];
  /** Where to poll (also in the Location header). */
  status_url!: string;
  /** True when jobs live in Redis (survive restarts, shared by instances). */
  durable!: boolean;
}

export class BulkProgressDto {
  done!: number;
  total!: number;
  failed!: number;
  percent!: number;
}

export class BulkTimingsDto {
  created_at!: string;
  started_at!: string | null;
  finished_at!: string | null;
  elapsed_seconds!: number | null;
  items_per_second!: number | null;
}

export class BulkJobStatusDto {
  job_id!: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed', 'cancelled'] })
  status!: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
  progress!: BulkProgressDto;
  /** Seconds left at the current rate; null before the first item or once finished. */
  eta_seconds!: number | null;
  timings!: BulkTimingsDto;
  analysis_types!: string[];
  /** Items processed per worker process (random id:pid, no host name): several workers mean the job was spread out. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  workers!: Record<string, number>;
  page!: number;
  page_size!: number;
  total_pages!: number;
  /** Successful items of this page, in submission order. */
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  results!: Array<Record<string, unknown>>;
  /** Failed items of this page. */
  errors!: BulkItemErrorDto[];
  /** Items of this page not processed yet. */
  pending!: number;
  graph_version!: string;
  /**
   * The graph this instance serves now: its date, age and a warning when it is older than GRAPH_MAX_AGE_DAYS.
   * Items are computed on the graph current when they run (the one named by graph_version unless a refresh swapped it).
   */
  graph!: GraphFreshnessDto;
}
