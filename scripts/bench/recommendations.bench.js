#!/usr/bin/env node
/**
 * Recommendations benchmark (not a test): `npm run bench:recommendations` (builds first).
 * 1. In one process, recommendations for every node of the embedded 2026 graph: nodes/s and total time
 *    (target: the whole graph in <= 10 s on 2 cores). With BENCH_BASELINE_DIST=/path/to/another/dist (a build
 *    of main, say), the same loop runs on that build first, in the same process, and the ratio is printed
 *    (issue 21's target: at most 1.5x). BENCH_RUNS=n alternates n runs of each (default 2) and prints best and
 *    median of each side and their ratios, in wall time and in the process's CPU time. BENCH_SKIP_HTTP=1 stops after this part.
 * 2. The compiled app: warm-cache GET /node/{pk}/recommendations for a median node with autocannon, p99 and
 *    requests/s as ratios to the trivial route GET /api/v1/health/live in the same run.
 */
const autocannon = require('autocannon');
const path = require('node:path');
const { EMBEDDED_2026, dist, freePort, loadEmbeddedGraph, routableByDegree, spawnApp, waitUntilReady } = require('./bench-kit');

const DURATION = Number(process.env.BENCH_DURATION ?? 8);

function timeWholeGraph(load, label, graph, ranks) {
  const { analyseNode, networkFeeIndex } = load('intelligence/recommendations/node-analysis.js');
  const { recommend } = load('intelligence/recommendations/recommendations.engine.js');
  const state = { graph, ranks, loadedAt: new Date(), loadMs: 0, source: 'embedded-graph:2026-02-03' };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  networkFeeIndex(state);
  let recs = 0;
  for (let v = 0; v < graph.nodeCount; v++) recs += recommend(analyseNode(state, v), 'fr').recommendations.length;
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  console.log(`${label}: ${graph.nodeCount} nodes in ${s.toFixed(2)} s (CPU ${cpu.toFixed(2)} s) = ${(graph.nodeCount / s).toFixed(0)} nodes/s, ${recs} recommendations`);
  return { s, cpu };
}

function wholeGraph() {
  const baseline = process.env.BENCH_BASELINE_DIST;
  if (baseline) {
    const load = (p) => require(path.join(path.resolve(baseline), p));
    const g = load('graph/loaders/graph-snapshot.loader.js').loadGraphSnapshot(EMBEDDED_2026);
    const r = load('graph/stats/node-stats.js').computeNetworkRanks(g);
    const { graph, ranks } = loadEmbeddedGraph();
    // Alternated, BENCH_RUNS times each (default 2), so that a busy moment of a shared machine does not land on one side only.
    const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 2));
    const before = [];
    const after = [];
    for (let i = 0; i < runs; i++) {
      before.push(timeWholeGraph(load, `baseline (${baseline})`, g, r));
      after.push(timeWholeGraph(dist, 'this build', graph, ranks));
    }
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    // Wall time and this process's CPU time: on a shared machine the wall clock also counts waiting for a core.
    for (const [what, key] of [['wall', 's'], ['CPU', 'cpu']]) {
      const b = before.map((x) => x[key]);
      const a = after.map((x) => x[key]);
      console.log(`${what}: baseline best ${Math.min(...b).toFixed(2)} s, median ${med(b).toFixed(2)} s; this build best ${Math.min(...a).toFixed(2)} s, median ${med(a).toFixed(2)} s (${runs} runs each)`);
      console.log(`${what} ratio this build / baseline: best ${(Math.min(...a) / Math.min(...b)).toFixed(2)}, median ${(med(a) / med(b)).toFixed(2)} (target <= 1.5)`);
    }
  }
  const { graph, ranks } = loadEmbeddedGraph();
  timeWholeGraph(dist, 'whole graph (target <= 10 s)', graph, ranks);
  const routable = routableByDegree({ graph, ranks });
  return graph.pubkeys[routable[Math.floor(routable.length / 2)]];
}

const cannon = (url, extra = {}) => new Promise((resolve, reject) => autocannon({ url, connections: 10, duration: DURATION, ...extra }, (e, r) => (e ? reject(e) : resolve(r))));

async function main() {
  const median = wholeGraph();
  if (process.env.BENCH_SKIP_HTTP) return; // the whole-graph part only
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = spawnApp(port, { REDIS_URL: '' });
  try {
    await waitUntilReady(base, 20);
    const url = `${base}/api/v1/node/${median}/recommendations`;
    await fetch(url).then((r) => r.arrayBuffer());
    const trivial = await cannon(`${base}/api/v1/health/live`);
    const recs = await cannon(url);
    console.log(`\nautocannon 10 connections x ${DURATION} s, warm cache (median node ${median})`);
    console.log(`trivial route      ${trivial.requests.average.toFixed(0)} req/s  p99 ${trivial.latency.p99} ms`);
    console.log(`recommendations    ${recs.requests.average.toFixed(0)} req/s  p99 ${recs.latency.p99} ms  (non-2xx ${recs.non2xx})`);
    console.log(`ratios: req/s ${(recs.requests.average / trivial.requests.average).toFixed(2)}, p99 ${(recs.latency.p99 / Math.max(trivial.latency.p99, 1)).toFixed(2)}`);
    // Priorities without a model key: the deterministic planner, warm (the plan is cached per request).
    const planUrl = `${base}/api/v1/node/${median}/priorities`;
    const plan = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ goals: ['routing_revenue', 'connectivity'], max_actions: 5, budget_limit: 2000000 }) };
    await fetch(planUrl, plan).then((r) => r.arrayBuffer());
    const prio = await cannon(planUrl, plan);
    console.log(`priorities (no key) ${prio.requests.average.toFixed(0)} req/s  p99 ${prio.latency.p99} ms  (non-2xx ${prio.non2xx}; target p99 <= 50 ms)`);
    console.log(`ratios: req/s ${(prio.requests.average / trivial.requests.average).toFixed(2)}, p99 ${(prio.latency.p99 / Math.max(trivial.latency.p99, 1)).toFixed(2)}`);
  } finally {
    app.kill('SIGTERM');
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
