import { Global, Module } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { resilienceOptions, ResilienceOverrides } from '../../../src/clients/common/resilience.options';
import { CLIENT_RESILIENCE_OVERRIDES } from '../../../src/clients/common/upstream.types';
import { FakeUpstream } from '../../doubles/fake-upstream';
import { LogCapture } from '../../doubles/log-capture';
import { LND_ACINQ, lndDouble } from '../../doubles/lnd.double';
import { MEMPOOL_NODE_WIRE, mempoolDouble } from '../../doubles/mempool.double';
import { makeSelfSignedCert, SelfSignedCert } from '../../doubles/self-signed-cert';
import { SPARKSEER_OWNER, sparkseerDouble } from '../../doubles/sparkseer.double';
import { createTestApp, serverErrorRoutes, testRedisUrl } from '../../utils/test-app';

/**
 * Upstream faults seen through the whole app: node info for a node of the embedded graph that is also the
 * operator's own (LND) and known to mempool and Sparkseer. Every answer must stay 200 from the graph with the
 * degradation named in `warnings`, and the number of requests each double receives must stay within what the
 * retry policy and the breaker allow. The policy is production's (retries, backoff, breaker threshold); only
 * the breaker's half-open delay and the probe cache are shortened so recovery fits the test.
 * Client-level details (jitter bounds, HTTP-date Retry-After, bulkhead, POST not retried) are proven in
 * test/e2e/clients/resilience.e2e-spec.ts; OpenAI faults in test/e2e/priorities.e2e-spec.ts.
 */
const MACAROON = '0201036c6e64' + 'c4'.repeat(40);
const SPARKSEER_KEY = 'sk-reliability-Spark-7731';
const UPSTREAM_TIMEOUT_MS = 1500;
// Long enough that no half-open trial can slip into the counted burst on a busy machine (at 1.5 s one did, at load
// 6: 18 requests against a bound of 15), short enough for the recovery wait.
const HALF_OPEN_MS = 5000;
const OVERRIDES: ResilienceOverrides = Object.fromEntries(
  (['sparkseer', 'lnd', 'mempool', 'lnbits'] as const).map((u) => [u, { halfOpenAfterMs: HALF_OPEN_MS, probeCacheMs: 100 }]),
);
/** What production allows per logical call: the first attempt plus the configured retries. */
const PER_CALL = 1 + resilienceOptions('mempool', UPSTREAM_TIMEOUT_MS).maxRetries;
const THRESHOLD = resilienceOptions('mempool', UPSTREAM_TIMEOUT_MS).breakerThreshold;

