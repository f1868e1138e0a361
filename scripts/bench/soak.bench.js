#!/usr/bin/env node
/**
 * Load and soak benchmark (not a test): `npm run bench:soak` (builds first; needs redis-server on the PATH).
 *
 * The compiled app on its own redis-server (AOF on, so a killed Redis comes back with its queue), then:
 *   0. baseline: the trivial route GET /api/v1/health/live, 10 connections, for the p99 ratio;
 *   1. calibration: mixed traffic at 2, 4, 8, 16, 32 connections (5 s each); the highest rate whose p99 stays
 *      under 250 ms is the soak rate (90 % of it, held with autocannon's overallRate);
 *   2. soak: mixed traffic at that rate for SOAK_SECONDS (default 600);
 *   3. the same again with Redis SIGKILLed in the middle for SOAK_REDIS_OUTAGE_SECONDS (default 30), then
 *      restarted on the same port and data directory.
 * Mixed traffic, per 20 requests: 8 node info, 5 recommendations, 4 priorities (no model key: the deterministic
 * planner), 2 inline bulk submissions (5 pubkeys, basic), 1 poll of a queued bulk job; pubkeys cycle through SOAK_PUBKEYS
 * (default 100) routable nodes of the embedded 2026 graph, analysed once before the measures (warm-up). Beside it, one queued bulk job (60 pubkeys) is submitted every 2 s and
 * followed to the end: every accepted job must complete with every item.
 * Reported per phase: rate, p50/p99, responses by status, connection errors and timeouts, RSS at start and end
 * (target: no growth beyond 10 %), event-loop lag (prom-client's p99 gauge, sampled every 5 s), /health states seen,
 * queued jobs accepted / completed / refused. Figures go to stdout and reports/soak.json (SOAK_REPORT); the exit code is 1 when a
 * promise is broken (a 5xx, a connection error, a lost job, RSS growth > 10 %, a p99 over 250 ms while Redis is up).
 *
 * Knobs: SOAK_PUBKEYS, SOAK_SECONDS, SOAK_REDIS_OUTAGE_SECONDS, SOAK_CONNECTIONS (skips calibration), SOAK_CALIBRATION_SECONDS.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { ROOT, sleep, freePort, loadEmbeddedGraph, rssMb, spawnApp, waitUntilReady, BenchRedis } = require('./bench-kit');

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const OUTAGE_SECONDS = Number(process.env.SOAK_REDIS_OUTAGE_SECONDS ?? 30);
const CALIBRATION_SECONDS = Number(process.env.SOAK_CALIBRATION_SECONDS ?? 5);
const FIXED_CONNECTIONS = process.env.SOAK_CONNECTIONS ? Number(process.env.SOAK_CONNECTIONS) : undefined;
const P99_TARGET_MS = 250;
const MAX_RSS_GROWTH = 0.1;
const SAMPLE_EVERY_MS = 5000;
const PUBKEYS = Number(process.env.SOAK_PUBKEYS ?? 100);
const PLAN_BODY = JSON.stringify({ goals: ['routing_revenue', 'connectivity'], max_actions: 5 });

/** Routable pubkeys, sorted. */
function routablePubkeys() {
  const { graph, ranks } = loadEmbeddedGraph();
  return [...Array(graph.nodeCount).keys()].filter((v) => ranks.degree[v] > 0).map((v) => graph.pubkeys[v]).sort();
}

/** `count` pubkeys spread over the whole sorted list, so small and large nodes both appear. */
const spread = (list, count, offset = 0) => Array.from({ length: Math.min(count, list.length) }, (_, i) => list[(Math.floor((i * list.length) / count) + offset) % list.length]);

async function eventLoopLagP99Ms(base) {
  const text = await fetch(`${base}/api/v1/metrics/prometheus`).then((r) => r.text(), () => '');
  const m = /^nodejs_eventloop_lag_p99_seconds ([\d.e+-]+)$/m.exec(text);
  return m ? Number(m[1]) * 1000 : NaN;
}

async function healthState(base) {
  return fetch(`${base}/api/v1/health`).then(async (r) => {
    const b = await r.json();
    return `${r.status} ${b.status} cache=${b.cache_stats?.backend}/${b.cache_stats?.redis}`;
  }, (e) => `unreachable: ${e.message}`);
}

