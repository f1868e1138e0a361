import { reduceLeaves } from './leaf-reduction';
import { buildRoutableGraph, hasEdge, routableDegree, routableGraphFromEdges, withExtraEdge } from './routable-graph';
import { lightningGraphOf } from './testing/test-graphs';

describe('buildRoutableGraph', () => {
  const g = lightningGraphOf(6, [
    { a: 0, b: 1, capacitySat: 100 },
    { a: 1, b: 0, capacitySat: 50 }, // parallel, listed the other way round
    { a: 1, b: 2, capacitySat: 7, feeA: null }, // one enabled direction is enough
    { a: 2, b: 3, capacitySat: 9, disabled: true }, // zombie
    { a: 3, b: 4, feeA: null, feeB: null }, // no policy at all
    { a: 4, b: 5, capacitySat: 3, feeB: null },
  ]);
  const rg = buildRoutableGraph(g);

  it('keeps usable channels only and collapses parallel ones, summing their capacity', () => {
    expect(rg.nodeCount).toBe(6);
    expect(rg.routableCount).toBe(5);
    expect(rg.edgeCount).toBe(3);
    expect(Array.from(rg.neighbors.subarray(rg.offsets[1], rg.offsets[2]))).toEqual([0, 2]);
    expect(rg.adjCapacitySat[rg.offsets[0]]).toBe(150);
    expect(rg.adjChannelCount[rg.offsets[0]]).toBe(2);
    expect(routableDegree(rg, 3)).toBe(0);
    expect(hasEdge(rg, 1, 0)).toBe(true);
    expect(hasEdge(rg, 2, 3)).toBe(false);
  });

  it('agrees with the node-stats degree definition', () => {
    for (let v = 0; v < g.nodeCount; v++) {
      const peers = new Set(Array.from(g.channelsOf(v)).filter((c) => g.isUsable(c)).map((c) => g.peerOf(c, v)));
      expect(routableDegree(rg, v)).toBe(peers.size);
    }
  });
});

describe('routableGraphFromEdges', () => {
  it('drops self-loops, sorts neighbours and rejects out-of-range nodes', () => {
    const rg = routableGraphFromEdges(4, [[2, 0], [0, 1], [1, 1], [0, 2, 5]]);
    expect(Array.from(rg.neighbors.subarray(rg.offsets[0], rg.offsets[1]))).toEqual([1, 2]);
    expect(rg.adjCapacitySat[rg.offsets[0] + 1]).toBe(5);
    expect(rg.routableCount).toBe(3);
    expect(() => routableGraphFromEdges(2, [[0, 2]])).toThrow(RangeError);
  });
});

describe('reduceLeaves', () => {
  it('folds single-peer nodes into their peer but keeps both ends of an isolated edge', () => {
    // Star 0-{1,2,3} with 3-4 extending it, plus the isolated edge 5-6.
    const { core, coreOf, parentOf } = reduceLeaves(routableGraphFromEdges(8, [[0, 1], [0, 2], [0, 3], [3, 4], [5, 6]]));
    expect(Array.from(parentOf)).toEqual([-1, 0, 0, -1, 3, -1, -1, -1]);
    expect(Array.from(core.nodeOf)).toEqual([0, 3, 5, 6]);
    expect(Array.from(core.weight)).toEqual([3, 2, 1, 1]);
    expect(Array.from(core.componentSize)).toEqual([5, 5, 2, 2]);
    expect(coreOf[7]).toBe(-1);
  });
});

describe('withExtraEdge', () => {
  it('adds one edge and keeps everything else', () => {
    const rg = routableGraphFromEdges(5, [[0, 1, 10], [1, 2, 20], [0, 1, 5]]);
    const more = withExtraEdge(rg, 3, 1, 7);
    expect(more.edgeCount).toBe(3);
    expect(more.routableCount).toBe(4);
    expect(hasEdge(more, 1, 3)).toBe(true);
    expect(more.adjCapacitySat[more.offsets[0]]).toBe(15);
    expect(rg.edgeCount).toBe(2);
  });
});
