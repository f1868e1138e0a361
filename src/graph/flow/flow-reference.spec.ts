import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGraphSnapshot } from '../loaders/graph-snapshot.loader';
import { LightningGraph } from '../model/lightning-graph';
import { buildFlowGraph, FlowGraph } from './flow-graph';
import { DEFAULT_ROUTING } from './flow.types';
import { sampleDemand } from './demand';
import { simulateSeed, statsOf } from './simulate';
import { FLOW_REFERENCE_CASES, FLOW_REFERENCE_SNAPSHOT } from './testing/flow-reference-cases';

/** Written by scripts/reference/flow_reference.py (plain Python Dijkstra over the raw describegraph JSON). */
interface ReferencePayment {
  sender: string;
  receiver: string;
  amount_msat: number;
  /** [channel index in the file, pubkey of the hop's sender], sender → receiver; null when unroutable. */
  path: [number, string][] | null;
  fees_msat?: number;
}

interface Reference {
  snapshot: string;
  routing: Record<string, number>;
  cases: { name: string; seed: number; payments: ReferencePayment[]; node_revenue_msat: Record<string, number>; node_forwards: Record<string, number> }[];
}

const ROOT = join(__dirname, '../../..');
const reference = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/flow-reference-2026.json'), 'utf8')) as Reference;

describe('flow model against the independent Python reference (2026 mainnet snapshot)', () => {
  let g: LightningGraph;
  let fg: FlowGraph;

  beforeAll(() => {
    g = loadGraphSnapshot(join(ROOT, 'data/ln-graph', FLOW_REFERENCE_SNAPSHOT));
    fg = buildFlowGraph(g);
  });

  it('uses the same snapshot and routing parameters', () => {
    expect(reference.snapshot).toBe(FLOW_REFERENCE_SNAPSHOT);
    expect(reference.routing).toEqual(DEFAULT_ROUTING);
    expect(reference.cases.map((c) => c.name)).toEqual(FLOW_REFERENCE_CASES.map((c) => c.name));
  });

  describe.each(FLOW_REFERENCE_CASES.map((c) => [c.name, c] as const))('%s demand', (name, c) => {
    const ref = () => reference.cases.find((x) => x.name === name)!;

    it('samples the payments the reference routed (same seed, same payments)', () => {
      const d = sampleDemand(fg, c.demand, c.seed);
      const ours = d.groups.flatMap((grp) => Array.from(grp.senders, (s) => [g.pubkeys[s], g.pubkeys[grp.receiver], grp.amountMsat]));
      expect(ours).toEqual(ref().payments.map((p) => [p.sender, p.receiver, p.amount_msat]));
    });

    it('chooses the identical path for every payment (at least 1,000) and the same fees', () => {
      const routes = simulateSeed(fg, c.demand, DEFAULT_ROUTING, c.seed);
      const payments = ref().payments;
      expect(payments.length).toBeGreaterThanOrEqual(1000);
      expect(routes.paymentSender.length).toBe(payments.length);
      let mismatches = 0;
      payments.forEach((p, i) => {
        const lo = routes.hopOffset[i];
        const hi = routes.hopOffset[i + 1];
        const ours = hi === lo ? null : Array.from(routes.hopSlot.subarray(lo, hi), (s) => [s >> 1, g.pubkeys[fg.from[s]]]);
        if (JSON.stringify(ours) !== JSON.stringify(p.path)) mismatches++;
        else if (p.path) expect(routes.hopSentMsat[lo] - p.amount_msat).toBe(p.fees_msat);
      });
      expect(mismatches).toBe(0);
      // The comparison is not vacuous: most payments route, and some through intermediate hops.
      expect(payments.filter((p) => p.path && p.path.length > 1).length).toBeGreaterThan(100);
    });

    it('gives every node the same fee revenue and forwards', () => {
      const routes = simulateSeed(fg, c.demand, DEFAULT_ROUTING, c.seed);
      const st = statsOf(fg, routes);
      const revenue: Record<string, number> = {};
      const forwards: Record<string, number> = {};
      for (let v = 0; v < fg.nodeCount; v++) {
        if (st.nodeForwards[v] > 0 || st.nodeFeeMsat[v] !== 0) {
          revenue[g.pubkeys[v]] = st.nodeFeeMsat[v];
          forwards[g.pubkeys[v]] = st.nodeForwards[v];
        }
      }
      const refRevenue = Object.fromEntries(Object.entries(ref().node_revenue_msat).filter(([pk]) => (ref().node_forwards[pk] ?? 0) > 0 || ref().node_revenue_msat[pk] !== 0));
      expect(revenue).toEqual(refRevenue);
      expect(forwards).toEqual(ref().node_forwards);
      // Totals conserve: what senders paid in fees is what forwarding nodes earned.
      const paid = ref().payments.reduce((a, p) => a + (p.fees_msat ?? 0), 0);
      expect(st.feesMsat).toBe(paid);
      expect(Object.values(revenue).reduce((a, x) => a + x, 0)).toBe(paid);
    });
  });
});
