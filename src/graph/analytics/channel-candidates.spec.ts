import { computeCentralities, rankKey } from './centralities';
import {
  ChannelCandidatesReport,
  prepareCandidateContext,
  preselectCandidates,
  quantile,
  simulateChannelCandidates,
  simulateChannelCandidatesInWorkers,
  suggestCapacity,
  suggestFees,
} from './channel-candidates';
import { buildRoutableGraph, hasEdge } from './routable-graph';
import { lightningGraphOf, randomLightningLikeEdges, TestChannel } from './testing/test-graphs';

/** A Lightning graph over a random Lightning-like topology (every listed edge a usable channel). */
function randomGraph(n: number, seed: number) {
  const channels: TestChannel[] = randomLightningLikeEdges(n, seed).map(([a, b], i) => ({
    a,
    b,
    capacitySat: 100_000 * (1 + (i % 17)),
    feeA: (i * 37) % 500,
    feeB: (i * 53) % 900,
  }));
  const g = lightningGraphOf(n, channels);
  const rg = buildRoutableGraph(g);
  const table = computeCentralities(rg);
  return { g, rg, table, channels, ctx: prepareCandidateContext(g, table, rg) };
}

function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(b));
}

describe('simulateChannelCandidates', () => {
  it.each([
    ['a hub', 21, (t: ReturnType<typeof randomGraph>['table']) => Array.from(t.betweenness.rank).indexOf(1)],
    ['a small node', 22, (t: ReturnType<typeof randomGraph>['table']) => Array.from(t.betweenness.rank).findIndex((r, v) => r > 40 && t.betweenness.raw[v] > 0)],
    ['a single-channel node', 23, (t: ReturnType<typeof randomGraph>['table']) => Array.from(t.betweenness.raw).indexOf(0)],
    ['an isolated pair', 24, (t: ReturnType<typeof randomGraph>['table']) => t.largestComponentSize < t.routableCount ? Array.from(t.routable).findIndex((r, v) => r === 1 && t.eigenvector.raw[v] === 0) : -1],
    ['a node with no usable channel', 25, (t: ReturnType<typeof randomGraph>['table']) => Array.from(t.routable).indexOf(0)],
  ])('matches brute-force recomputation for %s', (_label, seed, pick) => {
    const n = 120;
    const { g, rg, table, channels, ctx } = randomGraph(n, seed);
    const v = pick(table);
    expect(v).toBeGreaterThanOrEqual(0);
    const candidates = Array.from({ length: n }, (_, c) => c).filter((c) => c !== v && !hasEdge(rg, v, c) && c % 3 === seed % 3);
    const result = simulateChannelCandidates(ctx, v, candidates);
    expect(result.candidates).toHaveLength(candidates.length);
    for (const cand of result.candidates) {
      const c = cand.node;
      const after = computeCentralities(buildRoutableGraph(lightningGraphOf(n, [...channels, { a: v, b: c }])));
      // v's own new scores: exact.
      expect(rel(cand.betweenness.after, after.betweenness.raw[v])).toBeLessThan(1e-9);
      expect(rel(cand.closeness.after, after.closeness.raw[v])).toBeLessThan(1e-9);
      expect(rel(cand.meanHopDistance.after, after.meanHopDistance[v])).toBeLessThan(1e-12);
      expect(Math.abs(cand.eigenvector.after - after.eigenvector.raw[v])).toBeLessThan(1e-9);
      // Eigenvector rank: exact (every node's score is recomputed).
      expect(cand.eigenvector.rankAfter).toBe(after.eigenvector.rank[v]);
      // Betweenness and closeness ranks: v's new score against everyone else's current score.
      const estimate = (raw: Float64Array, x: number) =>
        1 + Array.from(raw).filter((y, u) => u !== v && table.routable[u] === 1 && rankKey(y) > rankKey(x)).length;
      expect(cand.betweenness.rankAfter).toBe(estimate(table.betweenness.raw, cand.betweenness.after));
      expect(cand.closeness.rankAfter).toBe(estimate(table.closeness.raw, cand.closeness.after));
      // Others' closeness can only grow, so the estimate is never worse than the truth.
      expect(cand.closeness.rankAfter).toBeLessThanOrEqual(after.closeness.rank[v]);
      expect(cand.betweenness.gain).toBe(cand.betweenness.rankBefore - cand.betweenness.rankAfter);
      if (table.routable[v]) {
        expect(cand.betweenness.rankBefore).toBe(table.betweenness.rank[v]);
        expect(cand.betweenness.after).toBeGreaterThanOrEqual(cand.betweenness.before! - 1e-9);
      } else {
        expect(cand.betweenness.before).toBeNull();
        expect(cand.closeness.rankBefore).toBe(table.routableCount + 1);
        expect(cand.meanHopDistance.before).toBeNull();
      }
    }
    void g;
  });

  it('skips unknown nodes, the node itself and existing peers', () => {
    const { rg, ctx } = randomGraph(60, 5);
    const v = 1;
    const peer = rg.neighbors[rg.offsets[v]];
    const r = simulateChannelCandidates(ctx, v, [v, peer, -1, 60, 1.5]);
    expect(r.candidates).toHaveLength(0);
    expect(r.skipped.map((s) => s.reason)).toEqual(['same-node', 'already-peer', 'unknown-node', 'unknown-node', 'unknown-node']);
    expect(() => simulateChannelCandidates(ctx, 999, [])).toThrow(RangeError);
  });

  it('gives the same report in worker threads', async () => {
    const { ctx } = randomGraph(200, 8);
    const v = 10;
    const candidates = preselectCandidates(ctx, v, { limit: 25, minPeers: 2 });
    expect(candidates.length).toBeGreaterThan(5);
    // Betweenness gains are summed in another order across workers: equal to rounding, ranks identical.
    const strip = (r: ChannelCandidatesReport) => ({
      ...r,
      computeMs: 0,
      candidates: r.candidates.map((c) => ({ ...c, betweenness: { ...c.betweenness, after: Number(c.betweenness.after.toPrecision(12)) } })),
    });
    const sync = simulateChannelCandidates(ctx, v, candidates);
    for (const workers of [0, 2, 3]) {
      const threaded = await simulateChannelCandidatesInWorkers(ctx, v, candidates, { workers });
      expect(strip(threaded)).toEqual(strip(sync));
    }
  }, 60000);
});

