#!/usr/bin/env node
/**
 * MCP overhead benchmark (not a test): `npm run bench:mcp` (builds first).
 * For the compiled app on the embedded 2026 graph, the same answers asked over REST and over POST /mcp
 * (a stateless tools/call: a new MCP server and transport per request), measured alternately in the same run:
 *   - find_node vs GET /api/v1/nodes/search?q=ACINQ (a cheap lookup: the MCP layer's cost shows);
 *   - get_node_info vs GET /api/v1/node/{ACINQ}/info (1,989 channels: serialisation dominates).
 * Prints p50 / p99 of each and the MCP / REST ratio. Sequential requests on one connection.
 * Env: BENCH_REQUESTS (per case and transport, default 400).
 */
const { freePort, spawnApp, waitUntilReady } = require('./bench-kit');

const N = Number(process.env.BENCH_REQUESTS ?? 400);
const ACINQ = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';
const MCP_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', 'MCP-Protocol-Version': '2025-06-18' };

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function timed(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = spawnApp(port, { REDIS_URL: '' });
  try {
    await waitUntilReady(base);
    const rest = (path) => async () => {
      const r = await fetch(`${base}${path}`);
      if (r.status !== 200) throw new Error(`${path} → ${r.status}`);
      await r.arrayBuffer();
    };
    const mcp = (name, args) => async () => {
      const r = await fetch(`${base}/mcp`, { method: 'POST', headers: MCP_HEADERS, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } }) });
      const body = await r.json();
      if (r.status !== 200 || body.result?.isError) throw new Error(`${name} → ${r.status} ${JSON.stringify(body).slice(0, 200)}`);
    };
    const cases = [
      ['find_node vs GET /nodes/search', rest('/api/v1/nodes/search?q=ACINQ'), mcp('find_node', { q: 'ACINQ' })],
      ['get_node_info vs GET /node/{ACINQ}/info', rest(`/api/v1/node/${ACINQ}/info`), mcp('get_node_info', { pubkey: ACINQ })],
    ];
    console.log(`MCP overhead, ${N} sequential requests per case and transport (warm cache), Node ${process.version}`);
    for (const [label, viaRest, viaMcp] of cases) {
      for (let i = 0; i < 30; i++) {
        await viaRest();
        await viaMcp();
      }
      const r = [];
      const m = [];
      for (let i = 0; i < N; i++) {
        r.push(await timed(viaRest));
        m.push(await timed(viaMcp));
      }
      r.sort((a, b) => a - b);
      m.sort((a, b) => a - b);
      const [r50, r99, m50, m99] = [quantile(r, 0.5), quantile(r, 0.99), quantile(m, 0.5), quantile(m, 0.99)];
      console.log(`${label}: REST p50 ${r50.toFixed(2)} ms p99 ${r99.toFixed(2)} ms | MCP p50 ${m50.toFixed(2)} ms p99 ${m99.toFixed(2)} ms | ratio p50 ${(m50 / r50).toFixed(2)}, p99 ${(m99 / r99).toFixed(2)}, +${(m50 - r50).toFixed(2)} ms at p50`);
    }
  } finally {
    app.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
