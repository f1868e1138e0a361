import { Logger } from '@nestjs/common';
import axios, { AxiosInstance, AxiosResponse } from 'axios';
import {
  BulkheadPolicy,
  CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  RetryPolicy,
  TimeoutPolicy,
  TimeoutStrategy,
  BrokenCircuitError,
  BulkheadRejectedError,
  TaskCancelledError,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
} from 'cockatiel';
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { ResilienceOptions } from './resilience.options';
import { parseRetryAfter } from './retry-after';
import { RetryAfterBackoff, RetryHints } from './retry-backoff';
import { SecretScrubber } from './secret-scrubber';
import { UpstreamMetrics } from './upstream-metrics.service';
import { UpstreamError, UpstreamErrorKind } from './upstream.error';
import { BreakerState, UpstreamName, UpstreamProbeReport } from './upstream.types';

export interface UpstreamResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
}

export type QueryValue = string | number | boolean | undefined;

/** One logical call to an upstream. */
export interface UpstreamCall<T> {
  /** Short stable name for metrics and logs, e.g. `getinfo`. Never put identifiers or secrets in it. */
  operation: string;
  method?: 'GET' | 'POST';
  /** Path relative to the base URL. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Extra headers for this call only (e.g. an API key that only some endpoints need). */
  headers?: Record<string, string>;
  /**
   * Whether repeating the call is harmless. Defaults to true for GET and false otherwise; only idempotent
   * calls are retried.
   */
  idempotent?: boolean;
  /** This call's deadline when it differs from the upstream's (e.g. a whole-graph download). */
  timeoutMs?: number;
  maxContentLength?: number;
  /**
   * Hand `parse` the body's bytes (a Buffer) instead of parsed JSON: for downloads that may be gzipped files
   * or too large to parse on the event loop. Content-Encoding is still decoded; the size limit still applies.
   */
  raw?: boolean;
  /**
   * Statuses that mean "no such item" for this endpoint. Such an answer is a result (`null`), not a failure:
   * it is neither retried nor counted by the circuit breaker.
   */
  absentWhen?: (status: number) => boolean;
  /** Maps the parsed JSON body to the domain type; throws (e.g. MalformedResponseError) when it cannot. */
  parse: (json: unknown, res: UpstreamResponse) => T;
}

interface AttemptFailure extends RetryHints {
  kind: UpstreamErrorKind;
  operation: string;
  status?: number;
  retryable: boolean;
  /** Whether this failure says the upstream is unavailable (counted by the circuit breaker). */
  countsForBreaker: boolean;
  /** Scrubbed description, for the error's cause (logs), never for clients. */
  detail: string;
  /** For refused credentials: the upstream's own error code and message, scrubbed (shown to clients). */
  authReason?: string;
}

/** A failed attempt, as the retry and breaker policies see it. Internal to this file. */
class AttemptError extends Error implements AttemptFailure {
  kind!: UpstreamErrorKind;
  operation!: string;
  status?: number;
  retryable!: boolean;
  countsForBreaker!: boolean;
  detail!: string;
  authReason?: string;
  retryAfterMs?: number;
  deadline?: number;

  constructor(f: AttemptFailure) {
    super(f.detail);
    Object.assign(this, f);
  }
}

const ABSENT = Symbol('absent');
type Outcome<T> = { value: T } | typeof ABSENT;

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
/** Transient transport failures worth another attempt. */
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNABORTED',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_SOCKET',
]);
const TLS_CODE = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH)/;

const BREAKER_STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half_open',
  [CircuitState.Isolated]: 'isolated',
};

export interface ResilientHttpInit {
  upstream: UpstreamName;
  baseUrl: string;
  options: ResilienceOptions;
  metrics: UpstreamMetrics;
  /** Headers sent with every call; may hold secrets (they never reach errors or logs). */
  headers?: Record<string, string>;
  /** Secret values to scrub from any text that ends up in an error or log line. */
  secrets?: Array<string | null | undefined>;
  /** PEM certificate(s) to trust for HTTPS instead of the system CAs (LND's self-signed tls.cert). */
  ca?: string | Buffer;
  /**
   * Recognises answers that mean "credentials refused" when the upstream does not use 401/403 for it (LND
   * answers a bad macaroon with 500, LNbits an unknown key with 404). Those are `auth` failures: not retried,
   * not counted by the breaker.
   */
  authFailure?: (status: number, message: string) => boolean;
}

