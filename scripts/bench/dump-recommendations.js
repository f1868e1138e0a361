#!/usr/bin/env node
/**
 * Writes the whole-graph recommendations (en and fr) of a build, one JSON line per node, to check that an
 * optimisation leaves the output byte-identical: `node scripts/bench/dump-recommendations.js [dist] > out.jsonl`.
 */
const path = require('node:path');
const { EMBEDDED_2026 } = require('./bench-kit');

const distDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', 'dist'));
const load = (p) => require(path.join(distDir, p));
const graph = load('graph/loaders/graph-snapshot.loader.js').loadGraphSnapshot(EMBEDDED_2026);
const ranks = load('graph/stats/node-stats.js').computeNetworkRanks(graph);
const { analyseNode, networkFeeIndex } = load('intelligence/recommendations/node-analysis.js');
const { recommend } = load('intelligence/recommendations/recommendations.engine.js');
const state = { graph, ranks, loadedAt: new Date(0), loadMs: 0, source: 'embedded-graph:2026-02-03' };
networkFeeIndex(state);
const out = [];
for (let v = 0; v < graph.nodeCount; v++) {
  const a = analyseNode(state, v);
  out.push(JSON.stringify({ v, en: recommend(a, 'en'), fr: recommend(a, 'fr') }));
  if (out.length >= 2000) { process.stdout.write(out.join('\n') + '\n'); out.length = 0; }
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
