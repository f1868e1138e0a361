import { RoutableGraph } from './routable-graph';

/**
 * The routable graph with its pendant leaves folded into their parents: the "core" that the all-sources
 * shortest-path passes run on. Almost half of the routable Lightning nodes have a single peer, and a leaf adds
 * nothing to a BFS that its parent's BFS does not already say (every path from a leaf goes through its
 * parent, one hop longer), so the passes run on about half the nodes and skip half the sources.
 *
 * A node is folded when its degree is 1 and its only neighbour's degree is above 1 (the two ends of an
 * isolated edge are both kept, each a core node of weight 1). Core nodes are renumbered 0..size-1 in BFS
 * order from the best-connected node (neighbours by decreasing degree): nodes that are close in the graph get
 * close indices, which makes the all-sources passes about an eighth faster than node order.
 */
export interface CoreGraph {
  /** Number of core nodes. */
  readonly size: number;
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  /** 1 + the number of leaves folded into the core node (how many nodes it stands for as a path end). */
  readonly weight: Float64Array;
  /** Size of the node's connected component in the routable graph, leaves included. */
  readonly componentSize: Float64Array;
  /** Core index → node index of the routable graph. */
  readonly nodeOf: Int32Array;
}

export interface LeafReduction {
  core: CoreGraph;
  /** Node index → core index, or -1 for folded leaves and unroutable nodes. */
  coreOf: Int32Array;
  /** Node index → the node it was folded into, or -1 when it was not folded. */
  parentOf: Int32Array;
}

/** Folds the pendant leaves of `rg` into their parents (see {@link CoreGraph}). */
export function reduceLeaves(rg: RoutableGraph): LeafReduction {
  const n = rg.nodeCount;
  const { offsets, neighbors } = rg;
  const degree = (v: number) => offsets[v + 1] - offsets[v];
  const parentOf = new Int32Array(n).fill(-1);
  const isCore = new Uint8Array(n);
  const kept: number[] = [];
  for (let v = 0; v < n; v++) {
    const d = degree(v);
    if (d === 0) continue;
    if (d === 1 && degree(neighbors[offsets[v]]) > 1) parentOf[v] = neighbors[offsets[v]];
    else {
      isCore[v] = 1;
      kept.push(v);
    }
  }

  // Numbering: BFS over core nodes, starting from the highest degree (ties: lower index), each component in turn.
  const coreOf = new Int32Array(n).fill(-1);
  const nodeOfList: number[] = [];
  kept.sort((a, b) => degree(b) - degree(a) || a - b);
  const byDegree = (a: number, b: number) => degree(b) - degree(a) || a - b;
  for (const start of kept) {
    if (coreOf[start] >= 0) continue;
    coreOf[start] = nodeOfList.length;
    nodeOfList.push(start);
    for (let h = nodeOfList.length - 1; h < nodeOfList.length; h++) {
      const v = nodeOfList[h];
      const next: number[] = [];
      for (let j = offsets[v]; j < offsets[v + 1]; j++) if (isCore[neighbors[j]] && coreOf[neighbors[j]] < 0) next.push(neighbors[j]);
      next.sort(byDegree);
      for (const w of next) {
        coreOf[w] = nodeOfList.length;
        nodeOfList.push(w);
      }
    }
  }
  const size = nodeOfList.length;
  const nodeOf = Int32Array.from(nodeOfList);
  const weight = new Float64Array(size).fill(1);
  for (let v = 0; v < n; v++) if (parentOf[v] >= 0) weight[coreOf[parentOf[v]]]++;

  const coreOffsets = new Int32Array(size + 1);
  const coreNeighbors: number[] = [];
  const row: number[] = [];
  for (let i = 0; i < size; i++) {
    const v = nodeOf[i];
    row.length = 0;
    for (let j = offsets[v]; j < offsets[v + 1]; j++) if (isCore[neighbors[j]]) row.push(coreOf[neighbors[j]]);
    row.sort((a, b) => a - b);
    for (const k of row) coreNeighbors.push(k);
    coreOffsets[i + 1] = coreNeighbors.length;
  }

  const componentSize = new Float64Array(size);
  const comp = new Int32Array(size).fill(-1);
  const queue = new Int32Array(size);
  for (let s = 0; s < size; s++) {
    if (comp[s] >= 0) continue;
    let head = 0;
    let tail = 0;
    let total = 0;
    queue[tail++] = s;
    comp[s] = s;
    while (head < tail) {
      const v = queue[head++];
      total += weight[v];
      for (let j = coreOffsets[v]; j < coreOffsets[v + 1]; j++) {
        const w = coreNeighbors[j];
        if (comp[w] < 0) {
          comp[w] = s;
          queue[tail++] = w;
        }
      }
    }
    for (let i = 0; i < tail; i++) componentSize[queue[i]] = total;
  }

  return {
    core: { size, offsets: coreOffsets, neighbors: Int32Array.from(coreNeighbors), weight, componentSize, nodeOf },
    coreOf,
    parentOf,
  };
}