describe('prepareCandidateContext', () => {
  it('refuses a centrality table of another graph', () => {
    const { g, table } = randomGraph(40, 1);
    const other = randomGraph(41, 1);
    expect(() => prepareCandidateContext(g, other.table)).toThrow(RangeError);
    expect(() => prepareCandidateContext(g, { ...table, graphVersion: 'stale' })).toThrow(RangeError);
    expect(prepareCandidateContext(g, table).routable.edgeCount).toBe(table.edgeCount);
  });
});

describe('preselectCandidates', () => {
  it('keeps well-connected non-peers of the main component, best first, deterministically', () => {
    const { g, rg, table, ctx } = randomGraph(300, 9);
    const v = 5;
    const picked = preselectCandidates(ctx, v, { limit: 40 });
    expect(picked).toEqual(preselectCandidates(ctx, v, { limit: 40 }));
    expect(picked.length).toBe(40);
    const peers = new Set(Array.from(g.channelsOf(v), (c) => g.peerOf(c, v)));
    for (const c of picked) {
      expect(c).not.toBe(v);
      expect(peers.has(c)).toBe(false);
      expect(rg.offsets[c + 1] - rg.offsets[c]).toBeGreaterThanOrEqual(5);
      expect(table.eigenvector.raw[c]).toBeGreaterThan(0);
    }
    // Best first: the first pick has a betweenness percentile at least that of the last.
    expect(table.betweenness.percentile[picked[0]]).toBeGreaterThanOrEqual(table.betweenness.percentile[picked[picked.length - 1]] - 50);
  });
});

describe('capacity and fee suggestions', () => {
  const g = lightningGraphOf(6, [
    { a: 0, b: 1, capacitySat: 100_000, feeA: 10, feeB: 1 },
    { a: 0, b: 2, capacitySat: 200_000, feeA: 20, feeB: 2 },
    { a: 0, b: 3, capacitySat: 300_000, feeA: 30, feeB: 3 },
    { a: 0, b: 4, capacitySat: 1_000_000, feeA: 40, feeB: null },
    { a: 0, b: 5, capacitySat: 9_000_000, disabled: true },
  ]);

  it('sizes from the quartile and median of the candidate’s usable channels', () => {
    // Usable sizes 100k, 200k, 300k, 1M: p25 = 175k → 180k, median = 250k.
    expect(suggestCapacity(g, 0)).toEqual({ minimumViableSat: 180_000, idealSat: 250_000, sampleSize: 4 });
    expect(suggestCapacity(g, 5)).toEqual({ minimumViableSat: 20_000, idealSat: 20_000, sampleSize: 0 });
  });

  it('prices from what the candidate’s peers charge toward it', () => {
    // Inbound to node 0: peers 1, 2, 3 charge 1, 2, 3 ppm (peer 4 has no policy, peer 5's is disabled).
    expect(suggestFees(g, 0, 77)).toEqual({ passivePpm: 2, activePpm: 3, basis: 'candidate-inbound', sampleSize: 3 });
    expect(suggestFees(g, 5, 77)).toEqual({ passivePpm: 77, activePpm: 77, basis: 'network-median', sampleSize: 0 });
  });

  it('interpolates quantiles like numpy', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([5], 0.75)).toBe(5);
  });
});
