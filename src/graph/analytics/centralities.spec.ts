import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import closenessCentrality from 'graphology-metrics/centrality/closeness';
import eigenvectorCentrality from 'graphology-metrics/centrality/eigenvector';
import { join } from 'node:path';
import { loadGraphSnapshot } from '../loaders/graph-snapshot.loader';
import {
  CentralityTable,
  computeCentralities,
  computeCentralitiesInWorkers,
  deserializeCentralityTable,
  serializeCentralityTable,
} from './centralities';
import { EdgeInput, RoutableGraph, routableGraphFromEdges } from './routable-graph';
import { lightningGraphOf, randomLightningLikeEdges } from './testing/test-graphs';

const SNAPSHOT_2026 = join(__dirname, '../../../data/ln-graph/cln_gossmap_2026-02-03.derived-describegraph.json.gz');

function centralitiesOf(n: number, edges: EdgeInput[]): CentralityTable {
  return computeCentralities(routableGraphFromEdges(n, edges));
}

/** The routable nodes of `rg` as a graphology graph (keys are node indices). */
function toGraphology(rg: RoutableGraph): UndirectedGraph {
  const g = new UndirectedGraph();
  for (let v = 0; v < rg.nodeCount; v++) if (rg.offsets[v + 1] > rg.offsets[v]) g.addNode(String(v));
  for (let v = 0; v < rg.nodeCount; v++) {
    for (let j = rg.offsets[v]; j < rg.offsets[v + 1]; j++) if (rg.neighbors[j] > v) g.addEdge(String(v), String(rg.neighbors[j]));
  }
  return g;
}

/** Harmonic closeness by plain BFS over graphology's adjacency: an independent, obviously-correct version. */
function harmonicByBfs(g: UndirectedGraph): Record<string, number> {
  const out: Record<string, number> = {};
  g.forEachNode((s) => {
    const dist = new Map<string, number>([[s, 0]]);
    const queue = [s];
    let h = 0;
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i];
      const d = dist.get(v)!;
      if (d > 0) h += 1 / d;
      g.forEachNeighbor(v, (w) => {
        if (!dist.has(w)) {
          dist.set(w, d + 1);
          queue.push(w);
        }
      });
    }
    out[s] = h;
  });
  return out;
}

function expectRelClose(actual: number, expected: number, rel = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
}

function crossCheck(rg: RoutableGraph, t: CentralityTable, opts: { eigen: boolean }): void {
  const g = toGraphology(rg);
  const bc = betweennessCentrality(g, { getEdgeWeight: null, normalized: false });
  const bcNorm = betweennessCentrality(g, { getEdgeWeight: null, normalized: true });
  const classic = closenessCentrality(g);
  const harmonic = harmonicByBfs(g);
  g.forEachNode((key) => {
    const v = Number(key);
    expect(t.routable[v]).toBe(1);
    expectRelClose(t.betweenness.raw[v], bc[key]);
    expectRelClose(t.betweenness.normalized[v], bcNorm[key]);
    expectRelClose(t.closeness.raw[v], harmonic[key]);
    // graphology's (non Wasserman-Faust) closeness is reachable / Σ distances = 1 / mean hop distance.
    expectRelClose(1 / t.meanHopDistance[v], classic[key]);
  });
  if (opts.eigen) {
    const ev = eigenvectorCentrality(g, { getEdgeWeight: null, tolerance: 1e-15, maxIterations: 100000 });
    g.forEachNode((key) => expect(Math.abs(t.eigenvector.raw[Number(key)] - ev[key])).toBeLessThan(1e-9));
  }
}