/** The mixed sequence; `tally`, when given, counts responses by route kind and status ("info 200"). */
function mixedRequests(pubkeys, pollJobId, tally) {
  let i = 0;
  const next = () => pubkeys[i++ % pubkeys.length];
  const json = { 'content-type': 'application/json' };
  const count = (kind) => (tally ? (status) => { tally[`${kind} ${status}`] = (tally[`${kind} ${status}`] ?? 0) + 1; } : undefined);
  const info = { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/v1/node/${next()}/info` }), onResponse: count('info') };
  const recs = { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/v1/node/${next()}/recommendations` }), onResponse: count('recommendations') };
  const plan = { method: 'POST', headers: json, setupRequest: (r) => ({ ...r, path: `/api/v1/node/${next()}/priorities`, body: PLAN_BODY }), onResponse: count('priorities') };
  const bulk = { method: 'POST', headers: json, setupRequest: (r) => ({ ...r, path: '/api/v1/nodes/bulk-analysis', body: JSON.stringify({ pubkeys: [next(), next(), next(), next(), next()], analysis_types: ['basic'] }) }), onResponse: count('bulk_inline') };
  const poll = { method: 'GET', path: `/api/v1/nodes/bulk-analysis/${pollJobId}?page_size=5`, onResponse: count('bulk_poll') };
  return [info, recs, plan, info, recs, info, bulk, plan, info, recs, poll, info, plan, recs, info, bulk, info, plan, recs, info];
}

/**
 * The one 5xx the service documents under these faults: a queued job's status read while Redis, which holds the
 * jobs, is away answers 503 UPSTREAM_UNAVAILABLE (the job itself is not lost). Any other 5xx breaks a promise.
 */
const DOCUMENTED_OUTAGE_5XX = new Set(['bulk_poll 503']);
/** Documented in any phase: uncached recommendations past the bounded queue answer 503 SERVER_BUSY with Retry-After. */
const DOCUMENTED_LOAD_5XX = new Set(['recommendations 503']);

function cannon(base, opts) {
  return new Promise((resolve, reject) => {
    const inst = autocannon({ url: base, timeout: 10, ...opts }, (e, r) => (e ? reject(e) : resolve(r)));
    inst.on('error', () => undefined);
  });
}

async function submitQueuedJob(base, pubkeys) {
  const res = await fetch(`${base}/api/v1/nodes/bulk-analysis`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pubkeys, analysis_types: ['basic'] }) }).catch(() => undefined);
  if (!res) return { status: 0 };
  const body = await res.json().catch(() => ({}));
  return { status: res.status, id: body.job_id };
}

/** Submits a job of `pubkeys` (60) every 2 s while `running()`; afterwards waits for every accepted job to finish. */
async function queuedJobsLoop(base, pubkeys, running) {
  const accepted = [];
  const refused = {};
  while (running()) {
    const { status, id } = await submitQueuedJob(base, pubkeys);
    if (status === 202 && id) accepted.push(id);
    else refused[status] = (refused[status] ?? 0) + 1;
    await sleep(2000);
  }
  const outcome = { accepted: accepted.length, completed: 0, incomplete: [], refused_by_status: refused };
  const until = Date.now() + 120_000;
  for (const id of accepted) {
    for (;;) {
      const s = await fetch(`${base}/api/v1/nodes/bulk-analysis/${id}?page_size=1`).then((r) => (r.ok ? r.json() : undefined), () => undefined);
      if (s?.status === 'completed' && s.progress?.done === 60) { outcome.completed++; break; }
      if (Date.now() > until || (s && !['queued', 'running', 'completed'].includes(s.status))) { outcome.incomplete.push({ id, status: s?.status, progress: s?.progress }); break; }
      await sleep(250);
    }
  }
  return outcome;
}

