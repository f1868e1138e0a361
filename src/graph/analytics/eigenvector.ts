import { RoutableGraph } from './routable-graph';

/** Default stopping rule of {@link eigenvectorCentrality}: max-norm change of the unit vector per step. */
export const EIGENVECTOR_TOLERANCE = 1e-12;
/** Default iteration cap of {@link eigenvectorCentrality}. */
export const EIGENVECTOR_MAX_ITERATIONS = 5000;

export interface EigenvectorOptions {
  /** Stop when max |x_k − x_{k−1}| ≤ tolerance (x has unit Euclidean norm). Default {@link EIGENVECTOR_TOLERANCE}. */
  tolerance?: number;
  /** Give up after this many steps, reporting `converged: false`. Default {@link EIGENVECTOR_MAX_ITERATIONS}. */
  maxIterations?: number;
  /**
   * Node indices to compute on; they must form a union of whole components (plus `extraEdge`). Default: the
   * largest connected component of `rg` ({@link largestComponent}).
   */
  members?: Int32Array;
  /** Starting vector (node-indexed, need not be normalised): a previous result makes a warm start. */
  start?: Float64Array;
  /** One edge added on top of `rg` (for "what if this channel existed" simulations). */
  extraEdge?: readonly [number, number];
}

export interface EigenvectorResult {
  /** Node-indexed; unit Euclidean norm over `members`; 0 outside them. */
  values: Float64Array;
  /** Dominant eigenvalue of the adjacency matrix (Rayleigh quotient at the end). */
  eigenvalue: number;
  iterations: number;
  converged: boolean;
  members: Int32Array;
}

/**
 * Eigenvector centrality on the undirected routable adjacency matrix A (collapsed, unweighted): the
 * Perron vector x with A x = λ₁ x, x ≥ 0, ‖x‖₂ = 1.
 *
 * Eigenvector centrality is only defined per connected component, and comparing the Perron vectors of
 * different components means nothing, so it is computed on the largest connected component and every
 * node outside it scores 0 (on mainnet that component holds nearly every routable node; the rest are
 * isolated pairs and tiny islands that no payment from the main network can reach anyway).
 *
 * Power iteration on A + I rather than A: same eigenvector, but the shift moves the spectrum to
 * λ + 1 > 0 so a nearly bipartite graph (hubs with many single-channel nodes) converges instead of
 * oscillating between its ±λ₁ eigenvectors. graphology-metrics iterates the same map.
 */
export function eigenvectorCentrality(rg: RoutableGraph, opts: EigenvectorOptions = {}): EigenvectorResult {
  const tolerance = opts.tolerance ?? EIGENVECTOR_TOLERANCE;
  const maxIterations = opts.maxIterations ?? EIGENVECTOR_MAX_ITERATIONS;
  const members = opts.members ?? largestComponent(rg);
  const { offsets, neighbors } = rg;
  const m = members.length;
  let x = new Float64Array(rg.nodeCount);
  let y = new Float64Array(rg.nodeCount);
  const values = new Float64Array(rg.nodeCount);
  if (m === 0) return { values, eigenvalue: 0, iterations: 0, converged: true, members };
  const [ea, eb] = opts.extraEdge ?? [-1, -1];

  for (let i = 0; i < m; i++) {
    const v = members[i];
    // Degree + 1 as a cold start: already close to the Perron vector on hub-and-spoke graphs.
    x[v] = opts.start ? opts.start[v] : offsets[v + 1] - offsets[v] + 1;
  }
  if (ea >= 0 && opts.start) {
    // A node joining the component through the new edge has no previous score: start it near its peer's.
    if (x[ea] === 0) x[ea] = x[eb] / 2;
    if (x[eb] === 0) x[eb] = x[ea] / 2;
  }
  scale(x, members, 1 / norm(x, members));

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    for (let i = 0; i < m; i++) {
      const v = members[i];
      let sum = x[v];
      for (let j = offsets[v], end = offsets[v + 1]; j < end; j++) sum += x[neighbors[j]];
      y[v] = sum;
    }
    if (ea >= 0) {
      y[ea] += x[eb];
      y[eb] += x[ea];
    }
    const inv = 1 / norm(y, members);
    let change = 0;
    for (let i = 0; i < m; i++) {
      const v = members[i];
      y[v] *= inv;
      const d = Math.abs(y[v] - x[v]);
      if (d > change) change = d;
    }
    const t = x;
    x = y;
    y = t;
    if (change <= tolerance) {
      converged = true;
      break;
    }
  }

  // Rayleigh quotient xᵀAx (x is unit): the eigenvalue, reported for diagnostics.
  let eigenvalue = 0;
  for (let i = 0; i < m; i++) {
    const v = members[i];
    let sum = 0;
    for (let j = offsets[v], end = offsets[v + 1]; j < end; j++) sum += x[neighbors[j]];
    eigenvalue += x[v] * sum;
  }
  if (ea >= 0) eigenvalue += 2 * x[ea] * x[eb];
  for (let i = 0; i < m; i++) values[members[i]] = x[members[i]];
  return { values, eigenvalue, iterations, converged, members };
}

/**
 * Connected components of the routable graph: a label per node (the smallest node index of its component),
 * -1 for unroutable nodes.
 */
export function componentLabels(rg: RoutableGraph): Int32Array {
  const n = rg.nodeCount;
  const label = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (label[s] >= 0 || rg.offsets[s + 1] === rg.offsets[s]) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    label[s] = s;
    while (head < tail) {
      const v = queue[head++];
      for (let j = rg.offsets[v]; j < rg.offsets[v + 1]; j++) {
        const w = rg.neighbors[j];
        if (label[w] < 0) {
          label[w] = s;
          queue[tail++] = w;
        }
      }
    }
  }
  return label;
}

/**
 * Node indices of the largest connected component, ascending. Ties go to the component holding the
 * smallest node index, so the choice is deterministic.
 */
export function largestComponent(rg: RoutableGraph, labels: Int32Array = componentLabels(rg)): Int32Array {
  const size = new Map<number, number>();
  for (let v = 0; v < labels.length; v++) if (labels[v] >= 0) size.set(labels[v], (size.get(labels[v]) ?? 0) + 1);
  let best = -1;
  let bestSize = 0;
  for (const [label, s] of size) {
    if (s > bestSize || (s === bestSize && label < best)) {
      best = label;
      bestSize = s;
    }
  }
  const out = new Int32Array(bestSize);
  let k = 0;
  for (let v = 0; v < labels.length; v++) if (labels[v] === best && best >= 0) out[k++] = v;
  return out;
}

function norm(x: Float64Array, members: Int32Array): number {
  let s = 0;
  for (let i = 0; i < members.length; i++) s += x[members[i]] * x[members[i]];
  return Math.sqrt(s);
}

function scale(x: Float64Array, members: Int32Array, f: number): void {
  for (let i = 0; i < members.length; i++) x[members[i]] *= f;
}
