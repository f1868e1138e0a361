import { CoreGraph } from './leaf-reduction';

/**
 * What one batch of sources contributes, in core indices. `dependency` is a partial sum over the batch; the
 * per-source fields are set only at the batch's own sources (0 elsewhere), so batches add up exactly.
 */
export interface BrandesPartial {
  /**
   * Σ over the batch's sources `s` of `weight[s] · δ_s(w)`, where δ_s is Brandes' dependency with every core
   * target `t` counted `weight[t]` times (a core node stands for itself and its folded leaves). Ordered pairs,
   * core-to-core paths only: {@link assembleBetweenness} adds the paths that start or end at a leaf.
   */
  dependency: Float64Array;
  /** Σ 1/d(s,u) over every node u ≠ s of the component, leaves included (harmonic closeness, raw). */
  harmonic: Float64Array;
  /** The same sum seen from any one leaf folded into s. */
  harmonicLeaf: Float64Array;
  /** Σ d(s,u) over the component (for the mean hop distance). */
  distanceSum: Float64Array;
  /** The same sum seen from any one leaf folded into s. */
  distanceSumLeaf: Float64Array;
}

/**
 * Brandes' algorithm (unweighted, BFS) from each core source in `sources`, with leaf weights: one forward
 * BFS counting shortest paths (σ), then one backward sweep in reverse BFS order that pulls dependencies from
 * the next level, δ(v) = σ(v) · Σ_{w: d(w)=d(v)+1} (weight(w) + δ(w)) / σ(w). All buffers are preallocated
 * typed arrays reused across sources; only the nodes a BFS reached are reset. Cost O(|sources| · core edges).
 */
export function brandesFromSources(core: CoreGraph, sources: ArrayLike<number>): BrandesPartial {
  const n = core.size;
  const off = core.offsets;
  const adj = core.neighbors;
  const weight = core.weight;
  const dependency = new Float64Array(n);
  const harmonic = new Float64Array(n);
  const harmonicLeaf = new Float64Array(n);
  const distanceSum = new Float64Array(n);
  const distanceSumLeaf = new Float64Array(n);

  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  // (weight(w) + δ(w)) / σ(w): what w hands to each of its predecessors per unit of σ.
  const coef = new Float64Array(n);
  const queue = new Int32Array(n);
  const succ = new Int32Array(adj.length);
  const succEnd = new Int32Array(n);
  // Nodes per BFS level: core nodes, and leaves hanging one hop further out.
  const levelCore = new Float64Array(n + 2);
  const levelLeaves = new Float64Array(n + 2);

  for (let si = 0; si < sources.length; si++) {
    const s = sources[si];
    queue[0] = s;
    dist[s] = 0;
    sigma[s] = 1;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++];
      const dv = dist[v] + 1;
      const sv = sigma[v];
      // Successors of v in the shortest-path DAG are a subset of its neighbours: store them in v's own
      // adjacency slots, so the backward sweep reads only DAG edges (at most half of the adjacency entries).
      let k = off[v];
      for (let j = k, end = off[v + 1]; j < end; j++) {
        const w = adj[j];
        const dw = dist[w];
        if (dw < 0) {
          dist[w] = dv;
          sigma[w] = sv;
          queue[tail++] = w;
          succ[k++] = w;
        } else if (dw === dv) {
          sigma[w] += sv;
          succ[k++] = w;
        }
      }
      succEnd[v] = k;
    }

    // The source stands for itself and its folded leaves: every path from one of them runs through s.
    const ws = weight[s];
    const maxDepth = dist[queue[tail - 1]];
    let i = tail - 1;
    // The deepest level has no successors: δ = 0.
    for (; i > 0 && dist[queue[i]] === maxDepth; i--) {
      const w = queue[i];
      coef[w] = weight[w] / sigma[w];
    }
    for (; i > 0; i--) {
      const w = queue[i];
      let sum = 0;
      for (let j = off[w], end = succEnd[w]; j < end; j++) sum += coef[succ[j]];
      const sw = sigma[w];
      coef[w] = weight[w] / sw + sum;
      dependency[w] += ws * sw * sum;
    }
    for (let d = 0; d <= maxDepth + 1; d++) {
      levelCore[d] = 0;
      levelLeaves[d] = 0;
    }
    for (let t = 0; t < tail; t++) {
      const w = queue[t];
      levelCore[dist[w]] += 1;
      levelLeaves[dist[w]] += weight[w] - 1;
      dist[w] = -1;
    }
    // M[d]: nodes at distance d from s (M[0] = s itself); leaves sit one level below their parent.
    let h = 0;
    let hLeaf = 0;
    let ds = 0;
    let dsLeaf = 0;
    for (let d = 0; d <= maxDepth + 1; d++) {
      const m = levelCore[d] + (d > 0 ? levelLeaves[d - 1] : 0);
      if (d > 0) {
        h += m / d;
        ds += d * m;
      }
      hLeaf += m / (d + 1);
      dsLeaf += (d + 1) * m;
    }
    // Seen from a leaf of s, s is one hop and every other node one hop further, except the leaf itself.
    harmonic[s] = h;
    harmonicLeaf[s] = hLeaf - 0.5;
    distanceSum[s] = ds;
    distanceSumLeaf[s] = dsLeaf - 2;
  }
  return { dependency, harmonic, harmonicLeaf, distanceSum, distanceSumLeaf };
}

/**
 * Turns summed partials into betweenness per core node, unordered pairs (each pair {s,t} counted once):
 * BC(w) = ½ [A(w) + 2·L(w)·(N − weight(w)) + L(w)·(L(w) − 1)], where A is the summed `dependency`,
 * L(w) = weight(w) − 1 its folded leaves and N its component size. The second term counts the paths from a
 * leaf of w to any node outside w's star (all go through w), both directions; the third the paths between
 * two leaves of w. Folded leaves themselves have betweenness 0.
 */
export function assembleBetweenness(core: CoreGraph, dependency: Float64Array): Float64Array {
  const out = new Float64Array(core.size);
  for (let w = 0; w < core.size; w++) {
    const leaves = core.weight[w] - 1;
    out[w] = (dependency[w] + 2 * leaves * (core.componentSize[w] - core.weight[w]) + leaves * (leaves - 1)) / 2;
  }
  return out;
}
