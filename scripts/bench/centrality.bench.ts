/**
 * Exact betweenness (and all centralities) on real Lightning graphs: this engine with 2 worker threads vs
 * graphology-metrics (same run, getEdgeWeight: null) vs python-igraph's C implementation (spawned, when
 * installed). Prints figures; it is not a test.
 *
 *   npx ts-node --transpile-only scripts/bench/centrality.bench.ts             # engine from sources (ts-node workers)
 *   npx ts-node --transpile-only scripts/bench/centrality.bench.ts --compiled  # engine compiled by tsc first (as served)
 * Options: --skip-graphology, --skip-igraph, --runs N (engine repetitions, best one reported; default 5).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadAnalyticsEngine } from './analytics-engine';
import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import type { RoutableGraph } from '../../src/graph/analytics/routable-graph';

const ROOT = join(__dirname, '../..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const runs = (args.includes('--runs') && Number(args[args.indexOf('--runs') + 1])) || 5;

function findIgraphPython(): string | null {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import igraph'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return null;
}

function toGraphology(rg: RoutableGraph): UndirectedGraph {
  const g = new UndirectedGraph();
  for (let v = 0; v < rg.nodeCount; v++) if (rg.offsets[v + 1] > rg.offsets[v]) g.addNode(String(v));
  for (let v = 0; v < rg.nodeCount; v++) {
    for (let j = rg.offsets[v]; j < rg.offsets[v + 1]; j++) if (rg.neighbors[j] > v) g.addEdge(String(v), String(rg.neighbors[j]));
  }
  return g;
}

const s = (ms: number) => (ms / 1000).toFixed(2);

async function main(): Promise<void> {
  const engine = loadAnalyticsEngine(flag('--compiled'));
  const py = flag('--skip-igraph') ? null : findIgraphPython();
  console.log(`engine: ${engine.mode}`);
  console.log(`node ${process.version}, ${require('node:os').cpus().length} cores; igraph: ${py ? `python-igraph via ${py}` : 'not run'}\n`);

  const datasets = [
    { label: '2026-02-03 routable', file: 'cln_gossmap_2026-02-03.derived-describegraph.json.gz', all: false },
    { label: '2021-04-16 routable', file: 'cln_listchannels_2021-04-16.json.gz', all: false },
    { label: '2021-04-16 all announced channels', file: 'cln_listchannels_2021-04-16.json.gz', all: true },
  ];
  const rows: string[] = [];
  // Peak RSS before graphology builds its graphs: snapshot parse + engine (main and worker threads).
  let engineOnlyRss = 0;
  for (const ds of datasets) {
    const path = join(ROOT, 'data/ln-graph', ds.file);
    const g = engine.loader.loadGraphSnapshot(path);
    const rg = ds.all
      ? engine.routable.routableGraphFromEdges(g.nodeCount, Array.from({ length: g.channelCount }, (_, c) => [g.chanNode1[c], g.chanNode2[c]] as const))
      : engine.routable.buildRoutableGraph(g);
    console.log(`== ${ds.label}: ${rg.routableCount} nodes, ${rg.edgeCount} edges`);

    const times: number[] = [];
    let table = null as Awaited<ReturnType<typeof engine.centralities.computeCentralitiesInWorkers>> | null;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      table = await engine.centralities.computeCentralitiesInWorkers(rg, { workers: 2 });
      times.push(performance.now() - t0);
    }
    const ours = Math.min(...times);
    console.log(`  engine, 2 workers, all three centralities: ${times.map(s).join(' / ')} s (best ${s(ours)} s; first run includes worker start-up)`);
    let t0 = performance.now();
    engine.centralities.computeCentralities(rg);
    const oneThread = performance.now() - t0;
    console.log(`  engine, calling thread only:              ${s(oneThread)} s`);
    if (engineOnlyRss === 0) engineOnlyRss = Math.round(process.resourceUsage().maxRSS / 1024);
    let ourMax = 0;
    let ourSum = 0;
    for (let v = 0; v < rg.nodeCount; v++) if (table!.routable[v]) (ourMax = Math.max(ourMax, table!.betweenness.raw[v])), (ourSum += table!.betweenness.raw[v]);

    let graphology = NaN;
    if (!flag('--skip-graphology')) {
      const gg = toGraphology(rg);
      t0 = performance.now();
      const bc = betweennessCentrality(gg, { getEdgeWeight: null, normalized: true });
      graphology = performance.now() - t0;
      let maxRel = 0;
      gg.forEachNode((key) => {
        const v = Number(key);
        maxRel = Math.max(maxRel, Math.abs(table!.betweenness.normalized[v] - bc[key]) / Math.max(1e-300, Math.abs(bc[key]) || 1));
      });
      console.log(`  graphology-metrics betweenness:           ${s(graphology)} s (max relative difference to the engine ${maxRel.toExponential(1)})`);
    }

    let igraph = NaN;
    if (py) {
      const out = spawnSync(py, [join(ROOT, 'scripts/reference/igraph_betweenness.py'), path, ...(ds.all ? ['--all-channels'] : [])], { encoding: 'utf8' });
      if (out.status === 0) {
        const res = JSON.parse(out.stdout.trim().split('\n').pop()!);
        igraph = res.seconds * 1000;
        console.log(
          `  python-igraph betweenness (C, 1 thread):  ${s(igraph)} s (${res.nodes} nodes; max ${res.max.toFixed(3)} vs engine ${ourMax.toFixed(3)}, ` +
            `sum rel. diff ${(Math.abs(res.sum - ourSum) / res.sum).toExponential(1)})`,
        );
      } else {
        console.log(`  python-igraph failed: ${out.stderr.trim().split('\n').pop()}`);
      }
    }
    const ratio = (x: number) => (Number.isNaN(x) ? 'n/a' : `${(x / ours).toFixed(1)}x`);
    rows.push(
      `| ${ds.label} | ${rg.routableCount} | ${rg.edgeCount} | ${s(ours)} | ${s(oneThread)} | ${Number.isNaN(graphology) ? 'n/a' : s(graphology)} (${ratio(graphology)}) | ${Number.isNaN(igraph) ? 'n/a' : s(igraph)} (${ratio(igraph)}) |`,
    );
    console.log('');
  }
  console.log('| graph | nodes | edges | engine 2 workers, all centralities (s) | engine 1 thread (s) | graphology betweenness (s, × engine) | igraph betweenness (s, × engine) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(`\npeak RSS after the first graph's engine runs (JSON parse + engine, before graphology): ${engineOnlyRss} MB`);
  console.log(`peak RSS of the whole run (main + worker threads, graphology included): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
