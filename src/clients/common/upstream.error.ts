import { DomainError } from '../../common/errors/domain.error';
import type { UpstreamName } from './upstream.types';

/**
 * Why an upstream call failed:
 * - `timeout`: no answer within the call's deadline (retries included);
 * - `network`: connection refused/reset/closed, DNS failure;
 * - `tls`: the server's certificate was not trusted (wrong or missing LND_TLS_CERT_PATH);
 * - `http`: an error status not covered below;
 * - `auth`: 401/403 (or LNbits' 404 "Wallet not found"): the key or macaroon was refused;
 * - `rate_limited`: 429, or a Retry-After the service is still honouring;
 * - `malformed`: the body is not JSON or not the documented shape;
 * - `circuit_open`: the breaker is open after repeated failures; no request was sent;
 * - `bulkhead_rejected`: too many calls to this upstream in flight and queued;
 * - `not_configured`: the settings this call needs are missing; no request was sent;
 * - `not_found`: for callers that turn a client's `null` into an error.
 */
export type UpstreamErrorKind =
  | 'timeout'
  | 'network'
  | 'tls'
  | 'http'
  | 'auth'
  | 'rate_limited'
  | 'malformed'
  | 'circuit_open'
  | 'bulkhead_rejected'
  | 'not_configured'
  | 'not_found'
  | 'internal';

export interface UpstreamErrorInit {
  operation: string;
  status?: number;
  /** How long the upstream asked us to wait (Retry-After, capped), in milliseconds. */
  retryAfterMs?: number;
  /** Requests actually sent for this call (0 when it failed fast). */
  attempts?: number;
  /** A description of the underlying failure. Its text has already been scrubbed of secrets. */
  cause?: Error;
  /**
   * For `auth`: what the upstream said when refusing the credentials (its code and message, scrubbed of every
   * configured secret), so the operator sees e.g. which method a rune does not permit.
   */
  authReason?: string;
}

const DESCRIPTIONS: Record<UpstreamErrorKind, string> = {
  timeout: 'did not answer in time',
  network: 'could not be reached',
  tls: 'presented a certificate that is not trusted',
  http: 'answered with an error',
  auth: 'refused the configured credentials',
  rate_limited: 'is rate limiting this service',
  malformed: 'sent a response that could not be read',
  circuit_open: 'is failing; calls are paused for a while',
  bulkhead_rejected: 'has too many calls in flight',
  not_configured: 'is not configured',
  not_found: 'does not know the requested item',
  internal: 'call failed unexpectedly',
};

/**
 * An upstream call that failed, as a domain error (code UPSTREAM_UNAVAILABLE, HTTP 503 through the filter).
 * The message names the upstream, the operation and the kind; it never contains a request header, a body,
 * a key, a macaroon or a rune, because the filter shows it to API clients. For `auth` only it ends with what
 * the upstream said (its code and message, at most 200 characters, scrubbed of every configured secret), so
 * the operator learns e.g. which method a rune does not permit.
 */
export class UpstreamError extends DomainError {
  readonly operation: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly attempts: number;
  override readonly cause?: Error;

  constructor(
    readonly upstream: UpstreamName,
    readonly kind: UpstreamErrorKind,
    init: UpstreamErrorInit,
  ) {
    const status = init.status !== undefined ? ` (HTTP ${init.status})` : '';
    const reason = kind === 'auth' && init.authReason ? `: ${init.authReason}` : '';
    // eslint-disable-next-line security/detect-object-injection -- kind is the closed UpstreamErrorKind union
    super('UPSTREAM_UNAVAILABLE', `${upstream} ${DESCRIPTIONS[kind]}${status} during ${init.operation}${reason}`, {
      upstream,
      kind,
      operation: init.operation,
      ...(init.status !== undefined ? { status: init.status } : {}),
      ...(init.retryAfterMs !== undefined ? { retryAfterMs: init.retryAfterMs } : {}),
    });
    this.operation = init.operation;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.attempts = init.attempts ?? 0;
    this.cause = init.cause;
  }
}