/**
 * An HTTP client for one upstream with the resilience policies around every call, outermost first:
 *
 * 1. **timeout** (aggressive): the deadline of the whole call, retries included; the abort signal cancels the
 *    socket;
 * 2. **bulkhead**: at most `maxConcurrent` calls in flight and `maxQueued` waiting; more are rejected at once;
 * 3. **circuit breaker** (consecutive failures): outside the retry, so a call that needed three attempts counts
 *    once; it counts only failures that mean "upstream unavailable" (network, timeout, 5xx, 429), never a 4xx
 *    or a not-found answer;
 * 4. **retry**: idempotent calls only, on network errors and 429/502/503/504, full-jitter exponential backoff
 *    raised to the upstream's Retry-After, never past the deadline;
 * 5. the attempt: one axios request, parsed and mapped inside the policies so a malformed body is a failure.
 *
 * A Retry-After also holds back the calls that follow it: until that time, a call waits if its deadline
 * allows, or fails at once as `rate_limited` without reaching the upstream.
 *
 * Every failure surfaces as an {@link UpstreamError}. Its message and cause never contain headers, so keys
 * and macaroons cannot leak through errors; upstream error text is scrubbed of the configured secrets.
 */
export class ResilientHttp {
  readonly upstream: UpstreamName;
  readonly options: ResilienceOptions;
  private readonly logger: Logger;
  private readonly axios: AxiosInstance;
  private readonly agent: http.Agent;
  private readonly scrubber: SecretScrubber;
  private readonly metrics: UpstreamMetrics;
  private readonly bulkhead: BulkheadPolicy;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly retry: RetryPolicy;
  private readonly timeouts = new Map<number, TimeoutPolicy>();
  private readonly authFailure?: (status: number, message: string) => boolean;
  /** Epoch ms before which the upstream asked not to be called again (Retry-After). */
  private notBefore = 0;

  constructor(init: ResilientHttpInit) {
    this.upstream = init.upstream;
    this.options = init.options;
    this.metrics = init.metrics;
    this.logger = new Logger(`${ResilientHttp.name}:${init.upstream}`);
    this.authFailure = init.authFailure;
    this.scrubber = new SecretScrubber([...(init.secrets ?? []), ...Object.values(init.headers ?? {})]);
    const o = init.options;
    const isHttps = init.baseUrl.startsWith('https:');
    this.agent = isHttps
      ? new https.Agent({ keepAlive: true, maxSockets: o.maxConcurrent, ...(init.ca ? { ca: init.ca } : {}) })
      : new http.Agent({ keepAlive: true, maxSockets: o.maxConcurrent });
    this.axios = axios.create({
      baseURL: init.baseUrl,
      headers: { Accept: 'application/json', ...init.headers },
      ...(isHttps ? { httpsAgent: this.agent } : { httpAgent: this.agent }),
      // Bodies are parsed here, inside the policies: a malformed body is then a failure like any other.
      responseType: 'text',
      transformResponse: [(d: unknown) => d],
      // Statuses are classified here too; axios errors (which carry the request headers) never escape.
      validateStatus: () => true,
      // A redirect could carry our key or macaroon to another host: none of these APIs redirects.
      maxRedirects: 0,
      maxContentLength: o.maxContentLength,
    });

    this.bulkhead = bulkhead(o.maxConcurrent, o.maxQueued);
    this.breaker = circuitBreaker(
      handleWhen((e) => e instanceof AttemptError && e.countsForBreaker),
      { halfOpenAfter: o.halfOpenAfterMs, breaker: new ConsecutiveBreaker(o.breakerThreshold) },
    );
    this.retry = retry(
      handleWhen((e) => e instanceof AttemptError && e.retryable),
      { maxAttempts: o.maxRetries, backoff: new RetryAfterBackoff({ initialDelayMs: o.initialDelayMs, maxDelayMs: o.maxDelayMs }) },
    );
    this.metrics.setBreakerState(this.upstream, 'closed');
    this.retry.onRetry((ev) => {
      this.metrics.recordRetry(this.upstream);
      const e = 'error' in ev ? (ev.error as AttemptError) : undefined;
      this.logger.warn(
        `${this.upstream}: retry ${ev.attempt}/${o.maxRetries} of ${e?.operation ?? 'call'} in ${Math.round(ev.delay)} ms after ${e?.kind ?? 'failure'}${e?.status ? ` (HTTP ${e.status})` : ''}`,
      );
    });
    this.breaker.onStateChange((s) => {
      // eslint-disable-next-line security/detect-object-injection -- s is cockatiel's numeric CircuitState enum
      const state = BREAKER_STATES[s];
      this.metrics.setBreakerState(this.upstream, state);
      const msg = `${this.upstream}: circuit breaker ${state.replace('_', '-')}`;
      if (state === 'closed') this.logger.log(msg);
      else this.logger.warn(state === 'open' ? `${msg} for ${o.halfOpenAfterMs} ms after repeated failures` : msg);
    });
  }

