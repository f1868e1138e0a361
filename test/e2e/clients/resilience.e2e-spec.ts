import { Registry } from 'prom-client';
import { resilienceOptions, ResilienceOptions } from '../../../src/clients/common/resilience.options';
import { ResilientHttp, UpstreamCall } from '../../../src/clients/common/resilient-http';
import { UpstreamMetrics } from '../../../src/clients/common/upstream-metrics.service';
import { UpstreamError } from '../../../src/clients/common/upstream.error';
import { FakeUpstream } from '../../doubles/fake-upstream';
import { LogCapture } from '../../doubles/log-capture';

/** Fast settings so every test runs in well under a second (except the one real 1 s Retry-After). */
const fast = (o: Partial<ResilienceOptions> = {}): ResilienceOptions =>
  resilienceOptions('mempool', 1500, {
    maxRetries: 2,
    initialDelayMs: 20,
    maxDelayMs: 200,
    maxRetryAfterMs: 5000,
    breakerThreshold: 3,
    halfOpenAfterMs: 150,
    maxConcurrent: 4,
    maxQueued: 4,
    probeTimeoutMs: 300,
    probeCacheMs: 200,
    ...o,
  });

const get: UpstreamCall<{ ok: boolean }> = { operation: 'thing', path: '/thing', parse: (j) => j as { ok: boolean } };
const post: UpstreamCall<{ ok: boolean }> = { ...get, operation: 'create', method: 'POST', body: { a: 1 } };

/** The delays the retry policy chose, read from its log lines ("retry n/m of … in D ms"): what a busy machine cannot change. */
function chosenDelays(lines: string[]): number[] {
  return lines.map((l) => /retry \d+\/\d+ of \S+ in (\d+) ms/.exec(l)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]));
}

async function failure(p: Promise<unknown>): Promise<UpstreamError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UpstreamError);
    return e as UpstreamError;
  }
  throw new Error('expected the call to fail');
}

