#!/usr/bin/env node
/**
 * Foundation benchmark (not a test): run with `npm run bench:boot` (builds first).
 * Prints, for the compiled app on the embedded 2026 graph:
 *   - time from process start to /api/v1/health/ready = 200, and RSS then;
 *   - warm-cache GET /node/{pk}/info requests/s and p99 (autocannon) for a median node and for the largest
 *     node, each as a ratio to the trivial route GET /api/v1/health/live measured in the same run.
 * Env: BENCH_DURATION (s, default 8), BENCH_CONNECTIONS (default 10).
 */
const autocannon = require('autocannon');
const { freePort, loadEmbeddedGraph, routableByDegree, rssMb, spawnApp } = require('./bench-kit');

const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function waitReady(base, t0) {
  for (;;) {
    try {
      const r = await fetch(`${base}/api/v1/health/ready`);
      if (r.status === 200) return performance.now() - t0;
    } catch {}
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The median node: the routable node at the median degree, and the node with the most channels. */
function pickNodes() {
  const embedded = loadEmbeddedGraph();
  const g = embedded.graph;
  const routable = routableByDegree(embedded);
  const median = routable[Math.floor(routable.length / 2)];
  let largest = 0;
  for (let v = 0; v < g.nodeCount; v++) if (g.channelsOf(v).length > g.channelsOf(largest).length) largest = v;
  const d = (v) => ({ pubkey: g.pubkeys[v], alias: g.aliases[v], channels: g.channelsOf(v).length });
  return { median: d(median), largest: d(largest) };
}

function cannon(url) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

async function main() {
  const nodes = pickNodes();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const app = spawnApp(port, { REDIS_URL: '' });
  try {
    const bootMs = await waitReady(base, t0);
    const rssAfterBoot = rssMb(app.pid);
    console.log(`boot to ready: ${(bootMs / 1000).toFixed(2)} s (target <= 3 s)`);
    console.log(`RSS after boot: ${rssAfterBoot.toFixed(0)} MB (target <= 250 MB)`);
    // Centralities are computed in worker threads after the graph loads; the API is ready before them.
    let peakRss = rssAfterBoot;
    for (;;) {
      const r = await fetch(`${base}/api/v1/node/${nodes.median.pubkey}/info?use_cache=false`).then((x) => x.json());
      peakRss = Math.max(peakRss, rssMb(app.pid));
      if (r.network_position.status === 'ready') break;
      await new Promise((res) => setTimeout(res, 50));
    }
    console.log(`centralities ready: ${((performance.now() - t0) / 1000).toFixed(2)} s after start (target <= 15 s); peak RSS meanwhile ${peakRss.toFixed(0)} MB`);
    const routes = {
      trivial: `${base}/api/v1/health/live`,
      median: `${base}/api/v1/node/${nodes.median.pubkey}/info`,
      largest: `${base}/api/v1/node/${nodes.largest.pubkey}/info`,
    };
    for (const u of [routes.median, routes.largest]) await fetch(u).then((r) => r.arrayBuffer()); // warm the cache
    const results = {};
    for (const [name, url] of Object.entries(routes)) {
      const r = await cannon(url);
      results[name] = { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
    }
    const t = results.trivial;
    console.log(`\nautocannon ${CONNECTIONS} connections x ${DURATION} s each, warm cache, in-memory cache store`);
    console.log('route                         req/s     p99 ms   ratio req/s vs trivial   non-2xx');
    const line = (name, label) => {
      const r = results[name];
      console.log(`${label.padEnd(28)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p99).padStart(9)}   ${(r.rps / t.rps).toFixed(2).padStart(10)}             ${r.non2xx + r.errors}`);
    };
    line('trivial', 'GET /health/live (trivial)');
    line('median', `median node (${nodes.median.channels} ch)`);
    line('largest', `largest node (${nodes.largest.channels} ch)`);
    console.log(`\nmedian node ${nodes.median.pubkey} (${nodes.median.alias}); largest ${nodes.largest.pubkey} (${nodes.largest.alias})`);
    console.log(`median-node ratio ${(results.median.rps / t.rps).toFixed(2)} (target >= 0.50)`);
    console.log(`RSS after load: ${rssMb(app.pid).toFixed(0)} MB`);
  } finally {
    app.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
