import type { UpstreamName } from './upstream.types';

/** How calls to one upstream are bounded. Durations in milliseconds. */
export interface ResilienceOptions {
  /** Deadline of a whole call, retries and their waits included. */
  timeoutMs: number;
  /** Retries after the first attempt, for idempotent calls that failed in a retryable way. */
  maxRetries: number;
  /** Full-jitter exponential backoff: retry n waits uniform [0, min(maxDelayMs, initialDelayMs * 2^(n-1))). */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After the service will honour; longer values are cut to this. */
  maxRetryAfterMs: number;
  /** Consecutive failed calls that open the breaker. */
  breakerThreshold: number;
  /** How long the breaker stays open before one trial call is let through. */
  halfOpenAfterMs: number;
  /** Calls in flight to this upstream at once, and calls allowed to wait for a slot. */
  maxConcurrent: number;
  maxQueued: number;
  /** The health probe's own deadline and how long its answer is reused. */
  probeTimeoutMs: number;
  probeCacheMs: number;
  /** Largest response body accepted, in bytes. */
  maxContentLength: number;
}

const BASE: Omit<ResilienceOptions, 'timeoutMs'> = {
  maxRetries: 2,
  initialDelayMs: 100,
  maxDelayMs: 2000,
  maxRetryAfterMs: 30_000,
  breakerThreshold: 5,
  halfOpenAfterMs: 30_000,
  maxConcurrent: 8,
  maxQueued: 64,
  probeTimeoutMs: 2000,
  probeCacheMs: 5000,
  maxContentLength: 20 * 1024 * 1024,
};

/** Per-upstream production defaults, where they differ from {@link BASE}. */
const PER_UPSTREAM: Record<UpstreamName, Partial<ResilienceOptions>> = {
  // The centralities answer lists every public node (a few MB).
  sparkseer: { maxConcurrent: 4, maxContentLength: 64 * 1024 * 1024 },
  // LNbits allows 200 requests per minute per IP by default.
  lnbits: { maxConcurrent: 4 },
  lnd: { maxConcurrent: 8 },
  // clnrest serialises RPCs through one lightningd: a few at a time is plenty.
  cln: { maxConcurrent: 4 },
  // mempool.space rate limits without published numbers and may ban repeated abuse: stay gentle.
  mempool: { maxConcurrent: 4 },
  // One whole-graph download at a time; its size limit is GRAPH_DOWNLOAD_MAX_MB, set per call.
  graph_download: { maxConcurrent: 1, maxQueued: 1 },
};

export function resilienceOptions(upstream: UpstreamName, timeoutMs: number, overrides: Partial<ResilienceOptions> = {}): ResilienceOptions {
  // eslint-disable-next-line security/detect-object-injection -- upstream is the closed UpstreamName union, set in code
  const o: ResilienceOptions = { ...BASE, timeoutMs, ...PER_UPSTREAM[upstream], ...overrides };
  o.probeTimeoutMs = Math.min(o.probeTimeoutMs, o.timeoutMs);
  return o;
}

/** The value of CLIENT_RESILIENCE_OVERRIDES: per-upstream changes to the defaults. */
export type ResilienceOverrides = Partial<Record<UpstreamName, Partial<ResilienceOptions>>>;