describe(ResilientHttp.name, () => {
  const double = new FakeUpstream(() => ({ status: 200, json: { ok: true } }));
  const logs = new LogCapture().install();
  let metrics: UpstreamMetrics;
  const clients: ResilientHttp[] = [];
  const make = (o: Partial<ResilienceOptions> = {}) => {
    const c = new ResilientHttp({ upstream: 'mempool', baseUrl: double.url, metrics, options: fast(o) });
    clients.push(c);
    return c;
  };

  beforeAll(() => double.start());
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await double.stop();
  });
  beforeEach(() => {
    double.reset();
    logs.clear();
    metrics = new UpstreamMetrics();
  });

  describe('retries', () => {
    it('retries 503 on an idempotent GET and succeeds on the third attempt', async () => {
      double.inject({ type: 'status', status: 503, json: { error: 'busy' } }, 2);
      await expect(make().request(get)).resolves.toEqual({ ok: true });
      expect(double.requests).toHaveLength(3);
      const snap = metrics.snapshot().upstreams.mempool!;
      expect(snap.retries).toBe(2);
      expect(snap.calls).toBe(1);
      expect(snap.successes).toBe(1);
      expect(logs.at('warn').filter((l) => l.includes('retry'))).toHaveLength(2);
    });

    it.each([429, 502, 503, 504])('retries HTTP %i', async (status) => {
      double.inject({ type: 'status', status }, 1);
      await expect(make().request(get)).resolves.toEqual({ ok: true });
      expect(double.requests).toHaveLength(2);
    });

    it('gives up after maxRetries with the last status, attempts counted', async () => {
      double.inject({ type: 'status', status: 503 }, 10);
      const err = await failure(make().request(get));
      expect(err).toMatchObject({ upstream: 'mempool', kind: 'http', status: 503, attempts: 3, code: 'UPSTREAM_UNAVAILABLE' });
      expect(double.requests).toHaveLength(3);
    });

    it.each([400, 404, 500, 501])('does not retry HTTP %i', async (status) => {
      double.inject({ type: 'status', status }, 5);
      const err = await failure(make().request(get));
      expect(err.status).toBe(status);
      expect(double.requests).toHaveLength(1);
    });

    it('retries a connection closed without an answer (network error)', async () => {
      double.inject({ type: 'close' }, 1);
      await expect(make().request(get)).resolves.toEqual({ ok: true });
      expect(double.requests).toHaveLength(2);
    });

    it('reports a connection refused as a network error after retrying', async () => {
      const c = new ResilientHttp({ upstream: 'mempool', baseUrl: 'http://127.0.0.1:1', metrics, options: fast() });
      clients.push(c);
      const err = await failure(c.request(get));
      expect(err).toMatchObject({ kind: 'network', attempts: 3 });
      expect(metrics.snapshot().upstreams.mempool!.retries).toBe(2);
    });

    it('keeps full-jitter backoff within its bounds: retry n waits < initialDelay * 2^(n-1)', async () => {
      double.inject({ type: 'status', status: 503 }, 4);
      await failure(make({ maxRetries: 3, initialDelayMs: 60, maxDelayMs: 100 }).request(get));
      const gaps = double.gaps();
      expect(gaps).toHaveLength(3);
      // Bounds 60, 100 (capped from 120), 100 (capped from 240), on the delays the policy chose (a busy machine can
      // only lengthen the gaps the double sees, never shorten them below the chosen delay).
      const delays = chosenDelays(logs.at('warn'));
      expect(delays).toHaveLength(3);
      [60, 100, 100].forEach((bound, i) => expect(delays[i]).toBeLessThanOrEqual(bound));
      delays.forEach((d, i) => expect(gaps[i]).toBeGreaterThanOrEqual(d - 2));
    });

    it('does not retry a non-idempotent POST, whatever the failure', async () => {
      for (const fault of [{ type: 'status', status: 503 }, { type: 'close' }, { type: 'retry-after', retryAfter: '0' }] as const) {
        double.reset();
        double.inject(fault, 3);
        await failure(make().request(post));
        expect(double.requests).toHaveLength(1);
      }
      expect(metrics.snapshot().upstreams.mempool!.retries).toBe(0);
    });

    it('retries a POST the caller marks idempotent (a read bound to POST, like LND /v1/switch)', async () => {
      double.inject({ type: 'status', status: 503 }, 1);
      await expect(make().request({ ...post, idempotent: true })).resolves.toEqual({ ok: true });
      expect(double.requests).toHaveLength(2);
    });
  });

  describe('Retry-After', () => {
    it('waits the seconds a 429 asks for before retrying', async () => {
      double.inject({ type: 'retry-after', retryAfter: '1' }, 1);
      await expect(make({ initialDelayMs: 1 }).request({ ...get, timeoutMs: 3000 })).resolves.toEqual({ ok: true });
      expect(double.requests).toHaveLength(2);
      expect(double.gaps()[0]).toBeGreaterThanOrEqual(990);
      // It waited what the 429 asked, not a backoff on top of it.
      expect(chosenDelays(logs.at('warn'))).toEqual([1000]);
    });

    it('reads an HTTP-date Retry-After on a 503', async () => {
      double.inject({ type: 'retry-after', status: 503, retryAfter: new Date(Date.now() + 2000).toUTCString() }, 1);
      await expect(make({ initialDelayMs: 1, maxRetryAfterMs: 400 }).request({ ...get, timeoutMs: 3000 })).resolves.toEqual({ ok: true });
      // The date is 1-2 s away (second resolution), capped to 400 ms.
      expect(double.gaps()[0]).toBeGreaterThanOrEqual(390);
      expect(chosenDelays(logs.at('warn'))).toEqual([400]);
    });

    it('caps a long Retry-After at maxRetryAfterMs', async () => {
      double.inject({ type: 'retry-after', retryAfter: '120' }, 1);
      await expect(make({ initialDelayMs: 1, maxRetryAfterMs: 250 }).request(get)).resolves.toEqual({ ok: true });
      expect(double.gaps()[0]).toBeGreaterThanOrEqual(240);
      expect(chosenDelays(logs.at('warn'))).toEqual([250]);
    });

    it('fails fast when the wait does not fit the deadline, and holds later calls back until then', async () => {
      const http = make({ maxRetryAfterMs: 60_000 });
      double.inject({ type: 'retry-after', retryAfter: '30' }, 1);
      // Failing as rate_limited after one attempt, not as a timeout, shows it did not wait out its 500 ms deadline.
      const err = await failure(http.request({ ...get, timeoutMs: 500 }));
      expect(err).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 30_000, attempts: 1 });
      // The next call does not reach the upstream before the Retry-After time.
      const again = await failure(http.request({ ...get, timeoutMs: 500 }));
      expect(again.kind).toBe('rate_limited');
      expect(again.attempts).toBe(0);
      expect(double.requests).toHaveLength(1);
    });
  });

  describe('timeouts and bodies', () => {
    it('times out a hanging upstream at the deadline and closes the socket', async () => {
      double.inject({ type: 'hang' }, 1);
      const started = Date.now();
      const err = await failure(make().request({ ...get, timeoutMs: 200 }));
      const took = Date.now() - started;
      // The hang never ends by itself: failing at all, as a timeout after the whole 200 ms, is the deadline's doing.
      expect(err.kind).toBe('timeout');
      expect(took).toBeGreaterThanOrEqual(190);
      for (let i = 0; i < 100 && double.abandoned === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(double.abandoned).toBe(1);
      expect(double.requests).toHaveLength(1);
    });

    it('a slow answer within the deadline is fine', async () => {
      double.inject({ type: 'delay', ms: 100 }, 1);
      await expect(make().request({ ...get, timeoutMs: 400 })).resolves.toEqual({ ok: true });
    });

    it('reports malformed JSON as malformed, without retrying', async () => {
      double.inject({ type: 'malformed' }, 3);
      const err = await failure(make().request(get));
      expect(err).toMatchObject({ kind: 'malformed', status: 200, attempts: 1 });
      expect(double.requests).toHaveLength(1);
    });

    it('reports a body the mapper rejects as malformed, naming the field but not the value', async () => {
      const err = await failure(
        make().request({
          ...get,
          parse: () => {
            throw new Error('nodes[3].pub_key: expected a node pubkey');
          },
        }),
      );
      expect(err.kind).toBe('malformed');
      expect(err.cause?.message).toContain('nodes[3].pub_key');
    });

    it('does not follow redirects (they could carry credentials to another host)', async () => {
      double.inject({ type: 'status', status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } }, 1);
      const err = await failure(make().request(get));
      expect(err).toMatchObject({ kind: 'http', status: 302 });
    });

    it('treats statuses named by absentWhen as "not found": null, no retry, breaker untouched', async () => {
      const http = make({ breakerThreshold: 1 });
      double.inject({ type: 'status', status: 500, json: { error: 'Failed to get node' } }, 5);
      for (let i = 0; i < 3; i++) await expect(http.requestOrNull({ ...get, absentWhen: (s) => s === 500 })).resolves.toBeNull();
      expect(double.requests).toHaveLength(3);
      expect(http.breakerState).toBe('closed');
      expect(metrics.snapshot().upstreams.mempool!.not_found).toBe(3);
    });
  });

  describe('circuit breaker', () => {
    it('opens after consecutive failures, fails fast without a request, half-opens and closes', async () => {
      const http = make({ breakerThreshold: 3, maxRetries: 0, halfOpenAfterMs: 150 });
      double.inject({ type: 'status', status: 500 }, 3);
      for (let i = 0; i < 3; i++) expect((await failure(http.request(get))).kind).toBe('http');
      expect(http.breakerState).toBe('open');
      expect(metrics.snapshot().upstreams.mempool!.breaker_state).toBe('open');

      const fast1 = await failure(http.request(get));
      expect(fast1).toMatchObject({ kind: 'circuit_open', attempts: 0 });
      expect(double.requests).toHaveLength(3);

      await new Promise((r) => setTimeout(r, 170));
      await expect(http.request(get)).resolves.toEqual({ ok: true });
      expect(http.breakerState).toBe('closed');
      expect(double.requests).toHaveLength(4);
      const warns = logs.at('warn').join('\n');
      expect(warns).toContain('mempool: circuit breaker open');
      expect(warns).toContain('mempool: circuit breaker half-open');
    });

    it('re-opens when the half-open trial fails', async () => {
      const http = make({ breakerThreshold: 1, maxRetries: 0, halfOpenAfterMs: 100 });
      double.inject({ type: 'status', status: 502 }, 2);
      await failure(http.request(get));
      expect(http.breakerState).toBe('open');
      await new Promise((r) => setTimeout(r, 120));
      await failure(http.request(get));
      expect(http.breakerState).toBe('open');
      expect((await failure(http.request(get))).kind).toBe('circuit_open');
      expect(double.requests).toHaveLength(2);
    });

    it('counts a retried call once', async () => {
      const http = make({ breakerThreshold: 2, maxRetries: 2 });
      double.inject({ type: 'status', status: 503 }, 3);
      const err = await failure(http.request(get));
      expect(err.attempts).toBe(3);
      // Three failed attempts, one failed call: below the threshold of two.
      expect(http.breakerState).toBe('closed');
      await expect(http.request(get)).resolves.toEqual({ ok: true });
    });

    it('ignores client errors, auth failures and malformed bodies', async () => {
      const http = make({ breakerThreshold: 1 });
      double.inject({ type: 'status', status: 404 }, 1).inject({ type: 'status', status: 401 }, 1).inject({ type: 'malformed' }, 1);
      expect((await failure(http.request(get))).kind).toBe('http');
      expect((await failure(http.request(get))).kind).toBe('auth');
      expect((await failure(http.request(get))).kind).toBe('malformed');
      expect(http.breakerState).toBe('closed');
    });

    it('counts timeouts', async () => {
      const http = make({ breakerThreshold: 1 });
      double.inject({ type: 'hang' }, 1);
      expect((await failure(http.request({ ...get, timeoutMs: 100 }))).kind).toBe('timeout');
      expect(http.breakerState).toBe('open');
    });
  });

  describe('bulkhead', () => {
    it('caps calls in flight and rejects beyond the queue', async () => {
      const http = make({ maxConcurrent: 1, maxQueued: 1 });
      double.inject({ type: 'delay', ms: 150 }, 2);
      const a = http.request(get);
      const b = http.request(get);
      const c = failure(http.request(get));
      expect((await c).kind).toBe('bulkhead_rejected');
      await expect(Promise.all([a, b])).resolves.toEqual([{ ok: true }, { ok: true }]);
      // The queued call started only after the first finished.
      expect(double.gaps()[0]).toBeGreaterThanOrEqual(140);
    });
  });

  describe('probe', () => {
    it('reports connected, then disconnected, then degraded when the breaker is open', async () => {
      const http = make({ breakerThreshold: 1 });
      expect(await http.probe({ path: '/thing' })).toMatchObject({ upstream: 'mempool', state: 'connected' });
      double.inject({ type: 'status', status: 503 }, 5);
      const down = await http.probe({ path: '/thing' });
      expect(down).toMatchObject({ state: 'disconnected', errorKind: 'http', status: 503 });
      // A probe is a single attempt: no retry.
      expect(double.requests).toHaveLength(2);
      expect(await http.probe({ path: '/thing' })).toMatchObject({ state: 'degraded', errorKind: 'circuit_open', latencyMs: null });
    });

    it('uses its own short timeout', async () => {
      const http = make({ probeTimeoutMs: 100 });
      double.inject({ type: 'hang' }, 1);
      // The hang never ends by itself: the probe timed out, and before the calls' 1.5 s deadline, so by its own 100 ms
      // (bounded by the other deadline, not by a CPU budget).
      const started = Date.now();
      expect(await http.probe({ path: '/thing' })).toMatchObject({ state: 'disconnected', errorKind: 'timeout' });
      expect(Date.now() - started).toBeLessThan(fast().timeoutMs);
    });
  });

  describe('metrics', () => {
    it('counts calls, errors by kind, retries and latency, in JSON and in a given prom-client registry', async () => {
      const registry = new Registry();
      metrics = new UpstreamMetrics(registry);
      const http = make({ maxRetries: 1 });
      await http.request(get);
      double.inject({ type: 'status', status: 503 }, 2);
      await failure(http.request(get));
      double.inject({ type: 'malformed' }, 1);
      await failure(http.request(get));

      const snap = metrics.snapshot().upstreams.mempool!;
      expect(snap).toMatchObject({ calls: 3, successes: 1, errors: 2, retries: 1, errors_by_kind: { http: 1, malformed: 1 }, breaker_state: 'closed', last_error_kind: 'malformed' });
      expect(snap.latency_ms.p50).toEqual(expect.any(Number));

      const text = await registry.metrics();
      expect(text).toContain('upstream_requests_total{upstream="mempool",operation="thing",outcome="success"} 1');
      expect(text).toContain('upstream_errors_total{upstream="mempool",kind="http"} 1');
      expect(text).toContain('upstream_retries_total{upstream="mempool"} 1');
      expect(text).toContain('upstream_circuit_state{upstream="mempool"} 0');
      expect(text).toContain('upstream_request_duration_seconds_count{upstream="mempool",outcome="error"} 2');

      // And into the app's registry, added later.
      const app = new Registry();
      metrics.registerInto(app);
      metrics.registerInto(app);
      expect(await app.metrics()).toContain('upstream_retries_total{upstream="mempool"} 1');
    });
  });
});