  get breakerState(): BreakerState {
    return BREAKER_STATES[this.breaker.state];
  }

  /** Runs the call; resolves with the parsed value or rejects with an {@link UpstreamError}. */
  async request<T>(call: UpstreamCall<T>): Promise<T> {
    const out = await this.run(call, true, call.timeoutMs ?? this.options.timeoutMs);
    if (out === ABSENT) throw new UpstreamError(this.upstream, 'not_found', { operation: call.operation });
    return out.value;
  }

  /** Like {@link request}, but an `absentWhen` status resolves to null. */
  async requestOrNull<T>(call: UpstreamCall<T>): Promise<T | null> {
    const out = await this.run(call, true, call.timeoutMs ?? this.options.timeoutMs);
    return out === ABSENT ? null : out.value;
  }

  /**
   * One attempt with the probe deadline, no retry, through the breaker (so a probe after `halfOpenAfter` is
   * the trial call that can close it). Breaker open → `degraded`.
   */
  async probe(call: Omit<UpstreamCall<unknown>, 'operation' | 'parse'> & { parse?: UpstreamCall<unknown>['parse'] }): Promise<UpstreamProbeReport> {
    const started = performance.now();
    const checkedAt = new Date().toISOString();
    try {
      await this.run({ parse: () => undefined, ...call, operation: 'probe' }, false, this.options.probeTimeoutMs);
      return { upstream: this.upstream, state: 'connected', checkedAt, latencyMs: elapsedMs(started) };
    } catch (e) {
      const err = e as UpstreamError;
      if (err.kind === 'circuit_open') return { upstream: this.upstream, state: 'degraded', checkedAt, latencyMs: null, errorKind: err.kind };
      return {
        upstream: this.upstream,
        state: 'disconnected',
        checkedAt,
        latencyMs: elapsedMs(started),
        errorKind: err.kind,
        ...(err.status !== undefined ? { status: err.status } : {}),
      };
    }
  }

  /** Closes idle keep-alive sockets (module shutdown). */
  close(): void {
    this.agent.destroy();
  }

  private async run<T>(call: UpstreamCall<T>, allowRetry: boolean, timeoutMs: number): Promise<Outcome<T>> {
    const started = performance.now();
    const deadline = Date.now() + timeoutMs;
    const idempotent = allowRetry && (call.idempotent ?? (call.method ?? 'GET') === 'GET');
    const attempts = { n: 0 };
    try {
      const out = await this.timeoutPolicy(timeoutMs).execute(({ signal }) =>
        this.bulkhead.execute(
          () =>
            this.breaker.execute(
              () => this.retry.execute(() => this.attempt(call, signal, deadline, idempotent, attempts), signal),
              signal,
            ),
          signal,
        ),
      );
      this.metrics.recordCall(this.upstream, call.operation, out === ABSENT ? 'not_found' : 'success', elapsedMs(started) / 1000);
      return out;
    } catch (e) {
      const err = this.toUpstreamError(e, call.operation, attempts.n);
      this.metrics.recordCall(this.upstream, call.operation, 'error', elapsedMs(started) / 1000, err.kind);
      const line = `${this.upstream} ${call.operation} failed: ${err.kind}${err.status ? ` (HTTP ${err.status})` : ''} after ${attempts.n} attempt(s)`;
      if (err.kind === 'circuit_open' || err.kind === 'bulkhead_rejected') this.logger.debug(line);
      else this.logger.warn(line);
      throw err;
    }
  }

