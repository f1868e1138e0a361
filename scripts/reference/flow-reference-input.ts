/**
 * Writes the seeded payments the flow reference routes (scripts/reference/flow_reference.py): the engine's own
 * sampler, so the Python side routes exactly the payments the engine routes. Also writes the node order (the
 * heap's last tie-break) and the routing parameters.
 *
 *   npx ts-node --transpile-only scripts/reference/flow-reference-input.ts [out.json]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGraphSnapshot } from '../../src/graph/loaders/graph-snapshot.loader';
import { buildFlowGraph } from '../../src/graph/flow/flow-graph';
import { sampleDemand } from '../../src/graph/flow/demand';
import { DEFAULT_ROUTING } from '../../src/graph/flow/flow.types';
import { FLOW_REFERENCE_CASES, FLOW_REFERENCE_SNAPSHOT } from '../../src/graph/flow/testing/flow-reference-cases';

const ROOT = join(__dirname, '../..');
const out = process.argv[2] ?? '/tmp/flow-reference-input.json';
const g = loadGraphSnapshot(join(ROOT, 'data/ln-graph', FLOW_REFERENCE_SNAPSHOT));
const fg = buildFlowGraph(g);
const cases = FLOW_REFERENCE_CASES.map((c) => {
  const d = sampleDemand(fg, c.demand, c.seed);
  return {
    name: c.name,
    seed: c.seed,
    groups: d.groups.map((grp) => ({ receiver: g.pubkeys[grp.receiver], amount_msat: grp.amountMsat, senders: Array.from(grp.senders, (s) => g.pubkeys[s]) })),
  };
});
writeFileSync(out, JSON.stringify({ snapshot: FLOW_REFERENCE_SNAPSHOT, node_order: g.pubkeys, routing: DEFAULT_ROUTING, cases }));
console.log(`wrote ${out}: ${cases.map((c) => `${c.name} ${c.groups.reduce((a, x) => a + x.senders.length, 0)} payments`).join(', ')}`);
