import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QueryFlag } from '../common/validation/decorators';
import { GRAPH_ORIGIN_KINDS, GraphOriginKind } from '../graph/origins/graph-origin';

export const SERVICE_STATES = ['connected', 'disconnected', 'degraded', 'not_configured', 'unknown'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

export class HealthQuery {
  @QueryFlag('Add check details: Terminus indicator results, memory, reasons. Needs a valid API key when API_KEYS is set', false)
  verbose?: boolean;
}

export class HealthServicesDto {
  @ApiProperty({ enum: SERVICE_STATES, description: 'Sparkseer API; not_configured without SPARKSEER_API_KEY' })
  sparkseer_api!: ServiceState;
  @ApiProperty({ enum: SERVICE_STATES, description: 'OpenAI API; not_configured without OPENAI_API_KEY' })
  openai_api!: ServiceState;
  @ApiProperty({ enum: SERVICE_STATES, description: 'The cache: Redis when REDIS_URL is set, degraded while Redis is connected but erroring or slower than its budget, disconnected while it is down (the cache serves from memory in both); connected without REDIS_URL too: the cache then runs in memory and always answers (cache_stats.backend: memory)' })
  cache!: ServiceState;
  @ApiProperty({ enum: SERVICE_STATES, description: 'LNBits; not_configured without LNBITS_URL' })
  lnbits_api!: ServiceState;
  @ApiProperty({ enum: SERVICE_STATES, description: 'The operator’s LND REST API; not_configured without LND_REST_URL' })
  lnd_api!: ServiceState;
  @ApiProperty({ enum: SERVICE_STATES, description: 'mempool Lightning API; not_configured without MEMPOOL_BASE_URL' })
  mempool_api!: ServiceState;
  @ApiProperty({ enum: SERVICE_STATES, description: 'The operator’s Core Lightning (clnrest plugin); not_configured without CLN_REST_URL and CLN_RUNE; disconnected when the rune is refused (401/403)' })
  cln_api!: ServiceState;
}

/** How the configured graph source has been refreshing. Times are ISO 8601. */
export class GraphRefreshDto {
  /** The configured source: GRAPH_SOURCE, or `url` / `file` / `embedded` from GRAPH_SNAPSHOT. */
  @ApiProperty({ enum: GRAPH_ORIGIN_KINDS })
  configured_origin!: GraphOriginKind;
  /** The source of the graph served now; differs from configured_origin while a boot fallback serves. Null before the first load. */
  @ApiProperty({ enum: [...GRAPH_ORIGIN_KINDS, null], nullable: true })
  serving_origin!: GraphOriginKind | null;
  /** Whether the configured source is live (a node or a published dump): only then can its refreshes degrade health. */
  live!: boolean;
  /** GRAPH_REFRESH_INTERVAL; 0 = loaded once at boot. */
  interval_seconds!: number;
  last_attempt_at!: string | null;
  last_success_at!: string | null;
  /** The last failed or refused load of the configured source, with why; null once a later load succeeds. */
  last_failure!: GraphRefreshFailureDto | null;
  consecutive_failures!: number;
}

export class GraphRefreshFailureDto {
  at!: string;
  /** E.g. a download larger than GRAPH_DOWNLOAD_MAX_MB, a truncated gzip, a sharp drop in channels. */
  reason!: string;
}

export class HealthGraphDto {
  loaded!: boolean;
  nodes!: number | null;
  channels!: number | null;
  routable_nodes!: number | null;
  /** YYYY-MM-DD. */
  snapshot_date!: string | null;
  /** How the date was established: load_time (live graph), last_update, file_name or file_mtime. */
  snapshot_date_source!: string | null;
  format!: string | null;
  version!: string | null;
  source!: string | null;
  loaded_at!: string | null;
  /** Whole days from snapshot_date to today (UTC); null before the first load. */
  age_days!: number | null;
  /** GRAPH_MAX_AGE_DAYS. */
  max_age_days!: number;
  /** Older than max_age_days. An old graph alone never degrades the status: answers carry the warning. */
  stale!: boolean | null;
  /** What to configure for a current graph, when stale; null otherwise. */
  warning!: string | null;
  refresh!: GraphRefreshDto;
}

/**
 * `healthy`: the graph is loaded and every configured dependency answers.
 * `degraded` (HTTP 200): the API answers, but something configured is not: Redis down (the cache runs in
 * memory), an upstream disconnected, or a configured live graph source (LND, an https GRAPH_SNAPSHOT) failing or
 * not refreshed within its interval; `reasons` says what. An old embedded or file snapshot is not a reason.
 * `unhealthy` (HTTP 503): the graph is not loaded, so no node can be analysed; a restart is warranted.
 */
export class HealthResponseDto {
  @ApiProperty({ enum: ['healthy', 'degraded', 'unhealthy'] })
  status!: 'healthy' | 'degraded' | 'unhealthy';
  services!: HealthServicesDto;
  /** Service version (package.json). */
  version!: string;
  /** Cache hits, misses, errors and backend. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  cache_stats!: Record<string, unknown>;
  uptime_seconds!: number;
  graph!: HealthGraphDto;
  /** Why the status is not healthy; empty when healthy. */
  reasons!: string[];
  /** Present with `verbose=true`. */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  details?: Record<string, unknown>;
}

export class ProbeResponseDto {
  @ApiProperty({ enum: ['ok', 'error'] })
  status!: 'ok' | 'error';
  uptime_seconds!: number;
}