  private timeoutPolicy(ms: number): TimeoutPolicy {
    let t = this.timeouts.get(ms);
    if (!t) {
      t = timeout(ms, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: true });
      this.timeouts.set(ms, t);
    }
    return t;
  }

  private async attempt<T>(
    call: UpstreamCall<T>,
    signal: AbortSignal,
    deadline: number,
    idempotent: boolean,
    attempts: { n: number },
  ): Promise<Outcome<T>> {
    const base = { operation: call.operation, deadline };
    if (signal.aborted) {
      throw new AttemptError({ ...base, kind: 'timeout', retryable: false, countsForBreaker: false, detail: 'deadline passed before the attempt' });
    }
    const wait = this.notBefore - Date.now();
    if (wait > 0) {
      if (Date.now() + wait >= deadline) {
        throw new AttemptError({
          ...base,
          kind: 'rate_limited',
          retryAfterMs: wait,
          retryable: false,
          countsForBreaker: false,
          detail: `honouring the upstream's Retry-After for another ${wait} ms`,
        });
      }
      await sleep(wait, signal);
    }

    attempts.n++;
    let res: AxiosResponse<string | Buffer>;
    try {
      res = await this.axios.request<string | Buffer>({
        method: call.method ?? 'GET',
        url: call.path,
        params: call.query,
        data: call.body,
        headers: call.headers,
        signal,
        ...(call.maxContentLength ? { maxContentLength: call.maxContentLength } : {}),
        ...(call.raw ? { responseType: 'arraybuffer' as const } : {}),
      });
    } catch (e) {
      throw this.transportFailure(e, signal, base, idempotent);
    }

    const response: UpstreamResponse = { status: res.status, headers: flattenHeaders(res.headers) };
    const body = res.data;
    const text = typeof body === 'string' ? body : Buffer.isBuffer(body) && (res.status < 200 || res.status >= 300) ? body.subarray(0, 4096).toString('utf8') : '';
    if (call.absentWhen?.(res.status)) return ABSENT;
    if (res.status < 200 || res.status >= 300) throw this.statusFailure(response, text, base, idempotent);
    if (call.raw) return this.parsed(call, Buffer.isBuffer(body) ? body : Buffer.from(text), res.status, response, base);

    let json: unknown;
    try {
      json = text.trim() === '' ? null : JSON.parse(text);
    } catch {
      throw new AttemptError({ ...base, kind: 'malformed', status: res.status, retryable: false, countsForBreaker: false, detail: 'response body is not JSON' });
    }
    return this.parsed(call, json, res.status, response, base);
  }

  private parsed<T>(call: UpstreamCall<T>, body: unknown, status: number, response: UpstreamResponse, base: { operation: string; deadline: number }): Outcome<T> {
    try {
      return { value: call.parse(body, response) };
    } catch (e) {
      const detail = this.scrubber.scrub(`unexpected response shape: ${e instanceof Error ? e.message : String(e)}`);
      throw new AttemptError({ ...base, kind: 'malformed', status, retryable: false, countsForBreaker: false, detail });
    }
  }

  private statusFailure(res: UpstreamResponse, text: string, base: { operation: string; deadline: number }, idempotent: boolean): AttemptError {
    const { status } = res;
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(res.headers['retry-after'], this.options.maxRetryAfterMs) : undefined;
    if (retryAfterMs !== undefined) this.notBefore = Math.max(this.notBefore, Date.now() + retryAfterMs);
    const said = upstreamMessage(text, res.headers['content-type']);
    const auth = status === 401 || status === 403 || (this.authFailure?.(status, said) ?? false);
    const kind: UpstreamErrorKind = auth ? 'auth' : status === 429 ? 'rate_limited' : 'http';
    const fitsDeadline = retryAfterMs === undefined || Date.now() + retryAfterMs < base.deadline;
    return new AttemptError({
      ...base,
      kind,
      status,
      retryAfterMs,
      retryable: !auth && idempotent && RETRYABLE_STATUS.has(status) && fitsDeadline,
      countsForBreaker: !auth && (status >= 500 || status === 429),
      detail: this.scrubber.scrub(`HTTP ${status}${said ? `: ${said}` : ''}`),
      authReason: auth && said ? this.scrubber.scrub(`${upstreamCode(text)}${said}`, 200) : undefined,
    });
  }

  private transportFailure(e: unknown, signal: AbortSignal, base: { operation: string; deadline: number }, idempotent: boolean): AttemptError {
    if (signal.aborted) {
      return new AttemptError({ ...base, kind: 'timeout', retryable: false, countsForBreaker: true, detail: 'no answer before the deadline' });
    }
    const err = e as { code?: string; message?: string; cause?: { code?: string } };
    const code = err.cause?.code ?? err.code ?? '';
    const message = typeof err.message === 'string' ? err.message : '';
    if (TLS_CODE.test(code) || /certificate|self[- ]signed|altnames/i.test(message)) {
      return new AttemptError({ ...base, kind: 'tls', retryable: false, countsForBreaker: false, detail: this.scrubber.scrub(`TLS: ${code || message}`) });
    }
    if (/maxContentLength/i.test(message)) {
      return new AttemptError({ ...base, kind: 'malformed', retryable: false, countsForBreaker: false, detail: 'response larger than the allowed maximum' });
    }
    return new AttemptError({
      ...base,
      kind: 'network',
      retryable: idempotent && (RETRYABLE_CODES.has(code) || /socket hang up/i.test(message)),
      countsForBreaker: true,
      // Only the error code (or axios' short message): never the request config, which holds the headers.
      detail: this.scrubber.scrub(`network: ${code || message || 'request failed'}`),
    });
  }

  private toUpstreamError(e: unknown, operation: string, attempts: number): UpstreamError {
    if (e instanceof UpstreamError) return e;
    if (e instanceof AttemptError) {
      return new UpstreamError(this.upstream, e.kind, {
        operation,
        status: e.status,
        retryAfterMs: e.retryAfterMs,
        authReason: e.authReason,
        attempts,
        cause: new Error(e.detail),
      });
    }
    // instanceof, not cockatiel's isTaskCancelledError(): in 3.2.1 that helper tests the bulkhead's brand.
    if (e instanceof TaskCancelledError) {
      return new UpstreamError(this.upstream, 'timeout', { operation, attempts, cause: new Error(`no answer within the deadline`) });
    }
    if (e instanceof BrokenCircuitError) {
      return new UpstreamError(this.upstream, 'circuit_open', { operation, attempts, cause: new Error('circuit breaker open') });
    }
    if (e instanceof BulkheadRejectedError) {
      return new UpstreamError(this.upstream, 'bulkhead_rejected', { operation, attempts, cause: new Error('too many calls in flight') });
    }
    const message = e instanceof Error ? e.message : String(e);
    return new UpstreamError(this.upstream, 'internal', { operation, attempts, cause: new Error(this.scrubber.scrub(message)) });
  }
}

function elapsedMs(started: number): number {
  return Math.round((performance.now() - started) * 1000) / 1000;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function flattenHeaders(h: AxiosResponse['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(h ?? {})) {
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v === undefined || v === null ? undefined : String(v);
  }
  return out;
}

/** The upstream's own error text (`error` / `message` / `detail` in JSON, or a short plain-text body). */
/** `code N: ` when the error body carries a numeric code (clnrest's 1501/1502, grpc-gateway's codes), else ''. */
function upstreamCode(text: string): string {
  try {
    const code = (JSON.parse(text) as { code?: unknown })?.code;
    return typeof code === 'number' ? `code ${code}: ` : '';
  } catch {
    return '';
  }
}

function upstreamMessage(text: string, contentType: string | undefined): string {
  if (!text) return '';
  try {
    const j = JSON.parse(text) as Record<string, unknown>;
    const m = j?.error ?? j?.message ?? j?.detail;
    if (typeof m === 'string') return m;
    return '';
  } catch {
    if (/html/i.test(contentType ?? '') || /^\s*</.test(text)) return '';
    return text.slice(0, 200);
  }
}