function summarise(name, r, extra) {
  const statuses = {};
  for (const [code, v] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = v.count;
  return {
    phase: name,
    connections: r.connections,
    duration_s: r.duration,
    requests: r.requests.total,
    rate_per_s: Math.round(r.requests.average),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    max_ms: r.latency.max,
    by_status: statuses,
    errors: r.errors,
    timeouts: r.timeouts,
    ...extra,
  };
}

async function phase(name, ctx, { connections, rate, seconds, outage }) {
  const samples = { rss_mb: [], event_loop_lag_p99_ms: [], health: [] };
  let running = true;
  const sampler = (async () => {
    while (running) {
      samples.rss_mb.push(Math.round(rssMb(ctx.app.pid)));
      samples.event_loop_lag_p99_ms.push(Number((await eventLoopLagP99Ms(ctx.base)).toFixed(1)));
      samples.health.push(await healthState(ctx.base));
      await sleep(SAMPLE_EVERY_MS);
    }
  })();
  const jobs = queuedJobsLoop(ctx.base, ctx.jobPubkeys, () => running);
  let outageTimeline;
  const chaos = outage ? (async () => {
    await sleep(((seconds - OUTAGE_SECONDS) / 2) * 1000);
    const t0 = Date.now();
    await ctx.redis.kill();
    await sleep(OUTAGE_SECONDS * 1000);
    await ctx.redis.start();
    outageTimeline = { killed_at_s: Math.round((seconds - OUTAGE_SECONDS) / 2), down_for_s: Math.round((Date.now() - t0) / 1000) };
  })() : Promise.resolve();
  const rssStart = rssMb(ctx.app.pid);
  const byRoute = {};
  const r = await cannon(ctx.base, { connections, overallRate: rate, duration: seconds, requests: mixedRequests(ctx.pubkeys, ctx.pollJobId, byRoute) });
  const rssEnd = rssMb(ctx.app.pid);
  running = false;
  await Promise.all([sampler, chaos]);
  const jobOutcome = await jobs;
  const lag = samples.event_loop_lag_p99_ms.filter(Number.isFinite);
  return summarise(name, r, {
    target_rate_per_s: rate,
    by_route_and_status: byRoute,
    rss_start_mb: Math.round(rssStart),
    rss_end_mb: Math.round(rssEnd),
    rss_growth_pct: Number((((rssEnd - rssStart) / rssStart) * 100).toFixed(1)),
    event_loop_lag_p99_ms: { max: Math.max(...lag), median: lag.sort((a, b) => a - b)[Math.floor(lag.length / 2)] },
    health_states_seen: [...new Set(samples.health)],
    queued_jobs: jobOutcome,
    redis_outage: outageTimeline,
  });
}

async function main() {
  const routable = routablePubkeys();
  const pubkeys = spread(routable, PUBKEYS);
  // Queued jobs need more distinct pubkeys than the inline limit (50): 60 others, cheap `basic` analyses.
  const jobPubkeys = spread(routable, 60, 1);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soak-redis-'));
  const redis = await BenchRedis.start(dir);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = spawnApp(port, { REDIS_URL: redis.url, APP_ROLE: 'all', OPENAI_API_KEY: '', CACHE_NAMESPACE: `soak${Date.now().toString(36)}` });
  const report = { started_at: new Date().toISOString(), soak_seconds: SOAK_SECONDS, redis_outage_seconds: OUTAGE_SECONDS, cpus: os.cpus().length, phases: [] };
  try {
    await waitUntilReady(base);
    const ctx = { app, base, redis, pubkeys, jobPubkeys };
    const poll = await submitQueuedJob(base, jobPubkeys);
    if (poll.status !== 202) throw new Error(`could not create the polled job: ${poll.status}`);
    ctx.pollJobId = poll.id;

    // The first analysis of a node simulates channel candidates (about a second of CPU; cached for 10 minutes):
    // the soak measures the service answering operators about nodes it has seen, so the set is analysed first.
    // Advice computed before the centralities are ready lacks the candidates and is cached as such: wait for them.
    while ((await fetch(`${base}/api/v1/node/${pubkeys[0]}/channel-candidates?limit=1`).then((r) => r.status, () => 0)) === 503) await sleep(200);
    const warmStart = performance.now();
    for (let i = 0; i < pubkeys.length; i += 2) {
      await Promise.all(pubkeys.slice(i, i + 2).map(async (pk) => {
        await fetch(`${base}/api/v1/node/${pk}/recommendations`).then((r) => r.arrayBuffer());
        await fetch(`${base}/api/v1/node/${pk}/priorities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: PLAN_BODY }).then((r) => r.arrayBuffer());
      }));
    }
    report.warm_up = { pubkeys: pubkeys.length, seconds: Number(((performance.now() - warmStart) / 1000).toFixed(1)) };
    console.log(`warm-up: ${pubkeys.length} nodes analysed in ${report.warm_up.seconds} s`);

    const trivial = await cannon(base, { url: `${base}/api/v1/health/live`, connections: 10, duration: 5 });
    report.baseline = { route: 'GET /api/v1/health/live', rate_per_s: Math.round(trivial.requests.average), p50_ms: trivial.latency.p50, p99_ms: trivial.latency.p99 };

    let connections = FIXED_CONNECTIONS;
    let rate;
    report.calibration = [];
    if (connections === undefined) {
      for (const c of [2, 4, 8, 16, 32]) {
        const r = await cannon(base, { connections: c, duration: CALIBRATION_SECONDS, requests: mixedRequests(pubkeys, ctx.pollJobId) });
        report.calibration.push({ connections: c, rate_per_s: Math.round(r.requests.average), p99_ms: r.latency.p99, non2xx: r.non2xx });
        console.log(`calibration ${c} connections: ${Math.round(r.requests.average)} req/s, p99 ${r.latency.p99} ms`);
      }
      const ok = report.calibration.filter((c) => c.p99_ms < P99_TARGET_MS && c.non2xx === 0);
      const best = ok.sort((a, b) => b.rate_per_s - a.rate_per_s)[0] ?? report.calibration[0];
      connections = best.connections;
      rate = Math.max(1, Math.floor(best.rate_per_s * 0.9));
    } else {
      const r = await cannon(base, { connections, duration: CALIBRATION_SECONDS, requests: mixedRequests(pubkeys, ctx.pollJobId) });
      report.calibration.push({ connections, rate_per_s: Math.round(r.requests.average), p99_ms: r.latency.p99, non2xx: r.non2xx });
      rate = Math.max(1, Math.floor(r.requests.average * 0.9));
    }
    console.log(`soak: ${connections} connections at ${rate} req/s for ${SOAK_SECONDS} s, twice (the second with Redis killed for ${OUTAGE_SECONDS} s)`);

    report.phases.push(await phase('steady', ctx, { connections, rate, seconds: SOAK_SECONDS }));
    report.phases.push(await phase('redis-killed', ctx, { connections, rate, seconds: SOAK_SECONDS, outage: true }));
  } finally {
    app.kill('SIGTERM');
    await redis.kill().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const broken = [];
  for (const p of report.phases) {
    const fivexx = Object.entries(p.by_route_and_status).filter(([k]) => Number(k.split(' ')[1]) >= 500);
    const undocumented = fivexx.filter(([k]) => !DOCUMENTED_LOAD_5XX.has(k) && !(p.redis_outage && DOCUMENTED_OUTAGE_5XX.has(k)));
    p.undocumented_5xx = undocumented.reduce((n, [, c]) => n + c, 0);
    if (p.undocumented_5xx) broken.push(`${p.phase}: 5xx ${JSON.stringify(Object.fromEntries(undocumented))}`);
    if (p.errors || p.timeouts) broken.push(`${p.phase}: ${p.errors} connection errors, ${p.timeouts} timeouts`);
    if (p.queued_jobs.incomplete.length || p.queued_jobs.completed !== p.queued_jobs.accepted) broken.push(`${p.phase}: ${p.queued_jobs.accepted - p.queued_jobs.completed} accepted bulk jobs did not complete`);
    if (p.rss_growth_pct > MAX_RSS_GROWTH * 100) broken.push(`${p.phase}: RSS grew ${p.rss_growth_pct} %`);
    if (p.phase === 'steady' && p.p99_ms > P99_TARGET_MS) broken.push(`steady: p99 ${p.p99_ms} ms > ${P99_TARGET_MS} ms`);
  }
  report.baseline_p99_ratio = Object.fromEntries(report.phases.map((p) => [p.phase, Number((p.p99_ms / Math.max(report.baseline.p99_ms, 1)).toFixed(2))]));
  report.broken_promises = broken;
  const reportFile = path.join(ROOT, process.env.SOAK_REPORT ?? 'reports/soak.json');
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify(report, null, 2));
  console.log(broken.length ? `BROKEN: ${broken.join('; ')}` : 'all soak promises held');
  process.exit(broken.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
