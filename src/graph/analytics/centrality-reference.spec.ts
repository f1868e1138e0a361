import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGraphSnapshot } from '../loaders/graph-snapshot.loader';
import { CentralityTable, computeCentralities } from './centralities';

/** Written by scripts/reference/centrality_reference.py (python-igraph, an independent implementation). */
interface ReferenceNode {
  label: string;
  pubkey: string;
  routable: boolean;
  degree: number | null;
  betweenness: number | null;
  betweenness_normalized: number | null;
  betweenness_rank: number | null;
  closeness_harmonic: number | null;
  closeness_harmonic_normalized: number | null;
  closeness_rank: number | null;
  eigenvector_unit: number | null;
  eigenvector_scaled: number | null;
  eigenvector_rank: number | null;
  mean_hop_distance: number | null;
}

interface Reference {
  snapshot: string;
  total_nodes: number;
  routable_nodes: number;
  routable_edges: number;
  largest_component_size: number;
  totals: { betweenness_sum: number; harmonic_sum: number; betweenness_max: number };
  nodes: ReferenceNode[];
}

const ROOT = join(__dirname, '../../..');
const reference = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/centrality-reference-2026.json'), 'utf8')) as Reference;

function expectRel(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
}

describe('centralities against the igraph reference (2026 mainnet snapshot)', () => {
  let t: CentralityTable;
  let indexOf: (pubkey: string) => number;

  beforeAll(() => {
    const g = loadGraphSnapshot(join(ROOT, 'data/ln-graph', reference.snapshot));
    indexOf = (pk) => g.indexOf(pk);
    t = computeCentralities(g);
  });

  it('builds the same routable graph', () => {
    expect(t.nodeCount).toBe(reference.total_nodes);
    expect(t.routableCount).toBe(reference.routable_nodes);
    expect(t.edgeCount).toBe(reference.routable_edges);
    expect(t.largestComponentSize).toBe(reference.largest_component_size);
  });

  it('agrees on the network-wide sums', () => {
    let bc = 0;
    let h = 0;
    let max = 0;
    for (let v = 0; v < t.nodeCount; v++) {
      if (!t.routable[v]) continue;
      bc += t.betweenness.raw[v];
      h += t.closeness.raw[v];
      max = Math.max(max, t.betweenness.raw[v]);
    }
    expectRel(bc, reference.totals.betweenness_sum, 1e-9);
    expectRel(h, reference.totals.harmonic_sum, 1e-9);
    expectRel(max, reference.totals.betweenness_max, 1e-9);
  });

  it.each(reference.nodes.map((n) => [n.label, n] as const))('agrees for %s', (_label, ref) => {
    const v = indexOf(ref.pubkey);
    expect(v).toBeGreaterThanOrEqual(0);
    expect(t.routable[v] === 1).toBe(ref.routable);
    if (!ref.routable) {
      expect(t.betweenness.raw[v]).toBeNaN();
      expect(t.closeness.rank[v]).toBe(0);
      expect(t.eigenvector.percentile[v]).toBeNaN();
      return;
    }
    expectRel(t.betweenness.raw[v], ref.betweenness!, 1e-9);
    expectRel(t.betweenness.normalized[v], ref.betweenness_normalized!, 1e-9);
    expect(t.betweenness.rank[v]).toBe(ref.betweenness_rank);
    expectRel(t.closeness.raw[v], ref.closeness_harmonic!, 1e-9);
    expectRel(t.closeness.normalized[v], ref.closeness_harmonic_normalized!, 1e-9);
    expect(t.closeness.rank[v]).toBe(ref.closeness_rank);
    expect(Math.abs(t.eigenvector.normalized[v] - ref.eigenvector_scaled!)).toBeLessThan(1e-9);
    expect(Math.abs(t.eigenvector.raw[v] - ref.eigenvector_unit!)).toBeLessThan(1e-9);
    expect(t.eigenvector.rank[v]).toBe(ref.eigenvector_rank);
    expectRel(t.meanHopDistance[v], ref.mean_hop_distance!, 1e-12);
  });
});
