/**
 * The payment-flow model (issue 24) on the embedded graph, compiled to plain JS (so worker threads start
 * without ts-node), with its targets beside each figure. Prints figures; it is not a test.
 *
 *   npm run bench:flow                      # defaults: 5 seeds × 24,000 payments (120,000), 2 workers
 *   npx ts-node --transpile-only scripts/bench/flow.bench.ts --payments 24000 --seeds 5 --workers 2
 *
 * Baselines measured in the same run: boot RSS (graph loaded, no model) for the memory target; the full
 * re-simulation of the same what-if for the fast path's speed-up and error.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FlowChange, NodeFlow, Spread, WhatIfResult } from '../../src/graph/flow/flow.types';

const ROOT = join(__dirname, '../..');
const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const payments = opt('--payments', 24_000);
const seeds = opt('--seeds', 5);
const workers = opt('--workers', 2);

function compile(): string {
  const out = mkdtempSync(join(tmpdir(), 'ln-flow-bench-'));
  const entries = ['graph/loaders/graph-snapshot.loader.ts', 'graph/flow/flow-engine.ts', 'graph/flow/flow.worker.ts'].map((f) => join(ROOT, 'src', f));
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--outDir', out, '--rootDir', join(ROOT, 'src'), '--module', 'commonjs',
    '--target', 'ES2022', '--strict', '--esModuleInterop', '--skipLibCheck', '--types', 'node', ...entries], { stdio: 'inherit' });
  return out;
}

const mb = (b: number) => (b / 1048576).toFixed(0);
const s = (ms: number) => (ms / 1000).toFixed(2);
const pct = (a: number, b: number) => (b === 0 ? (a === 0 ? '0.0' : 'n/a') : ((100 * (a - b)) / Math.abs(b)).toFixed(1));
const sp = (x: Spread) => `${x.p50.toFixed(1)} [${x.p10.toFixed(1)}–${x.p90.toFixed(1)}]`;

async function main(): Promise<void> {
  const base = compile();
  const { loadGraphSnapshot } = require(join(base, 'graph/loaders/graph-snapshot.loader')) as typeof import('../../src/graph/loaders/graph-snapshot.loader');
  const { FlowEngine } = require(join(base, 'graph/flow/flow-engine')) as typeof import('../../src/graph/flow/flow-engine');
  const g = loadGraphSnapshot(join(ROOT, 'data/ln-graph/cln_gossmap_2026-02-03.derived-describegraph.json.gz'));
  global.gc?.();
  const bootRss = process.memoryUsage().rss;
  console.log(`graph: ${g.nodeCount} nodes, ${g.channelCount} channels; ${seeds} seeds × ${payments} payments, ${workers} workers`);

  // The event loop stays free while the workers compute: measure the worst timer lag meanwhile.
  let maxLag = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    maxLag = Math.max(maxLag, now - last - 10);
    last = now;
  }, 10);
  const engine = new FlowEngine({ workers, demand: { paymentsPerSeed: payments, seeds } });
  const t0 = performance.now();
  await engine.start(g);
  const readyMs = performance.now() - t0;
  clearInterval(tick);
  global.gc?.();
  const readyRss = process.memoryUsage().rss;
  const t = engine.totals();
  console.log(`\nready: ${s(readyMs)} s for ${seeds * payments} payments (target ≤ 30 s: ${readyMs <= 30_000 ? 'met' : 'NOT met'}); main-thread max timer lag ${maxLag.toFixed(0)} ms`);
  console.log(`RSS: boot ${mb(bootRss)} MB, after ready ${mb(readyRss)} MB, +${mb(readyRss - bootRss)} MB (target ≤ +150 MB: ${readyRss - bootRss <= 150 * 1048576 ? 'met' : 'NOT met'})`);
  console.log(`network per day: ${t.paymentsPerDay} payments, unroutable ${sp({ p10: 100 * t.unroutableShare.p10, p50: 100 * t.unroutableShare.p50, p90: 100 * t.unroutableShare.p90 })} %, ` +
    `volume ${(t.routedVolumeSatPerDay.p50 / 1e8).toFixed(0)} BTC, forwards ${t.forwardsPerDay.p50.toFixed(0)}, fees ${(t.feesSatPerDay.p50 / 1e8).toFixed(3)} BTC, hops/payment ${t.meanHopsPerPayment.p50.toFixed(2)}`);

  const ranked = g.pubkeys.map((pk) => [pk, engine.nodeFlow(pk)] as const).filter(([pk]) => engine.channelFlows(pk).length >= 10).sort((a, b) => b[1].forwardsPerDay.p50 - a[1].forwardsPerDay.p50);
  const withFlow = ranked.filter(([, f]) => f.forwardsPerDay.p50 > 0);
  const cases: [string, string, NodeFlow][] = [
    ['busiest', ranked[0][0], ranked[0][1]],
    ['ordinary (median forwarding node with ≥ 10 channels)', withFlow[withFlow.length >> 1][0], withFlow[withFlow.length >> 1][1]],
  ];
  for (const [label, pk, flow] of cases) {
    const chans = engine.channelFlows(pk);
    console.log(`\n${label}: ${pk.slice(0, 16)}… (${chans.length} channels), forwards/day ${sp(flow.forwardsPerDay)}, revenue sat/day ${sp(flow.feeRevenueSatPerDay)}`);
    // Ten changes: the busiest nine directions' fees ±50 % alternately, plus a new channel to a big node.
    const changes: FlowChange[] = chans.slice(0, 9).map((c, i) => ({ kind: 'policy', channelId: c.channelId, feeRatePpm: Math.round(feeOf(g, pk, c.channelId) * (i % 2 ? 1.5 : 0.5)) }));
    const target = ranked.find(([other]) => other !== pk && !chans.some((c) => c.toPubkey === other))![0];
    changes.push({ kind: 'new_channel', peer: target, capacitySat: 5_000_000 });
    await engine.computeWhatIf(pk, changes); // warm-up
    const fast = await engine.computeWhatIf(pk, changes);
    const full = await engine.computeWhatIf(pk, changes, { fullResimulation: true });
    report('what-if (10 changes)', fast, full);
    const peer = chans[0].toPubkey;
    const rates = [0, 50, 100, 200, 400, 800, 1600, 3200];
    const curve = await engine.feeCurve(pk, peer, rates);
    const curveFull = await engine.feeCurve(pk, peer, rates, { fullResimulation: true });
    const dF = Math.max(...curve.points.map((p, i) => Math.abs(p.nodeForwardsPerDay.p50 - curveFull.points[i].nodeForwardsPerDay.p50)));
    console.log(`  fee curve (${rates.length} points, channel to ${peer.slice(0, 12)}…): fast ${s(curve.computeMs)} s (target ≤ 3 s: ${curve.computeMs <= 3000 ? 'met' : 'NOT met'}), full ${s(curveFull.computeMs)} s, ` +
      `speed-up ×${(curveFull.computeMs / curve.computeMs).toFixed(1)}; best rate fast ${curve.bestFeeRatePpm} ppm vs full ${curveFull.bestFeeRatePpm} ppm; max |Δ node forwards/day| ${dF.toFixed(2)}`);
    console.log('  ' + curve.points.map((p) => `${p.feeRatePpm}ppm: ${p.forwardsPerDay.p50.toFixed(1)} fwd, node ${p.nodeFeeRevenueSatPerDay.p50.toFixed(0)} sat`).join(' | '));
  }
  await engine.stop();
}

function feeOf(g: import('../../src/graph/model/lightning-graph').LightningGraph, pk: string, channelId: string): number {
  const v = g.indexOf(pk);
  for (const c of g.channelsOf(v)) if ((g.chanScid[c] ?? g.chanPoint[c] ?? `#${c}`) === channelId) return Math.max(1, g.feeRatePpm[g.outboundSlot(c, v)]);
  return 1;
}

function report(label: string, fast: WhatIfResult, full: WhatIfResult): void {
  console.log(`  ${label}: fast ${s(fast.computeMs)} s (${fast.reroutedGroups}/${fast.totalGroups} groups re-routed; target ≤ 3 s: ${fast.computeMs <= 3000 ? 'met' : 'NOT met'}), ` +
    `full ${s(full.computeMs)} s, speed-up ×${(full.computeMs / fast.computeMs).toFixed(1)}`);
  console.log(`    node after: forwards/day fast ${sp(fast.after.forwardsPerDay)} vs full ${sp(full.after.forwardsPerDay)} (Δ ${pct(fast.after.forwardsPerDay.p50, full.after.forwardsPerDay.p50)} %), ` +
    `revenue sat/day fast ${sp(fast.after.feeRevenueSatPerDay)} vs full ${sp(full.after.feeRevenueSatPerDay)} (Δ ${pct(fast.after.feeRevenueSatPerDay.p50, full.after.feeRevenueSatPerDay.p50)} %); before ${sp(fast.before.forwardsPerDay)} fwd, ${sp(fast.before.feeRevenueSatPerDay)} sat`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
