/**
 * How many recommendations each rule gives over every node of the embedded 2026 graph (not a test):
 *   npx ts-node --transpile-only scripts/advice-census.ts                       # this source tree
 *   npx ts-node --transpile-only scripts/advice-census.ts --dist /path/to/dist  # a build of another commit
 * Counts what the API returns (after the per-rule cap), what the cap left out, and the node roles.
 */
import { join } from 'node:path';

const EMBEDDED_2026 = join(__dirname, '..', 'data/ln-graph/cln_gossmap_2026-02-03.derived-describegraph.json.gz');
const distAt = process.argv.indexOf('--dist');
const root = distAt > 0 ? process.argv[distAt + 1] : join(__dirname, '..', 'src');
const load = (p: string) => require(join(root, p));

const { loadGraphSnapshot } = load('graph/loaders/graph-snapshot.loader');
const { computeNetworkRanks } = load('graph/stats/node-stats');
const { analyseNode, networkFeeIndex } = load('intelligence/recommendations/node-analysis');
const { recommend } = load('intelligence/recommendations/recommendations.engine');

const graph = loadGraphSnapshot(EMBEDDED_2026);
const state = { graph, ranks: computeNetworkRanks(graph), loadedAt: new Date(), loadMs: 0, source: 'embedded-graph:2026-02-03' };
networkFeeIndex(state);
const given: Record<string, number> = {};
const left: Record<string, number> = {};
const roles: Record<string, number> = {};
let total = 0;
for (let v = 0; v < graph.nodeCount; v++) {
  const set = recommend(analyseNode(state, v), 'en');
  for (const r of set.recommendations as Array<{ rule: string }>) given[r.rule] = (given[r.rule] ?? 0) + 1;
  for (const [rule, n] of Object.entries(set.omitted as Record<string, number>)) left[rule] = (left[rule] ?? 0) + n;
  if (set.node_role) roles[set.node_role.role] = (roles[set.node_role.role] ?? 0) + 1;
  total += set.recommendations.length;
}
console.log(`${graph.nodeCount} nodes, ${total} recommendations (${root})`);
console.log('rule'.padEnd(24), 'given'.padStart(8), 'omitted'.padStart(8));
for (const rule of Object.keys({ ...given, ...left }).sort()) console.log(rule.padEnd(24), String(given[rule] ?? 0).padStart(8), String(left[rule] ?? 0).padStart(8));
if (Object.keys(roles).length) console.log('roles:', JSON.stringify(roles));
