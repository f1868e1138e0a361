import { LightningGraph } from '../model/lightning-graph';

/**
 * The graph that centralities are computed on: undirected and simple. A channel counts when it is usable
 * (at least one enabled direction, {@link LightningGraph.isUsable}), the same rule `node-stats.ts` uses for
 * degree; parallel usable channels between two nodes collapse into one edge. Node indices are the
 * LightningGraph's, so nodes without a usable channel stay in the index space with degree 0: callers can
 * look any node up without a translation table, and "unroutable" is simply `degree(v) === 0`.
 *
 * Adjacency is CSR with each node's neighbours in ascending order (deterministic iteration, so results do
 * not depend on the snapshot's channel order). Every undirected edge appears twice, once from each end;
 * `adjCapacitySat` and `adjChannelCount` are parallel to `neighbors`.
 */
export interface RoutableGraph {
  /** Size of the index space (every node of the source graph, routable or not). */
  readonly nodeCount: number;
  /** Nodes with at least one usable channel: the `n` of every normalisation. */
  readonly routableCount: number;
  /** Undirected edges after collapsing parallel channels. */
  readonly edgeCount: number;
  /** Neighbours of `v` are `neighbors[offsets[v] .. offsets[v + 1])`. */
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  /** Summed capacity of the usable channels the edge stands for, sat. */
  readonly adjCapacitySat: Float64Array;
  /** Number of usable channels the edge stands for. */
  readonly adjChannelCount: Uint32Array;
}

/** An undirected edge for {@link routableGraphFromEdges}; capacity defaults to 0. */
export type EdgeInput = readonly [number, number] | readonly [number, number, number];

/** Builds the routable graph of a Lightning snapshot (see {@link RoutableGraph} for the definition). */
export function buildRoutableGraph(g: LightningGraph): RoutableGraph {
  const a: number[] = [];
  const b: number[] = [];
  const cap: number[] = [];
  for (let c = 0; c < g.channelCount; c++) {
    if (!g.isUsable(c)) continue;
    a.push(g.chanNode1[c]);
    b.push(g.chanNode2[c]);
    cap.push(g.chanCapacitySat[c]);
  }
  return collapse(g.nodeCount, Int32Array.from(a), Int32Array.from(b), Float64Array.from(cap));
}

/**
 * Builds a routable graph from a plain undirected edge list over nodes `0..nodeCount-1`: for tests and for
 * simulated graphs. Every listed edge counts as usable; duplicates collapse and self-loops are dropped, as in
 * {@link buildRoutableGraph}.
 */
export function routableGraphFromEdges(nodeCount: number, edges: readonly EdgeInput[]): RoutableGraph {
  const a = new Int32Array(edges.length);
  const b = new Int32Array(edges.length);
  const cap = new Float64Array(edges.length);
  edges.forEach((e, i) => {
    if (!(e[0] >= 0 && e[0] < nodeCount && e[1] >= 0 && e[1] < nodeCount)) {
      throw new RangeError(`edge ${i} (${e[0]}, ${e[1]}) is outside 0..${nodeCount - 1}`);
    }
    a[i] = e[0];
    b[i] = e[1];
    cap[i] = e[2] ?? 0;
  });
  return collapse(nodeCount, a, b, cap);
}

/**
 * A copy of `rg` with one more edge a–b (capacity `capacitySat`): the graph a "what if this channel existed"
 * question is about. Used to check simulations against full recomputation.
 */
export function withExtraEdge(rg: RoutableGraph, a: number, b: number, capacitySat = 0): RoutableGraph {
  const m = rg.neighbors.length;
  const from = new Int32Array(m + 1);
  const to = new Int32Array(m + 1);
  const cap = new Float64Array(m + 1);
  let k = 0;
  for (let v = 0; v < rg.nodeCount; v++) {
    for (let j = rg.offsets[v]; j < rg.offsets[v + 1]; j++) {
      // Each undirected edge once (from its lower end); its summed capacity kept.
      if (rg.neighbors[j] < v) continue;
      from[k] = v;
      to[k] = rg.neighbors[j];
      cap[k++] = rg.adjCapacitySat[j];
    }
  }
  from[k] = a;
  to[k] = b;
  cap[k++] = capacitySat;
  return collapse(rg.nodeCount, from.subarray(0, k), to.subarray(0, k), cap.subarray(0, k));
}

/** Degree of `v` in the routable graph (distinct usable peers). */
export function routableDegree(rg: RoutableGraph, v: number): number {
  return rg.offsets[v + 1] - rg.offsets[v];
}

/** Whether `u` and `v` share an edge (binary search in the sorted adjacency of the lower-degree end). */
export function hasEdge(rg: RoutableGraph, u: number, v: number): boolean {
  if (routableDegree(rg, u) > routableDegree(rg, v)) [u, v] = [v, u];
  let lo = rg.offsets[u];
  let hi = rg.offsets[u + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = rg.neighbors[mid];
    if (x === v) return true;
    if (x < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function collapse(n: number, a: Int32Array, b: Int32Array, cap: Float64Array): RoutableGraph {
  // Directed half-edges bucketed by source, then sorted per node so parallel channels sit side by side.
  const count = new Int32Array(n + 1);
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    count[a[i] + 1]++;
    count[b[i] + 1]++;
  }
  for (let v = 0; v < n; v++) count[v + 1] += count[v];
  const fill = count.slice(0, n);
  const peer = new Int32Array(count[n]);
  const pcap = new Float64Array(count[n]);
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    let k = fill[a[i]]++;
    peer[k] = b[i];
    pcap[k] = cap[i];
    k = fill[b[i]]++;
    peer[k] = a[i];
    pcap[k] = cap[i];
  }

  const offsets = new Int32Array(n + 1);
  const neighbors: number[] = [];
  const adjCap: number[] = [];
  const adjCount: number[] = [];
  let routableCount = 0;
  const order: number[] = [];
  for (let v = 0; v < n; v++) {
    const lo = count[v];
    const hi = count[v + 1];
    order.length = 0;
    for (let k = lo; k < hi; k++) order.push(k);
    order.sort((x, y) => peer[x] - peer[y]);
    let last = -1;
    for (const k of order) {
      if (peer[k] !== last) {
        neighbors.push(peer[k]);
        adjCap.push(pcap[k]);
        adjCount.push(1);
        last = peer[k];
      } else {
        adjCap[adjCap.length - 1] += pcap[k];
        adjCount[adjCount.length - 1]++;
      }
    }
    offsets[v + 1] = neighbors.length;
    if (offsets[v + 1] > offsets[v]) routableCount++;
  }
  return {
    nodeCount: n,
    routableCount,
    edgeCount: neighbors.length / 2,
    offsets,
    neighbors: Int32Array.from(neighbors),
    adjCapacitySat: Float64Array.from(adjCap),
    adjChannelCount: Uint32Array.from(adjCount),
  };
}
