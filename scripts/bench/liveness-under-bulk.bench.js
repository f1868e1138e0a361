#!/usr/bin/env node
/**
 * Liveness under a bulk job (not a test): `npm run bench:liveness` (builds first; needs redis-server on the PATH).
 * One instance (APP_ROLE=all, Redis, the app's defaults) on the embedded 2026 graph, once its centralities are
 * ready:
 *   1. idle: GET /api/v1/health/live, one probe after another with a 20 ms pause, BENCH_IDLE_PROBES times
 *      (default 500): p50 / p99 / max;
 *   2. under load: the same probes for as long as a `channel_candidates` job of BENCH_PUBKEYS routable nodes
 *      (default 1,000, spread evenly over the degree order) runs on that instance; its status is read every second.
 * Prints both, their ratio and the target (p99 within 100 ms under load). A probe gets 10 s; one that does not
 * answer in time counts as 10 s (and is reported). The machine may be shared: say so with the figures.
 */
const { availableParallelism } = require('node:os');
const { sleep, freePort, loadEmbeddedGraph, routableByDegree, spawnApp, waitUntilReady, BenchRedis } = require('./bench-kit');

const IDLE_PROBES = Number(process.env.BENCH_IDLE_PROBES ?? 500);
const PUBKEYS = Number(process.env.BENCH_PUBKEYS ?? 1000);
const PROBE_TIMEOUT_MS = 10_000;
const TARGET_P99_MS = 100;
const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';

/** One liveness probe: milliseconds to a 200, or null when it failed or timed out. */
async function probe(base) {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}/api/v1/health/live`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await res.arrayBuffer();
    return res.status === 200 ? performance.now() - t0 : null;
  } catch {
    return null;
  }
}

function summary(samples) {
  const ms = samples.map((x) => x ?? PROBE_TIMEOUT_MS).sort((a, b) => a - b);
  const q = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
  return { n: ms.length, failed: samples.filter((x) => x === null).length, p50: q(0.5), p99: q(0.99), max: ms[ms.length - 1] };
}

const fmt = (s) => `n=${s.n}, failed ${s.failed}, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`;

async function main() {
  const redis = await BenchRedis.start();
  const port = await freePort();
  const proc = spawnApp(port, { REDIS_URL: redis.url, APP_ROLE: 'all' });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(base);
    for (;;) {
      const info = await (await fetch(`${base}/api/v1/node/${ACINQ}/info`)).json();
      if (info.network_position?.status === 'ready') break;
      await sleep(250);
    }
    const g = loadEmbeddedGraph();
    const routable = routableByDegree(g);
    const step = routable.length / PUBKEYS;
    const pubkeys = Array.from({ length: PUBKEYS }, (_, i) => g.graph.pubkeys[routable[Math.floor(i * step)]]);
    console.log(`node ${process.version}, ${availableParallelism()} cores; ${routable.length} routable nodes, job of ${pubkeys.length}\n`);

    const idle = [];
    for (let i = 0; i < IDLE_PROBES; i++) {
      idle.push(await probe(base));
      await sleep(20);
    }
    const idleS = summary(idle);
    console.log(`idle:       ${fmt(idleS)}`);

    const res = await fetch(`${base}/api/v1/nodes/bulk-analysis`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pubkeys, analysis_types: ['channel_candidates'] }) });
    const job = await res.json();
    if (res.status !== 202) throw new Error(`submit: ${res.status} ${JSON.stringify(job)}`);
    const t0 = Date.now();
    const load = [];
    const statusCodes = {};
    let last = { status: 'queued' };
    let nextStatus = 0;
    while (last.status === 'queued' || last.status === 'running') {
      load.push(await probe(base));
      if (Date.now() >= nextStatus) {
        nextStatus = Date.now() + 1000;
        const s = await fetch(`${base}/api/v1/nodes/bulk-analysis/${job.job_id}?page_size=1`).catch(() => null);
        statusCodes[s?.status ?? 'error'] = (statusCodes[s?.status ?? 'error'] ?? 0) + 1;
        if (s?.status === 200) last = await s.json();
      }
      await sleep(20);
    }
    const loadS = summary(load);
    const seconds = (Date.now() - t0) / 1000;
    console.log(`under load: ${fmt(loadS)}`);
    console.log(`job: ${last.status}, ${last.progress.done}/${last.progress.total} done (${last.progress.failed} failed) in ${seconds.toFixed(1)} s = ${(last.progress.done / seconds).toFixed(2)} items/s; status reads ${JSON.stringify(statusCodes)}`);
    console.log(`ratio under load / idle: p50 ${(loadS.p50 / idleS.p50).toFixed(2)}x, p99 ${(loadS.p99 / idleS.p99).toFixed(2)}x`);
    console.log(`target p99 <= ${TARGET_P99_MS} ms under load: ${loadS.p99 <= TARGET_P99_MS && loadS.failed === 0 ? 'met' : 'NOT met'}`);
  } finally {
    proc.kill('SIGTERM');
    await redis.kill();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