@Global()
@Module({ providers: [{ provide: CLIENT_RESILIENCE_OVERRIDES, useValue: OVERRIDES }], exports: [CLIENT_RESILIENCE_OVERRIDES] })
class ShortHalfOpen {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => Promise<boolean>, deadlineMs = 15_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('upstream faults through the app: answers degrade, retries and breakers stay bounded', () => {
  let tls: SelfSignedCert;
  const d = {} as Record<'lnd' | 'mempool' | 'sparkseer', FakeUpstream>;
  let app: NestExpressApplication;
  const logs = new LogCapture();
  const measured: Record<string, unknown> = {};
  /** Requests each double received for one healthy answer (the LND one makes several calls). */
  const perAnswer: Record<string, number> = {};

  const ask = async () => {
    const t0 = performance.now();
    const res = await request(app.getHttpServer()).get(`/api/v1/node/${LND_ACINQ}/info`).query({ use_cache: false }).expect(200);
    return { body: res.body, ms: Math.round(performance.now() - t0) };
  };
  const counts = () => ({ lnd: d.lnd.requests.length, mempool: d.mempool.requests.length, sparkseer: d.sparkseer.requests.length });
  const health = async () => (await request(app.getHttpServer()).get('/api/v1/health').expect(200)).body;
  const resetAll = () => Object.values(d).forEach((x) => x.reset());
  /** Calls of one upstream that ended with this error kind, from the app's own metrics. */
  const failed = async (upstream: string, kind: string): Promise<number> => {
    const { body } = await request(app.getHttpServer()).get('/api/v1/metrics').expect(200);
    return Number(body.upstreams[upstream]?.errors_by_kind?.[kind] ?? 0);
  };

  beforeAll(async () => {
    tls = makeSelfSignedCert();
    d.lnd = lndDouble({ macaroonHex: MACAROON, tls, nowSec: Math.floor(Date.now() / 1000), identityPubkey: LND_ACINQ });
    d.mempool = mempoolDouble([{ ...MEMPOOL_NODE_WIRE, public_key: LND_ACINQ, alias: 'ACINQ (mempool)' }]);
    d.sparkseer = sparkseerDouble({ keys: { [SPARKSEER_KEY]: SPARKSEER_OWNER }, knownNodes: [LND_ACINQ] });
    for (const x of Object.values(d)) await x.start();
    app = await createTestApp(
      {
        REDIS_URL: testRedisUrl(),
        GRAPH_HISTORY_SNAPSHOTS: '',
        LND_REST_URL: d.lnd.url,
        LND_MACAROON_HEX: MACAROON,
        LND_TLS_CERT_PATH: tls.certPath,
        MEMPOOL_BASE_URL: `${d.mempool.url}/api`,
        SPARKSEER_API_KEY: SPARKSEER_KEY,
        SPARKSEER_BASE_URL: d.sparkseer.url,
        SPARKSEER_NODE_PUBKEY: SPARKSEER_OWNER,
        UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS),
      },
      undefined,
      [ShortHalfOpen],
    );
    logs.install();
  });
  afterAll(async () => {
    // RELIABILITY_FIGURES=1 prints what was measured (for docs/RELIABILITY.md).
    if (process.env.RELIABILITY_FIGURES) console.log(JSON.stringify(measured, null, 1));
    await app?.close();
    for (const x of Object.values(d)) await x.stop();
    tls.cleanup();
  });
  afterEach(() => resetAll());

  it('healthy baseline: every source answers, and one answer costs a known number of upstream requests', async () => {
    // A first answer warms up TLS, keep-alive sockets and the JIT, so a busy CI machine cannot time it out.
    await until('a first complete answer', async () => (await ask()).body.warnings.length === 0);
    resetAll();
    const { body } = await ask();
    expect(body.source).toBe('embedded-graph:2026-02-03+mempool+sparkseer+lnd');
    expect(body.warnings).toEqual([]);
    Object.assign(perAnswer, counts());
    measured.requests_per_healthy_answer = { ...perAnswer };
    expect(perAnswer).toMatchObject({ mempool: 1, sparkseer: 1 });
    expect(perAnswer.lnd).toBeGreaterThanOrEqual(2);
  });

  it('5xx bursts: each call retried at most maxRetries times, the breaker opens after its threshold and stops all traffic, then recovers', async () => {
    for (const x of Object.values(d)) x.inject({ type: 'status', status: 503, json: { error: 'overloaded' } }, 10_000);
    const logMark = logs.lines.length;
    const first = await ask();
    // A failing upstream gives its last good answer, marked stale.
    expect(first.body.warnings.join(' | ')).toMatch(/mempool data is stale/);
    expect(first.body.warnings.join(' | ')).toMatch(/sparkseer data is stale/);
    expect(first.body.warnings.join(' | ')).toMatch(/lnd unavailable|lnd data is stale/);
    // Each call of the answer is retried, at most maxRetries times (fewer when the next backoff would pass the deadline).
    const afterOne = counts();
    measured.burst_first_answer = afterOne;
    for (const u of ['mempool', 'sparkseer', 'lnd'] as const) {
      expect(afterOne[u]).toBeGreaterThan(perAnswer[u]);
      expect(afterOne[u]).toBeLessThanOrEqual(perAnswer[u] * PER_CALL);
    }

    const times: number[] = [first.ms];
    for (let i = 0; i < THRESHOLD + 3; i++) times.push((await ask()).ms);
    const afterMany = counts();
    // About THRESHOLD failed calls reach an upstream (plus those already in flight in the answer that opened
    // the breaker); after that the breaker answers alone.
    // On a machine slow enough that the burst outlasts HALF_OPEN_MS, the breaker lets one trial call through
    // (logged as half-open) and reopens when it fails: each such trial may cost one more call's requests.
    const trials = (u: string) => logs.lines.slice(logMark).filter((l) => l.text.includes(`${u}: circuit breaker half-open`)).length;
    const bound = (u: keyof typeof perAnswer) => (THRESHOLD + perAnswer[u] - 1 + trials(u)) * PER_CALL;
    measured.burst_5xx = { answers: THRESHOLD + 4, requests: afterMany, bounds: { mempool: bound('mempool'), sparkseer: bound('sparkseer'), lnd: bound('lnd') }, half_open_trials: { mempool: trials('mempool'), sparkseer: trials('sparkseer'), lnd: trials('lnd') }, answer_ms: times };
    // What was counted is printed when a bound fails, so a failure on a CI machine says which and how.
    if ((['mempool', 'sparkseer', 'lnd'] as const).some((u) => afterMany[u] > bound(u))) console.error(JSON.stringify(measured));
    for (const u of ['mempool', 'sparkseer', 'lnd'] as const) expect(afterMany[u]).toBeLessThanOrEqual(bound(u));
    // Without a breaker the same answers would have cost (THRESHOLD + 4) × perAnswer × PER_CALL requests.
    for (const u of ['mempool', 'sparkseer', 'lnd'] as const) expect(afterMany[u]).toBeLessThan((THRESHOLD + 4) * perAnswer[u] * PER_CALL);
    // A trial is the exception, not the rule: at most a couple per upstream in a burst this short.
    for (const u of ['mempool', 'sparkseer', 'lnd'] as const) expect(trials(u)).toBeLessThanOrEqual(2);
    // How long these answers wait is bounded by the counts above (at most maxRetries short backoffs per call); that
    // a deadline ends what overruns is proven below (Retry-After, hang). No answer-time ceiling: on a busy machine a
    // retried call may rightly end by its deadline here.
    const open = await health();
    expect(open.services).toMatchObject({ mempool_api: 'degraded', sparkseer_api: 'degraded', lnd_api: 'degraded' });
    expect(open.status).toBe('degraded');
    const { body: metrics } = await request(app.getHttpServer()).get('/api/v1/metrics').expect(200);
    expect(metrics.upstreams.mempool.breaker_state).toBe('open');
    expect(counts()).toEqual(afterMany);

    // The upstreams recover; after the half-open delay one trial call closes each breaker.
    resetAll();
    await sleep(HALF_OPEN_MS + 100);
    const back = await ask();
    expect(back.body.source).toBe('embedded-graph:2026-02-03+mempool+sparkseer+lnd');
    expect(back.body.warnings).toEqual([]);
    const closed = await health();
    expect(closed.status).toBe('healthy');
    expect(closed.services).toMatchObject({ mempool_api: 'connected', sparkseer_api: 'connected', lnd_api: 'connected' });
  });

  it('429 with Retry-After: no request reaches the upstream before that time, and no answer waits past its deadline', async () => {
    const limitedBefore = await failed('sparkseer', 'rate_limited');
    d.sparkseer.inject({ type: 'retry-after', retryAfter: '2' }, 10_000);
    const first = await ask();
    // 2 s does not fit the 1.5 s deadline: the call fails at once as rate limited instead of waiting out its
    // deadline (which would end it as a timeout).
    expect(await failed('sparkseer', 'rate_limited')).toBe(limitedBefore + 1);
    expect(first.body.warnings.join(' | ')).toMatch(/sparkseer data is stale/);
    const times = [first.ms];
    for (let i = 0; i < 5; i++) times.push((await ask()).ms);
    const firstAt = d.sparkseer.requests[0].at;
    const early = d.sparkseer.requests.filter((r) => r.at < firstAt + 1990);
    measured.retry_after = { answers: 6, requests: d.sparkseer.requests.length, before_retry_after: early.length, answer_ms: times };
    // The calls held back by the Retry-After never reached the upstream early; each ended within its own deadline
    // (rate limited, or a timeout on a busy machine): no answer-time ceiling, which would measure the machine.
    expect(early).toHaveLength(1);
    d.sparkseer.reset();
    // Past the Retry-After, and past the half-open delay should those failures have opened the breaker.
    await sleep(HALF_OPEN_MS + 100);
    const after = await ask();
    expect(after.body.warnings).toEqual([]);
    expect(d.sparkseer.requests).toHaveLength(1);
  });

  it('a hanging upstream costs one request and at most UPSTREAM_TIMEOUT_MS; the socket is closed', async () => {
    const timeoutsBefore = await failed('mempool', 'timeout');
    d.mempool.inject({ type: 'hang' }, 10_000);
    const r = await ask();
    measured.hang = { answer_ms: r.ms, requests: d.mempool.requests.length };
    // The hang never ends by itself: an answer at all means the app gave up, and the timeout counter says it was
    // its deadline (UPSTREAM_TIMEOUT_MS, waited in full) that ended the call, not an error or a retry.
    expect(r.ms).toBeGreaterThanOrEqual(UPSTREAM_TIMEOUT_MS - 50);
    expect(await failed('mempool', 'timeout')).toBe(timeoutsBefore + 1);
    expect(r.body.warnings.join(' | ')).toMatch(/mempool data is stale/);
    expect(d.mempool.requests).toHaveLength(1);
    await until('the hanging socket to be closed by the app', async () => d.mempool.abandoned === 1);
    expect(d.mempool.requests).toHaveLength(1);
  });

  it('connection resets: retried within the policy, then the stale answer', async () => {
    d.mempool.inject({ type: 'close' }, 10_000);
    d.lnd.inject({ type: 'close' }, 10_000);
    const r = await ask();
    measured.resets = { mempool: d.mempool.requests.length, lnd: d.lnd.requests.length, bounds: { mempool: PER_CALL, lnd: perAnswer.lnd * PER_CALL } };
    expect(d.mempool.requests.length).toBeLessThanOrEqual(PER_CALL);
    expect(d.lnd.requests.length).toBeLessThanOrEqual(perAnswer.lnd * PER_CALL);
    expect(r.body.warnings.join(' | ')).toMatch(/mempool data is stale/);
    expect(r.body.source).toContain('embedded-graph:2026-02-03');
  });

  it('truncated and malformed bodies: never retried as if the upstream were down, stale answer served', async () => {
    d.mempool.inject({ type: 'truncated' }, 10_000);
    d.sparkseer.inject({ type: 'malformed' }, 10_000);
    const r = await ask();
    measured.bodies = { mempool_truncated: d.mempool.requests.length, sparkseer_malformed: d.sparkseer.requests.length };
    // Neither may cost more than the policy allows; an unparsable complete body is never retried (measured: a
    // cut-off one is not retried either).
    expect(d.mempool.requests.length).toBeLessThanOrEqual(PER_CALL);
    expect(d.sparkseer.requests).toHaveLength(1);
    expect(r.body.warnings.join(' | ')).toMatch(/mempool data is stale/);
    expect(r.body.warnings.join(' | ')).toMatch(/sparkseer data is stale/);
  });

  it('no 5xx from the API, and the key and macaroon appear in no log line of any of these faults', async () => {
    expect(serverErrorRoutes(app)).toEqual([]);
    const text = logs.text();
    expect(text).toMatch(/retry|circuit breaker/);
    for (const secret of [MACAROON, MACAROON.toUpperCase(), SPARKSEER_KEY]) expect(text).not.toContain(secret);
  });
});