describe('computeCentralities', () => {
  it('scores a star: the hub carries every pair of leaves', () => {
    const t = centralitiesOf(5, [[0, 1], [0, 2], [0, 3], [0, 4]]);
    expect(Array.from(t.betweenness.raw)).toEqual([6, 0, 0, 0, 0]);
    expect(t.betweenness.normalized[0]).toBe(1);
    expect(t.closeness.raw[0]).toBe(4);
    expect(t.closeness.raw[1]).toBeCloseTo(2.5, 12);
    expect(t.closeness.normalized[1]).toBeCloseTo(0.625, 12);
    expect(t.eigenvector.normalized[0]).toBeCloseTo(1, 10);
    expect(t.eigenvector.normalized[3]).toBeCloseTo(0.5, 10);
    expect(t.eigenvector.raw[0]).toBeCloseTo(Math.SQRT1_2, 10);
    expect(t.eigenvalue).toBeCloseTo(2, 10);
    expect(Array.from(t.betweenness.rank)).toEqual([1, 2, 2, 2, 2]);
    expect(Array.from(t.betweenness.percentile)).toEqual([80, 0, 0, 0, 0]);
    expect(t.meanHopDistance[0]).toBe(1);
    expect(t.meanHopDistance[2]).toBeCloseTo(7 / 4, 12);
  });

  it('scores a path 0-1-2-3-4', () => {
    const t = centralitiesOf(5, [[0, 1], [1, 2], [2, 3], [3, 4]]);
    expect(Array.from(t.betweenness.raw)).toEqual([0, 3, 4, 3, 0]);
    expect(Array.from(t.betweenness.rank)).toEqual([4, 2, 1, 2, 4]);
    expect(t.closeness.raw[0]).toBeCloseTo(1 + 1 / 2 + 1 / 3 + 1 / 4, 12);
    expect(t.closeness.raw[2]).toBeCloseTo(3, 12);
    expect(t.closeness.rank[2]).toBe(1);
    expect(t.closeness.rank[1]).toBe(t.closeness.rank[3]);
  });

  it('scores two 4-cliques joined by a bridge', () => {
    const clique = (o: number): EdgeInput[] => [[o, o + 1], [o, o + 2], [o, o + 3], [o + 1, o + 2], [o + 1, o + 3], [o + 2, o + 3]];
    const t = centralitiesOf(8, [...clique(0), ...clique(4), [3, 4]]);
    expect(Array.from(t.betweenness.raw)).toEqual([0, 0, 0, 12, 12, 0, 0, 0]);
    expect(t.betweenness.normalized[3]).toBeCloseTo(12 / 21, 12);
    expect(t.closeness.raw[0]).toBeCloseTo(3 + 1 / 2 + 1, 12);
    expect(t.closeness.raw[3]).toBeCloseTo(4 + 3 / 2, 12);
    expect(t.eigenvector.rank[3]).toBe(1);
    expect(t.eigenvector.rank[4]).toBe(1);
  });

  it('handles disconnected pairs: no betweenness, eigenvector on one deterministic component', () => {
    const t = centralitiesOf(4, [[0, 1], [2, 3]]);
    expect(Array.from(t.betweenness.raw)).toEqual([0, 0, 0, 0]);
    expect(Array.from(t.closeness.raw)).toEqual([1, 1, 1, 1]);
    expect(t.closeness.normalized[0]).toBeCloseTo(1 / 3, 12);
    expect(t.largestComponentSize).toBe(2);
    expect(t.eigenvector.raw[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(t.eigenvector.raw[2]).toBe(0);
    expect(Array.from(t.eigenvector.rank)).toEqual([1, 1, 3, 3]);
  });

  it('collapses parallel channels and leaves zombie-only nodes unroutable, unranked', () => {
    const g = lightningGraphOf(5, [
      { a: 0, b: 1 },
      { a: 0, b: 1, capacitySat: 5 },
      { a: 1, b: 2, feeA: null },
      { a: 2, b: 3, disabled: true },
      { a: 3, b: 4, feeA: null, feeB: null },
    ]);
    const t = computeCentralities(g);
    expect(t.routableCount).toBe(3);
    expect(t.edgeCount).toBe(2);
    expect(Array.from(t.routable)).toEqual([1, 1, 1, 0, 0]);
    expect(t.betweenness.raw[1]).toBe(1);
    expect(t.betweenness.rank[1]).toBe(1);
    for (const v of [3, 4]) {
      expect(t.betweenness.raw[v]).toBeNaN();
      expect(t.closeness.normalized[v]).toBeNaN();
      expect(t.eigenvector.percentile[v]).toBeNaN();
      expect(t.betweenness.rank[v]).toBe(0);
      expect(t.meanHopDistance[v]).toBeNaN();
    }
    // Ranks count routable nodes only: the two leaves tie for second, not for a place behind the zombies.
    expect(t.betweenness.rank[0]).toBe(2);
    expect(t.betweenness.percentile[1]).toBeCloseTo((100 * 2) / 3, 1);
    expect(t.graphVersion).toBe('test');
  });

  it('copes with graphs without any edge or with a single one', () => {
    const empty = centralitiesOf(3, []);
    expect(empty.routableCount).toBe(0);
    expect(Array.from(empty.betweenness.rank)).toEqual([0, 0, 0]);
    const one = centralitiesOf(3, [[0, 2]]);
    expect(Array.from(one.betweenness.normalized)).toEqual([0, NaN, 0]);
    expect(one.closeness.normalized[0]).toBe(1);
    expect(one.eigenvector.normalized[2]).toBeCloseTo(1, 12);
  });

  it.each([1, 2, 3, 4, 5])('matches graphology-metrics on random Lightning-like graph #%i', (seed) => {
    const rg = routableGraphFromEdges(300, randomLightningLikeEdges(300, seed));
    const t = computeCentralities(rg);
    // Eigenvector only where the graph is connected apart from the isolated pairs graphology would mix in.
    crossCheck(rg, t, { eigen: false });
  });

  it('matches graphology-metrics eigenvector centrality on connected graphs', () => {
    for (const seed of [11, 12, 13]) {
      const rg = routableGraphFromEdges(200, randomLightningLikeEdges(200, seed, { pairs: 0 }).filter((e) => e[0] !== 199 && e[1] !== 199));
      // Index 199 is the unroutable one in this generator with pairs: 0 (kept out so the graph is connected).
      const t = computeCentralities(rg, { eigenvector: { tolerance: 1e-15 } });
      expect(t.largestComponentSize).toBe(t.routableCount);
      crossCheck(rg, t, { eigen: true });
    }
  });

  it('matches graphology-metrics on a 700-node ball of the 2026 mainnet graph', () => {
    const g = loadGraphSnapshot(SNAPSHOT_2026);
    const full = computeCentralities(g);
    // Nodes within 2 hops of a mid-sized routing node, with every routable edge among them.
    const centre = Array.from(full.betweenness.rank).findIndex((r) => r === 150);
    const inBall = new Set<number>([centre]);
    let frontier = [centre];
    const usablePeers = (v: number) =>
      Array.from(g.channelsOf(v))
        .filter((c) => g.isUsable(c))
        .map((c) => g.peerOf(c, v));
    for (let hop = 0; hop < 2 && inBall.size < 700; hop++) {
      const next: number[] = [];
      for (const v of frontier) for (const w of usablePeers(v)) if (!inBall.has(w) && inBall.size < 700) (inBall.add(w), next.push(w));
      frontier = next;
    }
    const edges: EdgeInput[] = [];
    for (const v of inBall) for (const w of usablePeers(v)) if (inBall.has(w) && v < w) edges.push([v, w]);
    const rg = routableGraphFromEdges(g.nodeCount, edges);
    const t = computeCentralities(rg, { eigenvector: { tolerance: 1e-15 } });
    expect(t.routableCount).toBe(inBall.size);
    crossCheck(rg, t, { eigen: t.largestComponentSize === t.routableCount });
  }, 60000);

  it('gives the same values and ranks in worker threads, run after run', async () => {
    const rg = routableGraphFromEdges(400, randomLightningLikeEdges(400, 7));
    const sync = computeCentralities(rg);
    const a = await computeCentralitiesInWorkers(rg, { workers: 2 });
    const b = await computeCentralitiesInWorkers(rg, { workers: 2 });
    for (const col of ['betweenness', 'closeness', 'eigenvector'] as const) {
      expect(a[col].rank).toEqual(b[col].rank);
      expect(a[col].raw).toEqual(b[col].raw);
      expect(a[col].rank).toEqual(sync[col].rank);
      for (let v = 0; v < rg.nodeCount; v++) {
        if (sync.routable[v]) expectRelClose(a[col].raw[v], sync[col].raw[v], 1e-12);
      }
    }
  }, 60000);

  it('round-trips through its serialised form', () => {
    const t = computeCentralities(routableGraphFromEdges(50, randomLightningLikeEdges(50, 3)));
    const back = deserializeCentralityTable(JSON.parse(JSON.stringify(serializeCentralityTable(t))));
    expect(back).toEqual(t);
    expect(back.betweenness.raw).toBeInstanceOf(Float64Array);
    expect(() => deserializeCentralityTable({ ...serializeCentralityTable(t), format: 'x' } as never)).toThrow(TypeError);
  });
});
