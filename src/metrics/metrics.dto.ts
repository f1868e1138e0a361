import { ApiProperty } from '@nestjs/swagger';

export class RouteMetricsDto {
  method!: string;
  /** Route pattern, e.g. `/api/v1/node/:pubkey/info`. */
  route!: string;
  request_count!: number;
  /** Mean response time in seconds. */
  average_response_time!: number;
  /** Share of answers with a 5xx status (0–1). */
  error_rate!: number;
  /** Share of answers with a 4xx status (0–1). */
  client_error_rate!: number;
  /** Median response time in seconds over the last 2,048 requests of this route. */
  p50!: number | null;
  /** 95th percentile response time in seconds over the same window. */
  p95!: number | null;
  /** 99th percentile response time in seconds over the same window. */
  p99!: number | null;
}

export class MetricsResponseDto {
  /** Requests answered since start. */
  request_count!: number;
  /** Mean response time in seconds. */
  average_response_time!: number;
  /** Cache hits / (hits + misses) since start (0–1). */
  cache_hit_ratio!: number;
  /** Share of answers with a 5xx status (0–1). */
  error_rate!: number;
  /** Share of answers with a 4xx status (0–1): bad input, unknown nodes. */
  client_error_rate!: number;
  /** When the last request was recorded (ISO 8601). */
  last_updated!: string;
  routes!: RouteMetricsDto[];
  /** Per upstream: calls, errors by kind, retries, breaker state, latency percentiles (ms). */
  @ApiProperty({ type: 'object', additionalProperties: true })
  upstreams!: Record<string, unknown>;
  /** Per model: calls, prompt and completion tokens, outcomes. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  llm!: Record<string, unknown>;
}
